namespace ResearcherProfiles.Web.Hosting;

public static class GetAndHeadEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Maps a public file (feed, export, PDF, photo) that answers HEAD as it answers GET, like the
    /// pages do: crawlers and link checkers ask with HEAD, and a 405 reads to them as a broken link.
    /// </summary>
    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, GetAndHead, handler);
}
