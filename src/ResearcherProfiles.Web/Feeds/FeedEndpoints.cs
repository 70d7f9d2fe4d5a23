using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Feeds;

/// <summary>
/// What search engines and feed readers fetch: /sitemap.xml (an index over /sitemaps/{part}-{n}.xml
/// when the site has more addresses than one file may list), /robots.txt, a profile's news feed
/// and the site's feed of newest papers. All are public pages as far as caching goes: stored by the
/// output cache under the public tag (so every save evicts them), compressed and given validators.
/// </summary>
public static class FeedEndpoints
{
    public const string SitemapPath = "/sitemap.xml";

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XmlContentType = "application/xml; charset=utf-8";

    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.Section));
        return services;
    }

    public static WebApplication MapFeeds(this WebApplication app)
    {
        app.MapGet(SitemapPath, SitemapAsync)
            .AllowAnonymous()
            .CacheOutput(PublicSiteExtensions.PublicPagesPolicy);
        app.MapGet("/sitemaps/{part}-{number:int}.xml", SitemapFileAsync)
            .AllowAnonymous()
            .CacheOutput(PublicSiteExtensions.PublicPagesPolicy);
        app.MapGet("/robots.txt", ([FromServices] PublicUrl site) => Results.Text(RobotsTxt(site), "text/plain; charset=utf-8", Encoding.UTF8))
            .AllowAnonymous()
            .CacheOutput(PublicSiteExtensions.PublicPagesPolicy);
        app.MapGet("/people/{slug}/news.atom", async (string slug, AppDbContext db, [FromServices] PublicUrl site, [FromServices] HomeProfile home, [FromServices] IOptions<FeedOptions> feeds, CancellationToken ct) =>
                await AtomFeeds.NewsAsync(db, site, await home.FindAsync(ct), slug, feeds.Value.EntriesPerFeed, ct) is { } feed
                    ? Results.Bytes(feed, AtomFeeds.ContentType)
                    : Results.NotFound())
            .AllowAnonymous()
            .CacheOutput(PublicSiteExtensions.PublicPagesPolicy);
        app.MapGet(AtomFeeds.PapersPath, async (AppDbContext db, [FromServices] PublicUrl site, [FromServices] HomeProfile home, [FromServices] IOptions<SiteOptions> siteOptions, [FromServices] IOptions<FeedOptions> feeds, CancellationToken ct) =>
                Results.Bytes(await AtomFeeds.PapersAsync(db, site, await home.FindAsync(ct), siteOptions.Value.Name, feeds.Value.EntriesPerFeed, ct), AtomFeeds.ContentType))
            .AllowAnonymous()
            .CacheOutput(PublicSiteExtensions.PublicPagesPolicy);
        return app;
    }

    /// <summary>
    /// Crawlers may read the public site, not the signed-in parts (the editor, accounts,
    /// administration, setup), the health checks, the error pages or search results (endless
    /// addresses that only repeat pages the sitemap lists); the sitemap lists the rest.
    /// </summary>
    public static string RobotsTxt(PublicUrl site)
    {
        ArgumentNullException.ThrowIfNull(site);
        // A site served under a path (https://example.org/lab) has its pages there.
        var pathBase = new Uri(site.Origin + "/").AbsolutePath.TrimEnd('/');
        var text = new StringBuilder()
            .Append("User-agent: *\n");
        foreach (var path in PublicCompression.PrivatePaths.Concat(["/healthz", "/error", "/not-found", "/search"]))
        {
            text.Append("Disallow: ").Append(pathBase).Append(path).Append('\n');
        }
        return text.Append("Allow: ").Append(pathBase).Append("/\n")
            .Append('\n')
            .Append("Sitemap: ").Append(site.Absolute(SitemapPath)).Append('\n')
            .ToString();
    }

    public static string FilePath(Sitemap.Part part, int number) =>
        $"/sitemaps/{Sitemap.NameOf(part)}-{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}.xml";

    /// <summary>Every address in one file while they fit in one; otherwise an index of the files of each part.</summary>
    private static async Task<IResult> SitemapAsync(AppDbContext db, [FromServices] PublicUrl site, [FromServices] IOptions<SiteOptions> siteOptions, [FromServices] IOptions<FeedOptions> feeds, [FromServices] HomeProfile home, HttpContext context)
    {
        var ct = context.RequestAborted;
        var sitemap = new Sitemap(db, DirectoryPageSize(siteOptions.Value), (await home.FindAsync(ct))?.Slug);
        var limit = feeds.Value.UrlsPerSitemap;
        var counts = new List<(Sitemap.Part Part, int Count)>();
        foreach (var part in Enum.GetValues<Sitemap.Part>())
        {
            counts.Add((part, await sitemap.CountAsync(part, ct)));
        }
        if (counts.Sum(c => (long)c.Count) <= limit)
        {
            return Results.Stream(
                body => WriteUrlSetAsync(body, site, counts.Where(c => c.Count > 0).Select(c => sitemap.UrlsAsync(c.Part, 0, c.Count, ct)), ct),
                XmlContentType);
        }
        var files = counts
            .SelectMany(c => Enumerable.Range(1, (c.Count + limit - 1) / limit).Select(number => FilePath(c.Part, number)))
            .ToList();
        return Results.Stream(body => WriteIndexAsync(body, site, files, ct), XmlContentType);
    }

    /// <summary>One file of a part: the addresses from (number − 1) × limit on; a 404 past the part's end.</summary>
    private static async Task<IResult> SitemapFileAsync(
        string part, int number, AppDbContext db, [FromServices] PublicUrl site, [FromServices] IOptions<SiteOptions> siteOptions, [FromServices] IOptions<FeedOptions> feeds, [FromServices] HomeProfile home, HttpContext context)
    {
        var ct = context.RequestAborted;
        if (!Sitemap.TryParse(part, out var which) || number < 1)
        {
            return Results.NotFound();
        }
        var sitemap = new Sitemap(db, DirectoryPageSize(siteOptions.Value), (await home.FindAsync(ct))?.Slug);
        var limit = feeds.Value.UrlsPerSitemap;
        var skip = (long)(number - 1) * limit;
        if (skip >= await sitemap.CountAsync(which, ct))
        {
            return Results.NotFound();
        }
        return Results.Stream(body => WriteUrlSetAsync(body, site, [sitemap.UrlsAsync(which, (int)skip, limit, ct)], ct), XmlContentType);
    }

    private static int DirectoryPageSize(SiteOptions site) => Math.Max(1, site.DirectoryPageSize);

    private static async Task WriteUrlSetAsync(Stream body, PublicUrl site, IEnumerable<IAsyncEnumerable<SitemapUrl>> parts, CancellationToken ct)
    {
        await using var xml = XmlWriter.Create(body, XmlText.WriterSettings(async: true));
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", SitemapNamespace);
        foreach (var part in parts)
        {
            await foreach (var url in part.WithCancellation(ct))
            {
                await xml.WriteStartElementAsync(null, "url", SitemapNamespace);
                await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, site.Absolute(url.Path));
                if (url.LastModified is { } modified)
                {
                    await xml.WriteElementStringAsync(null, "lastmod", SitemapNamespace, XmlText.Timestamp(modified));
                }
                await xml.WriteEndElementAsync();
            }
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task WriteIndexAsync(Stream body, PublicUrl site, IReadOnlyList<string> files, CancellationToken ct)
    {
        await using var xml = XmlWriter.Create(body, XmlText.WriterSettings(async: true));
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", SitemapNamespace);
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "sitemap", SitemapNamespace);
            await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, site.Absolute(file));
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }
}
