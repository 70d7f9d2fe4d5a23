using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ResearcherProfiles.Web.Hosting;

/// <summary>
/// The address of one of the site's own files with its content version (<c>?v=…</c>), exactly as
/// <c>asp-append-version</c> writes it, for the public views: there a tag helper on each script
/// and stylesheet cost every page the framework's per-element work. The version comes from the
/// same provider, which notices a changed file.
/// </summary>
public sealed class AssetUrls(IFileVersionProvider versions)
{
    /// <summary><paramref name="path"/> ("~/js/cite.js" under the site's path base, or "/js/cite.js") with its version, for the view rendering <paramref name="view"/>.</summary>
    public string Of(ViewContext view, string path)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var pathBase = view.HttpContext.Request.PathBase;
        var resolved = path.StartsWith("~/", StringComparison.Ordinal) ? pathBase.Add(new PathString(path[1..])).Value! : path;
        return versions.AddFileVersionToPath(pathBase, resolved);
    }
}
