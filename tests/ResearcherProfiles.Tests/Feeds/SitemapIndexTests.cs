using System.Net;
using System.Xml.Linq;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Feeds;

/// <summary>A site with more addresses than one sitemap file may hold: /sitemap.xml is an index over files within the limit.</summary>
public sealed class SitemapIndexTests(SitemapIndexTests.SmallSitemapsFactory factory) : IClassFixture<SitemapIndexTests.SmallSitemapsFactory>
{
    public const int Limit = 3;

    public sealed class SmallSitemapsFactory : FeedsAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["Site:PublicUrl"] = Origin,
            ["Feeds:SitemapUrlLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Site:DirectoryPageSize"] = "2",
        };
    }

    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task The_index_points_at_files_of_at_most_the_limit_that_together_list_every_page_once()
    {
        var slugs = new List<string>();
        foreach (var name in new[] { "Ann Indexed", "Ben Indexed", "Cy Indexed", "Di Indexed", "Ed Indexed" })
        {
            slugs.Add((await new ResearcherBuilder(name).WithPublication($"Paper of {name}", p => p.Owner()).SaveAsync(factory)).Slug);
        }

        var index = await _visitor.GetXmlAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, index.Status);
        Assert.Equal("application/xml; charset=utf-8", index.ContentType);
        Assert.Equal(Sitemaps + "sitemapindex", index.Document!.Root!.Name);
        var files = index.Document.Root.Elements(Sitemaps + "sitemap").Select(s => FeedReading.PathOf((string)s.Element(Sitemaps + "loc")!)).ToList();
        Assert.Equal(index.Document.Root.Elements().Count(), files.Count);
        Assert.Contains("/sitemaps/directory-1.xml", files);
        Assert.Contains("/sitemaps/profiles-2.xml", files);
        Assert.Contains("/sitemaps/papers-2.xml", files);
        Assert.All(files, f => Assert.Matches(@"^/sitemaps/(directory|profiles|lists|cvs|papers|projects)-\d+\.xml$", f));

        var listed = new List<string>();
        foreach (var file in files)
        {
            var part = await _visitor.GetXmlAsync(file);
            Assert.Equal(HttpStatusCode.OK, part.Status);
            Assert.Equal(Sitemaps + "urlset", part.Document!.Root!.Name);
            var urls = part.Document.Root.Elements(Sitemaps + "url").ToList();
            Assert.InRange(urls.Count, 1, Limit);
            foreach (var url in urls)
            {
                listed.Add(FeedReading.PathOf((string)url.Element(Sitemaps + "loc")!));
                FeedReading.AssertTimestamp((string?)url.Element(Sitemaps + "lastmod"));
            }
        }
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("/", listed);
        Assert.Contains("/?page=3", listed);
        foreach (var slug in slugs)
        {
            Assert.Contains($"/people/{slug}", listed);
            Assert.Contains($"/people/{slug}/publications", listed);
            Assert.Contains($"/people/{slug}/cv", listed);
        }
        Assert.Equal(5, listed.Count(p => p.StartsWith("/publications/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/sitemaps/profiles-99.xml")]
    [InlineData("/sitemaps/profiles-0.xml")]
    [InlineData("/sitemaps/everything-1.xml")]
    [InlineData("/sitemaps/Profiles-1.xml")]
    public async Task A_file_past_the_end_of_its_part_or_of_no_part_is_not_found(string path)
    {
        await new ResearcherBuilder("Only Indexed").SaveAsync(factory);

        using var response = await _visitor.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
