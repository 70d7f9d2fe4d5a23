using System.Reflection;
using Microsoft.AspNetCore.OutputCaching;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// The size of the buffers in which the output cache gathers each response it stores. ASP.NET Core
/// allocates them anew for every response, 80 KB each (its pooling of them is switched off), while a
/// compressed page is a few kilobytes: on an uncached profile page that buffer was a quarter of all
/// the memory allocated, and the collections it caused a good part of the time spent. With 8 KB
/// buffers a page takes one or two. ASP.NET Core keeps the size in an internal setting, so it is
/// set by name once at start-up; a version without it is left as it is (a test says so).
/// </summary>
public static class OutputCacheSegments
{
    public const int Bytes = 8 * 1024;

    private static PropertyInfo? SegmentSize => typeof(OutputCacheOptions).Assembly
        .GetType("Microsoft.AspNetCore.OutputCaching.StreamUtilities")
        ?.GetProperty("BodySegmentSize", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);

    /// <summary>The size in use; null when this version of ASP.NET Core has no such setting.</summary>
    public static int? Current => SegmentSize?.GetValue(null) as int?;

    /// <summary>Sets the buffers to <see cref="Bytes"/>; false when this version of ASP.NET Core has no such setting.</summary>
    public static bool UseSmallSegments()
    {
        if (SegmentSize is not { PropertyType: var type, SetMethod: not null } property || type != typeof(int))
        {
            return false;
        }
        property.SetValue(null, Bytes);
        return true;
    }
}
