using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Core.Citations;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>A profile's publications as BibTeX, RIS and CSL-JSON downloads, and the "Cite" block on each listed paper.</summary>
public sealed class CitationExportTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const int MaxQueriesPerExport = 6;

    private readonly HttpClient _visitor = factory.CreateVisitor();

    public static TheoryData<string> Extensions => new() { "bib", "ris", "csl.json" };

    private sealed record Download(HttpStatusCode Status, string? ContentType, string? ContentDisposition, string Body);

    private async Task<Download> DownloadAsync(string url)
    {
        using var response = await _visitor.GetAsync(new Uri(url, UriKind.Relative));
        return new Download(
            response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.ContentDisposition?.ToString(),
            await response.Content.ReadAsStringAsync());
    }

    /// <summary>Three papers in the owner's order, the second hidden, the third highlighted.</summary>
    private async Task<Researcher> ThreePapersAsync(string name) =>
        await new ResearcherBuilder(name)
            .WithPublication("Zebra Paper Listed First", p => p.Owner().Author("José de la Cruz")
                .With(x =>
                {
                    x.Year = 2024;
                    x.Month = 3;
                    x.VenueName = "Conference on Zebras";
                    x.Doi = "10.1000/zebra";
                    x.ArxivId = "2403.16952";
                })
                .Link(PublicationLinkKind.Code, "https://github.com/example/zebra"))
            .WithPublication("Hidden Paper", p => p.Owner(), visible: false)
            .WithPublication("Aardvark Paper Listed Last", p => p.Owner().With(x => x.Type = PublicationType.Journal), highlighted: true)
            .SaveAsync(factory);

    [Fact]
    public async Task The_bibtex_export_lists_the_visible_papers_in_the_profile_order()
    {
        var researcher = await ThreePapersAsync("Bib Owner");

        var download = await DownloadAsync($"/people/{researcher.Slug}/publications.bib");

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("application/x-bibtex; charset=utf-8", download.ContentType);
        Assert.Equal($"attachment; filename=\"{researcher.Slug}-publications.bib\"", download.ContentDisposition);
        var result = BibtexParser.Parse(download.Body);
        Assert.Empty(result.Errors);
        Assert.Equal(["Zebra Paper Listed First", "Aardvark Paper Listed Last"], result.Entries.Select(e => LatexText.ToUnicode(e.Fields["title"])));
        Assert.Equal(["inproceedings", "article"], result.Entries.Select(e => e.Type));
        var zebra = result.Entries[0];
        Assert.Equal("owner2024zebra", zebra.Key);
        Assert.Equal(["Bib Owner", "José de la Cruz"], BibtexNames.Parse(zebra.Fields["author"]).Select(n => n.Display));
        Assert.Equal(("Conference on Zebras", "2024", "3"), (zebra.Fields["booktitle"], zebra.Fields["year"], zebra.Fields["month"]));
        Assert.Equal(("10.1000/zebra", "2403.16952"), (zebra.Fields["doi"], zebra.Fields["eprint"]));
        Assert.Equal("https://github.com/example/zebra", zebra.Fields["code"]);
        Assert.Equal([null, "true"], result.Entries.Select(e => e.Fields.GetValueOrDefault("selected")));
    }

    [Fact]
    public async Task The_ris_export_lists_the_visible_papers_in_the_profile_order()
    {
        var researcher = await ThreePapersAsync("Ris Owner");

        var download = await DownloadAsync($"/people/{researcher.Slug}/publications.ris");

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("application/x-research-info-systems; charset=utf-8", download.ContentType);
        Assert.Equal($"attachment; filename=\"{researcher.Slug}-publications.ris\"", download.ContentDisposition);
        var records = RisReader.Read(download.Body);
        Assert.Equal(["Zebra Paper Listed First", "Aardvark Paper Listed Last"], records.Select(r => r.One("TI")));
        Assert.Equal(["CONF", "JOUR"], records.Select(r => r.One("TY")));
        Assert.Equal(["Ris Owner", "José de la Cruz"], records[0].AuthorDisplayNames());
        Assert.Equal(("2024/03//", "10.1000/zebra"), (records[0].One("DA"), records[0].One("DO")));
    }

    [Fact]
    public async Task The_csl_json_export_lists_the_visible_papers_in_the_profile_order()
    {
        var researcher = await ThreePapersAsync("Csl Owner");

        var download = await DownloadAsync($"/people/{researcher.Slug}/publications.csl.json");

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("application/vnd.citationstyles.csl+json", download.ContentType);
        Assert.Equal($"attachment; filename=\"{researcher.Slug}-publications.csl.json\"", download.ContentDisposition);
        using var json = JsonDocument.Parse(download.Body);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Zebra Paper Listed First", "Aardvark Paper Listed Last"], items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(["paper-conference", "article-journal"], items.Select(i => i.GetProperty("type").GetString()));
        Assert.Equal("owner2024zebra", items[0].GetProperty("id").GetString());
        Assert.Equal("Cruz", items[0].GetProperty("author")[1].GetProperty("family").GetString());
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public async Task Hidden_trashed_and_unknown_profiles_have_no_export(string extension)
    {
        var hidden = await new ResearcherBuilder("Hidden Exporter").Hidden().WithPublication("Secret", p => p.Owner()).SaveAsync(factory);
        var trashed = await new ResearcherBuilder("Trashed Exporter")
            .With(r => r.DeletedAt = DateTimeOffset.UtcNow)
            .WithPublication("Binned", p => p.Owner())
            .SaveAsync(factory);

        foreach (var slug in new[] { hidden.Slug, trashed.Slug, "nobody-by-this-name" })
        {
            var download = await DownloadAsync($"/people/{slug}/publications.{extension}");

            Assert.Equal(HttpStatusCode.NotFound, download.Status);
            Assert.DoesNotContain("Secret", download.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Binned", download.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_profile_without_papers_exports_empty_files()
    {
        var researcher = await new ResearcherBuilder("No Papers").SaveAsync(factory);

        var bib = await DownloadAsync($"/people/{researcher.Slug}/publications.bib");
        var ris = await DownloadAsync($"/people/{researcher.Slug}/publications.ris");
        var csl = await DownloadAsync($"/people/{researcher.Slug}/publications.csl.json");

        Assert.Equal((HttpStatusCode.OK, ""), (bib.Status, bib.Body));
        Assert.Equal((HttpStatusCode.OK, ""), (ris.Status, ris.Body));
        Assert.Equal((HttpStatusCode.OK, "[]"), (csl.Status, csl.Body));
    }

    [Fact]
    public async Task An_edit_shows_in_the_next_download()
    {
        var researcher = await new ResearcherBuilder("Editing Exporter").WithPublication("Old Title", p => p.Owner()).SaveAsync(factory);
        var url = $"/people/{researcher.Slug}/publications.bib";
        Assert.Contains("Old Title", (await DownloadAsync(url)).Body, StringComparison.Ordinal);

        await factory.ChangeDataAsync(async db =>
        {
            var publication = await db.Publications.AsTracking().SingleAsync(p => p.Id == researcher.Publications[0].PublicationId);
            publication.Title = "New Title";
        });

        Assert.Contains("New Title", (await DownloadAsync(url)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_runs_the_same_few_queries_for_few_and_many_papers_and_is_cached()
    {
        var few = await Papers("Few Exports", count: 1).SaveAsync(factory);
        var many = await Papers("Many Exports", count: 80).SaveAsync(factory);

        var fewQueries = await factory.SqlCommands.RecordAsync(() => DownloadAsync($"/people/{few.Slug}/publications.bib"));
        var manyQueries = await factory.SqlCommands.RecordAsync(() => DownloadAsync($"/people/{many.Slug}/publications.bib"));
        var again = await factory.SqlCommands.RecordAsync(() => DownloadAsync($"/people/{many.Slug}/publications.bib"));

        Assert.Equal(fewQueries.Count, manyQueries.Count);
        Assert.InRange(manyQueries.Count, 1, MaxQueriesPerExport);
        Assert.Empty(again);

        static ResearcherBuilder Papers(string name, int count)
        {
            var builder = new ResearcherBuilder(name);
            for (var i = 0; i < count; i++)
            {
                var index = i;
                builder.WithPublication($"Paper {i}", p =>
                {
                    p.Owner();
                    for (var a = 0; a < 8; a++)
                    {
                        p.Author($"Author {a}");
                    }
                    p.Link(PublicationLinkKind.Pdf, $"https://example.org/{index}.pdf").Link(PublicationLinkKind.Code, $"https://github.com/example/{index}");
                });
            }
            return builder;
        }
    }

    [Fact]
    public async Task Every_listed_paper_has_a_cite_block_that_links_to_its_bibtex_without_the_abstract()
    {
        var researcher = await new ResearcherBuilder("Cite Owner")
            .WithPublication(
                "Citable & Quotable",
                p => p.Owner().Author("Martin Luther King, Jr.").With(x =>
                {
                    x.VenueName = "Venue of Record";
                    x.Abstract = "An abstract that stays out of the Cite block.";
                    x.CitationKey = "owner2023citable";
                }),
                highlighted: true)
            .SaveAsync(factory);

        foreach (var url in new[] { $"/people/{researcher.Slug}", $"/people/{researcher.Slug}/publications" })
        {
            var page = await _visitor.GetPageAsync(url);

            var cite = Assert.Single(page.Document.QuerySelectorAll("article.pub details.cite"));
            Assert.Equal("Cite “Citable & Quotable”", cite.QuerySelector("summary")?.CleanText());
            Assert.Null(cite.GetAttribute("open"));
            // The page links to the entry (cite.js loads it into the block when opened, with its Copy button).
            Assert.Null(cite.QuerySelector("pre"));
            var link = cite.QuerySelector(".cite-source a");
            Assert.Equal("BibTeX for “Citable & Quotable”", link?.CleanText());
            var bibtex = await _visitor.GetStringAsync(new Uri(link!.GetAttribute("href")!, UriKind.Relative));
            Assert.StartsWith("@inproceedings{owner2023citable,\n  title = {Citable \\& Quotable},", bibtex, StringComparison.Ordinal);
            Assert.DoesNotContain("abstract", bibtex, StringComparison.Ordinal);
            var entry = Assert.Single(BibtexParser.Parse(bibtex).Entries);
            Assert.Equal(["Cite Owner", "Martin Luther King, Jr."], BibtexNames.Parse(entry.Fields["author"]).Select(n => n.Display));
            Assert.Equal("Venue of Record", entry.Fields["booktitle"]);
        }
    }

    [Fact]
    public async Task The_export_links_on_the_publication_list_lead_to_the_downloads()
    {
        var researcher = await new ResearcherBuilder("Linked Exports").WithPublication("Some Paper", p => p.Owner()).SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");
        var hrefs = page.Document.QuerySelectorAll(".export a[href$='.bib'], .export a[href$='.ris'], .export a[href$='.csl.json']").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal(3, hrefs.Count);
        foreach (var href in hrefs)
        {
            var download = await DownloadAsync(href);
            Assert.Equal(HttpStatusCode.OK, download.Status);
            Assert.Contains("Some Paper", download.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/publications")]
    public async Task The_pages_with_cite_blocks_load_the_cite_script(string page)
    {
        var researcher = await new ResearcherBuilder("Script Owner").WithPublication("Scripted", p => p.Owner(), highlighted: true).SaveAsync(factory);

        var html = await _visitor.GetPageAsync($"/people/{researcher.Slug}{page}");
        var src = html.Document.QuerySelector("script[src^='/js/cite.js']");
        using var script = await _visitor.GetAsync(new Uri(src?.GetAttribute("src") ?? "/js/cite.js", UriKind.Relative));

        Assert.NotNull(src?.GetAttribute("defer"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("navigator.clipboard", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
