using ResearcherProfiles.Web.Hosting;
using Microsoft.Net.Http.Headers;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Startup;

public static class MediaEndpoints
{
    /// <summary>
    /// Serves uploaded profile photos from the data folder. Only names the app generates are
    /// served, so no other file in that folder (or outside it) can be reached; a stored file
    /// never changes, so browsers may keep it for a year.
    /// </summary>
    public static WebApplication MapMedia(this WebApplication app)
    {
        var directory = PhotoFiles.Directory(app.Configuration, app.Environment);
        app.MapGet(PhotoFiles.UrlPrefix + "{name}", (string name, HttpContext context) =>
        {
            var contentType = PhotoFiles.ContentTypeOf(name);
            var path = Path.Combine(directory, name);
            if (contentType is null || !File.Exists(path))
            {
                return Results.NotFound();
            }
            var headers = context.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
            return TypedResults.PhysicalFile(path, contentType);
        });
        return app;
    }
}
