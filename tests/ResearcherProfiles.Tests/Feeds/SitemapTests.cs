using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Feeds;

/// <summary>/sitemap.xml: every public page once, with absolute addresses from the configured public address and dates.</summary>
public sealed class SitemapTests(FeedsAppFactory factory) : IClassFixture<FeedsAppFactory>
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly HttpClient _visitor = factory.CreateVisitor();

    /// <summary>The sitemap's addresses, each checked for its form, by path.</summary>
    private async Task<Dictionary<string, DateTimeOffset>> SitemapAsync()
    {
        var answer = await _visitor.GetXmlAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/xml; charset=utf-8", answer.ContentType);
        var root = answer.Document!.Root!;
        Assert.Equal(Sitemaps + "urlset", root.Name);
        var urls = root.Elements().ToList();
        Assert.All(urls, url => Assert.Equal(Sitemaps + "url", url.Name));
        var paths = urls.Select(url => FeedReading.PathOf((string)url.Element(Sitemaps + "loc")!)).ToList();
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
        return urls.ToDictionary(
            url => FeedReading.PathOf((string)url.Element(Sitemaps + "loc")!),
            url => FeedReading.AssertTimestamp((string?)url.Element(Sitemaps + "lastmod")),
            StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_lists_the_directory_profiles_lists_cvs_papers_and_projects()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        var ada = await new ResearcherBuilder("Ada Mapped")
            .WithNews("2024-03", "Joined the lab.")
            .WithPublication("A Paper Shared By Two", p => p.Owner())
            .WithProject(new Project { Title = "Mapped Project" })
            .SaveAsync(factory);
        var bo = await new ResearcherBuilder("Bo Mapped").With(r => r.OfferCv = false).SaveAsync(factory);
        var shared = await factory.ReadAsync(db => db.Publications.SingleAsync(p => p.Title == "A Paper Shared By Two"));
        await factory.ChangeDataAsync(db =>
        {
            db.ProfilePublications.Add(new ProfilePublication { ResearcherId = bo.Id, PublicationId = shared.Id });
            return Task.CompletedTask;
        });
        var projectId = await factory.ReadAsync(db => db.Projects.Where(p => p.ResearcherId == ada.Id).Select(p => p.Id).SingleAsync());

        var sitemap = await SitemapAsync();

        Assert.Contains("/", sitemap.Keys);
        Assert.Contains($"/people/{ada.Slug}", sitemap.Keys);
        Assert.Contains($"/people/{ada.Slug}/publications", sitemap.Keys);
        Assert.Contains($"/people/{ada.Slug}/cv", sitemap.Keys);
        Assert.Contains($"/people/{bo.Slug}", sitemap.Keys);
        Assert.Contains($"/people/{bo.Slug}/publications", sitemap.Keys);
        Assert.DoesNotContain($"/people/{bo.Slug}/cv", sitemap.Keys);
        // Listed by two profiles, the paper has one page and one address.
        Assert.Contains($"/publications/{shared.Id}/a-paper-shared-by-two", sitemap.Keys);
        Assert.Contains($"/people/{ada.Slug}/projects/{projectId}-mapped-project", sitemap.Keys);
        Assert.InRange(sitemap[$"/people/{ada.Slug}"], before, DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.InRange(sitemap[$"/publications/{shared.Id}/a-paper-shared-by-two"], before, DateTimeOffset.UtcNow.AddSeconds(2));

        // Every address the sitemap gives is a page a visitor can open.
        foreach (var path in new[] { "/", $"/people/{ada.Slug}", $"/people/{ada.Slug}/publications", $"/people/{ada.Slug}/cv",
            $"/publications/{shared.Id}/a-paper-shared-by-two", $"/people/{ada.Slug}/projects/{projectId}-mapped-project" })
        {
            using var page = await _visitor.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Hidden_and_trashed_profiles_hidden_sections_and_hidden_items_have_no_address()
    {
        var hidden = await new ResearcherBuilder("Hidden Mapped").Hidden().WithPublication("Paper Of A Hidden Profile", p => p.Owner()).SaveAsync(factory);
        var trashed = await new ResearcherBuilder("Trashed Mapped").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
        var owner = await new ResearcherBuilder("Careful Mapped")
            .WithPublication("A Paper Kept Off The List", p => p.Owner(), visible: false)
            .WithProject(new Project { Title = "A Hidden Project", IsVisible = false })
            .WithProject(new Project { Title = "An Open Source Tool", Kind = ProjectKind.OpenSource })
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.OpenSourceProjects, OwnSection = true, IsVisible = false }))
            .SaveAsync(factory);
        var noList = await new ResearcherBuilder("Listless Mapped")
            .WithPublication("A Paper Of A Hidden Section", p => p.Owner())
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Publications, IsVisible = false }))
            .SaveAsync(factory);
        var noProjects = await new ResearcherBuilder("Projectless Mapped")
            .WithProject(new Project { Title = "Under A Hidden Projects Section" })
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Projects, IsVisible = false }))
            .SaveAsync(factory);

        var paths = (await SitemapAsync()).Keys.ToList();

        Assert.DoesNotContain(paths, p => p.Contains(hidden.Slug, StringComparison.Ordinal) || p.Contains(trashed.Slug, StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("paper-of-a-hidden-profile", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("a-paper-kept-off-the-list", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("a-paper-of-a-hidden-section", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("/projects/", StringComparison.Ordinal)
            && (p.Contains(owner.Slug, StringComparison.Ordinal) || p.Contains(noProjects.Slug, StringComparison.Ordinal)));
        Assert.Contains($"/people/{owner.Slug}", paths);
        Assert.DoesNotContain($"/people/{owner.Slug}/publications", paths);
        Assert.Contains($"/people/{noList.Slug}", paths);
        Assert.DoesNotContain($"/people/{noList.Slug}/publications", paths);
        Assert.Contains($"/people/{noProjects.Slug}", paths);
        // What the sitemap leaves out, the site does not serve either.
        using var list = await _visitor.GetAsync(new Uri($"/people/{noList.Slug}/publications", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
    }

    [Fact]
    public async Task A_profile_saved_in_the_editor_gets_a_new_date_and_the_cached_sitemap_is_replaced()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Dated Mapped").With(r => r.UpdatedAt = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), (await SitemapAsync())[$"/people/{profile.Slug}"]);

        var url = $"/edit/{profile.Slug}/news";
        (await owner.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Date"] = "2024-05", ["Input.BodyMarkdown"] = "Dated news." }, "form.item-form"))
            .AssertRedirectsTo(url);

        Assert.InRange((await SitemapAsync())[$"/people/{profile.Slug}"], DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(2));
    }

    [Fact]
    public async Task The_sitemap_is_compressed_and_has_validators_like_the_pages()
    {
        await new ResearcherBuilder("Compressed Mapped").SaveAsync(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/sitemap.xml", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");

        using var response = await _visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/sitemap.xml", UriKind.Relative));
        again.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        using var notModified = await _visitor.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }
}
