using System.Text.RegularExpressions;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Editing;

/// <summary>An image format accepted for profile photos.</summary>
public sealed record PhotoFormat(string Extension, string ContentType);

/// <summary>
/// Profile photos on disk: {DataDirectory}/photos/{32 hex digits}.{jpg|png|webp}, served at
/// /media/photos/{name}. A file's type is decided by its first bytes, never by its name or the
/// content type the browser sent; names are generated, so an upload cannot choose where it lands.
/// </summary>
public static partial class PhotoFiles
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const string UrlPrefix = "/media/photos/";

    public static readonly PhotoFormat Jpeg = new("jpg", "image/jpeg");
    public static readonly PhotoFormat Png = new("png", "image/png");
    public static readonly PhotoFormat WebP = new("webp", "image/webp");

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int SignatureLength = 12;

    public static string Directory(IConfiguration configuration, IHostEnvironment environment) =>
        Path.Combine(ProfileDataExtensions.DataDirectory(configuration, environment), "photos");

    /// <summary>The format whose signature <paramref name="head"/> starts with, or null.</summary>
    public static PhotoFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        return null;
    }

    /// <summary>The content type of a stored photo's name, or null when the name is not one this app generates.</summary>
    public static string? ContentTypeOf(string name)
    {
        var match = StoredName().Match(name);
        if (!match.Success)
        {
            return null;
        }
        return match.Groups[1].Value switch
        {
            "jpg" => Jpeg.ContentType,
            "png" => Png.ContentType,
            _ => WebP.ContentType,
        };
    }

    /// <summary>Writes <paramref name="content"/> under a new name and returns the photo's URL path.</summary>
    public static async Task<string> SaveAsync(string directory, Stream content, PhotoFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(format);
        System.IO.Directory.CreateDirectory(directory);
        var name = $"{Guid.NewGuid():N}.{format.Extension}";
        await using (var file = new FileStream(Path.Combine(directory, name), FileMode.CreateNew, FileAccess.Write))
        {
            await content.CopyToAsync(file, ct);
        }
        return UrlPrefix + name;
    }

    /// <summary>
    /// Deletes the stored file behind <paramref name="photoPath"/> (a /media/photos/ URL path).
    /// Anything else (null, an outside URL, a name this app does not generate) is left alone.
    /// </summary>
    public static void Delete(string directory, string? photoPath)
    {
        if (photoPath is null || !photoPath.StartsWith(UrlPrefix, StringComparison.Ordinal))
        {
            return;
        }
        var name = photoPath[UrlPrefix.Length..];
        if (ContentTypeOf(name) is null)
        {
            return;
        }
        try
        {
            File.Delete(Path.Combine(directory, name));
        }
        catch (IOException)
        {
            // A file that cannot be deleted now is only disk space; the profile no longer shows it.
        }
    }

    /// <summary>Whether the stored file behind <paramref name="photoPath"/> is still there (outside URLs count as there).</summary>
    public static bool Exists(string directory, string photoPath)
    {
        ArgumentNullException.ThrowIfNull(photoPath);
        if (!photoPath.StartsWith(UrlPrefix, StringComparison.Ordinal))
        {
            return true;
        }
        var name = photoPath[UrlPrefix.Length..];
        return ContentTypeOf(name) is not null && File.Exists(Path.Combine(directory, name));
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredName();
}
