using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// The profile and its publication list link each paper's "Cite" block to the paper's BibTeX at
/// /people/{slug}/publications/{id}.bib instead of carrying every entry in the page; that address
/// answers for the papers the list shows and nothing else, and a long list stays paged while its
/// downloads stay whole.
/// </summary>
public sealed class PublicationListWeightTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private static string CitationPath(string slug, int id) => $"/people/{slug}/publications/{id}.bib";

    private static ResearcherBuilder WithConferencePaper(ResearcherBuilder builder, string title, bool highlighted = true, bool visible = true) =>
        builder.WithPublication(title, p => p.Owner().Author("Second Author").With(x =>
        {
            x.Type = PublicationType.Conference;
            x.VenueName = "Conference on Light Pages";
            x.Year = 2024;
            x.Pages = "1--12";
        }), highlighted, visible);

    private Task<int> IdOf(string title) => factory.ReadAsync(db => db.Publications.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task The_list_and_the_profile_link_each_cite_block_to_its_entry_instead_of_carrying_it()
    {
        var builder = new ResearcherBuilder("Lean Lister");
        WithConferencePaper(builder, "A Paper Cited on Demand");
        WithConferencePaper(builder, "Another Paper Cited on Demand");
        var profile = await builder.SaveAsync(factory);
        var first = await IdOf("A Paper Cited on Demand");

        foreach (var url in new[] { $"/people/{profile.Slug}/publications", $"/people/{profile.Slug}" })
        {
            var html = await _visitor.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.DoesNotContain("@inproceedings{", html, StringComparison.Ordinal);
            Assert.DoesNotContain("cite-bibtex", html, StringComparison.Ordinal);

            var page = await _visitor.GetPageAsync(url);
            var blocks = page.Document.QuerySelectorAll("article.pub details.cite");
            Assert.Equal(2, blocks.Length);
            var link = page.Document.QuerySelector($"#pub-{first} details.cite .cite-source a");
            Assert.Equal(CitationPath(profile.Slug, first), link?.GetAttribute("href"));
            Assert.Equal("BibTeX for “A Paper Cited on Demand”", link?.CleanText());
            Assert.Equal("Cite “A Paper Cited on Demand”", page.TextOf($"#pub-{first} details.cite summary"));
        }
    }

    [Fact]
    public async Task The_linked_entry_is_the_citation_the_papers_own_page_shows()
    {
        var profile = await WithConferencePaper(new ResearcherBuilder("Exact Citer"), "Same Citation Everywhere").SaveAsync(factory);
        var id = await IdOf("Same Citation Everywhere");

        using var response = await _visitor.GetAsync(new Uri(CitationPath(profile.Slug, id), UriKind.Relative));
        var entry = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("@inproceedings{", entry, StringComparison.Ordinal);
        Assert.Contains("title = {Same Citation Everywhere}", entry, StringComparison.Ordinal);
        Assert.Contains("pages = {1--12}", entry, StringComparison.Ordinal);
        var paperPage = await _visitor.GetPageAsync($"/publications/{id}/{PaperSlug.For("Same Citation Everywhere")}");
        Assert.Equal(paperPage.Section("Cite")!.QuerySelector("pre.cite-bibtex code")!.TextContent, entry);
    }

    [Fact]
    public async Task Only_papers_the_list_shows_have_an_entry()
    {
        var other = await WithConferencePaper(new ResearcherBuilder("Other Lister"), "Listed Elsewhere Only").SaveAsync(factory);
        var builder = new ResearcherBuilder("Careful Lister");
        WithConferencePaper(builder, "Shown Paper");
        WithConferencePaper(builder, "Hidden Entry Paper", visible: false);
        var profile = await builder.SaveAsync(factory);
        var hiddenProfile = await WithConferencePaper(new ResearcherBuilder("Hidden Lister").Hidden(), "Paper of a Hidden Profile").SaveAsync(factory);
        var trashed = await WithConferencePaper(new ResearcherBuilder("Trashed Lister").With(r => r.DeletedAt = DateTimeOffset.UtcNow), "Paper of a Trashed Profile").SaveAsync(factory);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(CitationPath(profile.Slug, await IdOf("Shown Paper"))));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(CitationPath(other.Slug, await IdOf("Listed Elsewhere Only"))));
        string[] missing =
        [
            CitationPath(profile.Slug, await IdOf("Hidden Entry Paper")),
            CitationPath(profile.Slug, await IdOf("Listed Elsewhere Only")),
            CitationPath(hiddenProfile.Slug, await IdOf("Paper of a Hidden Profile")),
            CitationPath(trashed.Slug, await IdOf("Paper of a Trashed Profile")),
            CitationPath(profile.Slug, int.MaxValue),
            CitationPath("no-such-profile", await IdOf("Shown Paper")),
            $"/people/{profile.Slug}/publications/-1.bib",
            $"/people/{profile.Slug}/publications/99999999999999999999.bib",
            $"/people/{profile.Slug}/publications/shown.bib",
        ];
        foreach (var url in missing)
        {
            Assert.True(await StatusAsync(url) == HttpStatusCode.NotFound, $"{url} should be a 404");
        }
        Assert.DoesNotContain("Hidden Entry Paper", (await _visitor.GetPageAsync($"/people/{profile.Slug}/publications")).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hiding_the_publications_section_takes_the_entries_with_it_even_once_cached()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(WithConferencePaper(new ResearcherBuilder("Layout Hider"), "Paper Behind a Hidden Section"));
        var entry = CitationPath(profile.Slug, await IdOf("Paper Behind a Hidden Section"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(entry));
        var cached = await factory.SqlCommands.RecordAsync(() => StatusAsync(entry));
        Assert.Empty(cached);

        var layout = $"/edit/{profile.Slug}/layout";
        var form = await owner.GetDocumentAsync(layout);
        var index = form.QuerySelectorAll("form.layout-form input[type=hidden][name$='].Kind']")
            .Select((input, i) => (Kind: input.GetAttribute("value"), Index: i))
            .Single(r => r.Kind == nameof(ProfileSectionKind.Publications)).Index;
        using var saved = await owner.SubmitAsync((IHtmlFormElement)form.QuerySelector("form.layout-form")!, layout,
            new Dictionary<string, string> { [$"Input.Sections[{index}].IsVisible"] = "false" });
        saved.AssertRedirectsTo(layout);

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(entry));
    }

    [Fact]
    public async Task The_entry_is_served_from_the_output_cache_and_compressed()
    {
        var profile = await WithConferencePaper(new ResearcherBuilder("Cached Citer"), "A Paper Cited Twice").SaveAsync(factory);
        var entry = CitationPath(profile.Slug, await IdOf("A Paper Cited Twice"));

        var first = await factory.SqlCommands.RecordAsync(() => StatusAsync(entry));
        var second = await factory.SqlCommands.RecordAsync(() => StatusAsync(entry));
        using var request = new HttpRequestMessage(HttpMethod.Get, entry);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var compressed = await _visitor.SendAsync(request);

        Assert.InRange(first.Count, 1, 5);
        Assert.Empty(second);
        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        Assert.NotNull(compressed.Headers.ETag);
    }

    [Fact]
    public async Task A_long_list_is_paged_with_light_pages_while_its_downloads_stay_whole()
    {
        var builder = new ResearcherBuilder("Long Lister");
        for (var i = 0; i < 130; i++)
        {
            WithConferencePaper(builder, $"Long List Paper {i:D3}", highlighted: false);
        }
        var profile = await builder.SaveAsync(factory);
        var list = $"/people/{profile.Slug}/publications";

        var first = await _visitor.GetPageAsync(list);
        var second = await _visitor.GetPageAsync($"{list}?page=2");
        var firstHtml = await _visitor.GetStringAsync(new Uri(list, UriKind.Relative));

        Assert.Equal(100, first.Document.QuerySelectorAll("article.pub details.cite .cite-source a").Length);
        Assert.Equal(30, second.Document.QuerySelectorAll("article.pub details.cite .cite-source a").Length);
        Assert.Equal($"{list}?page=2", first.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(list, second.Document.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href"));
        Assert.DoesNotContain("@inproceedings{", firstHtml, StringComparison.Ordinal);
        var bib = await _visitor.GetStringAsync(new Uri($"{list}.bib", UriKind.Relative));
        Assert.Equal(130, bib.Split("@inproceedings{").Length - 1);
        var ris = await _visitor.GetStringAsync(new Uri($"{list}.ris", UriKind.Relative));
        Assert.Equal(130, ris.Split("TY  - ").Length - 1);
    }

    [Fact]
    public async Task A_project_page_links_its_papers_entries_or_carries_them_when_the_list_is_hidden()
    {
        var shown = await WithConferencePaper(new ResearcherBuilder("Project Citer"), "Paper of a Project")
            .WithProject(new Project { Title = "Cited Project", Kind = ProjectKind.Research }, "Paper of a Project")
            .SaveAsync(factory);
        var hidden = await WithConferencePaper(new ResearcherBuilder("Quiet Project Citer"), "Paper of a Quiet Project")
            .WithProject(new Project { Title = "Quiet Project", Kind = ProjectKind.Research }, "Paper of a Quiet Project")
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Publications, IsVisible = false }))
            .SaveAsync(factory);

        var linked = await _visitor.GetPageAsync(await ProjectPathAsync(shown.Id));
        var carried = await _visitor.GetPageAsync(await ProjectPathAsync(hidden.Id));

        var id = await IdOf("Paper of a Project");
        Assert.Equal(CitationPath(shown.Slug, id), linked.Document.QuerySelector("details.cite .cite-source a")?.GetAttribute("href"));
        Assert.Null(linked.Document.QuerySelector("details.cite pre"));
        Assert.StartsWith("@inproceedings{", carried.Document.QuerySelector("details.cite pre.cite-bibtex code")?.TextContent, StringComparison.Ordinal);
        Assert.Null(carried.Document.QuerySelector("details.cite .cite-source"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(CitationPath(hidden.Slug, await IdOf("Paper of a Quiet Project"))));
    }

    private async Task<string> ProjectPathAsync(int researcherId)
    {
        var project = await factory.ReadAsync(db => db.Projects.Where(p => p.ResearcherId == researcherId).Select(p => new { p.Id, p.Title, p.Researcher!.Slug }).SingleAsync());
        return ProjectView.PathFor(project.Slug, project.Id, project.Title);
    }

    private async Task<HttpStatusCode> StatusAsync(string url)
    {
        using var response = await _visitor.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }
}
