using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// The owner's BibTeX backup of a profile's papers (/edit/{slug}/publications/backup): everything,
/// hidden papers too, for the owner and administrators only, and read back whole by the import.
/// </summary>
public sealed partial class PublicationBackupTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static string Url(string slug) => $"/edit/{slug}/publications/backup";

    /// <summary>A surname no other test uses, so that the import of the round trip finds no namesakes.</summary>
    /// <summary>
    /// A profile with a paper carrying every field the site keeps (highlighted), a hidden journal
    /// article, and a preprint whose author list ends in "et al.".
    /// </summary>
    private static ResearcherBuilder ThreePapers(string name, string marker) =>
        new ResearcherBuilder(name)
            .WithPublication($"Robust Evaluation under Shift {marker}", p => p
                .Owner(equal: true)
                .Author("Jonas Müller", equal: true, corresponding: true)
                .Author("Ana Ortega", corresponding: true)
                .With(x =>
                {
                    x.Year = 2025;
                    x.Month = 7;
                    x.VenueName = "International Conference on Machine Learning";
                    x.VenueShort = "ICML";
                    x.Status = PublicationStatus.Accepted;
                    x.Doi = $"10.5555/backup.{marker}";
                    x.ArxivId = "2511.99901";
                    x.Url = $"https://github.com/example/robust-{marker}";
                    x.Summary = "We evaluate models under shift & find 50% of the gap.";
                    x.Abstract = "Models fail under shift. We measure how much.";
                    x.Badges = ["Spotlight", "Best Paper Award"];
                    x.Keywords = ["robustness", "evaluation"];
                    x.Volume = "267";
                    x.Number = "2";
                    x.Pages = "58--70";
                    x.Publisher = "PMLR";
                    x.Note = "Extended version with appendix";
                    x.CitationKey = $"castellanos2025robust{marker}";
                })
                .Link(PublicationLinkKind.Code, $"https://github.com/example/robust-{marker}/tree/v2", "Code (v2)")
                .Link(PublicationLinkKind.Code, $"https://gitlab.example.org/robust-{marker}")
                .Link(PublicationLinkKind.Other, $"https://openreview.net/forum?id={marker}", "OpenReview")
                .Link(PublicationLinkKind.Slides, $"https://example.org/slides_{marker}.pdf", "Talk slides"),
                highlighted: true)
            .WithPublication($"Hidden Journal Article {marker}", p => p
                .Owner(corresponding: true)
                .With(x =>
                {
                    x.Type = PublicationType.Journal;
                    x.VenueName = "Journal of Hidden Results";
                    x.Pages = "211–236";
                    x.Year = 2021;
                }),
                visible: false)
            .WithPublication($"Early Preprint {marker}", p => p
                .Owner()
                .Author("et al.")
                .With(x =>
                {
                    x.Type = PublicationType.Preprint;
                    x.Status = PublicationStatus.Preprint;
                    x.VenueName = "arXiv preprint";
                    x.ArxivId = "2611.99902";
                    x.Year = 2026;
                }));

    private static async Task<(HttpResponseMessage Response, string Body)> DownloadAsync(HttpClient client, string slug)
    {
        var response = await client.GetAsync(new Uri(Url(slug), UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_publications_editor_links_to_the_backup()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(ThreePapers("Lena Linkfinder", TestNames.Unique()));

        var editor = await owner.GetDocumentAsync($"/edit/{profile.Slug}/publications");

        var link = editor.QuerySelectorAll("main a").OfType<IHtmlAnchorElement>().Single(a => a.TextContent == "Download a backup (.bib)");
        Assert.Equal(Url(profile.Slug), link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
    }

    [Fact]
    public async Task The_backup_has_every_paper_hidden_ones_too_with_the_sites_own_keys_and_is_never_cached_publicly()
    {
        var marker = TestNames.Unique();
        var (profile, owner) = await factory.OwnedProfileAsync(ThreePapers($"Mira Castellanos{marker}", marker));

        var (response, body) = await DownloadAsync(owner, profile.Slug);

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/x-bibtex; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            var cacheControl = response.Headers.CacheControl!;
            Assert.True(cacheControl is { Private: true, NoStore: true, Public: false, MaxAge: null }, $"Cache-Control: {cacheControl}");
            var fileName = response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
            Assert.Matches(BackupFileName(), fileName);
            Assert.StartsWith($"{profile.Slug}-publications-backup-", fileName, StringComparison.Ordinal);
        }
        var parsed = BibtexParser.Parse(body);
        Assert.Empty(parsed.Errors);
        Assert.Equal(3, parsed.Entries.Count);
        var full = parsed.Entries.Single(e => e.Fields["title"].Contains("Robust", StringComparison.Ordinal));
        var hidden = parsed.Entries.Single(e => e.Fields["title"].Contains("Hidden", StringComparison.Ordinal));
        Assert.Equal($"castellanos2025robust{marker}", full.Key);
        Assert.Equal("true", full.Fields["selected"]);
        Assert.False(full.Fields.ContainsKey("hidden"));
        Assert.Equal("true", hidden.Fields["hidden"]);
        Assert.Equal("accepted", full.Fields["pubstatus"]);
        Assert.Equal("Spotlight; Best Paper Award", full.Fields["award"]);
        Assert.Equal("We evaluate models under shift \\& find 50\\% of the gap.", full.Fields["summary"]);
        Assert.Equal($"Castellanos{marker}, Mira* and Müller, Jonas*† and Ortega, Ana†", full.Fields["author"]);
        Assert.Equal($"https://github.com/example/robust-{marker}", full.Fields["url"]);
        Assert.Equal(
            [
                ($"https://github.com/example/robust-{marker}/tree/v2", "code", "Code (v2)"),
                ($"https://gitlab.example.org/robust-{marker}", "code", null),
                ($"https://openreview.net/forum?id={marker}", "other", "OpenReview"),
                ($"https://example.org/slides_{marker}.pdf", "slides", "Talk slides"),
            ],
            Enumerable.Range(1, 4).Select(n => (full.Fields[$"link{n}"], full.Fields[$"link{n}_kind"], full.Fields.GetValueOrDefault($"link{n}_label"))));
        Assert.False(full.Fields.ContainsKey("link5"));
        // The keys other tools read are there too: the first link of each kind.
        Assert.Equal($"https://github.com/example/robust-{marker}/tree/v2", full.Fields["code"]);
    }

    [Fact]
    public async Task The_public_export_still_leaves_out_hidden_papers_and_the_owners_private_keys()
    {
        var marker = TestNames.Unique();
        var (profile, _) = await factory.OwnedProfileAsync(ThreePapers($"Pia Public{marker}", marker));

        var body = await factory.CreateVisitor().GetStringAsync(new Uri($"/people/{profile.Slug}/publications.bib", UriKind.Relative));

        var parsed = BibtexParser.Parse(body);
        Assert.Equal(2, parsed.Entries.Count);
        Assert.DoesNotContain(parsed.Entries, e => e.Fields["title"].Contains("Hidden", StringComparison.Ordinal));
        Assert.All(parsed.Entries, e =>
        {
            Assert.False(e.Fields.ContainsKey("hidden"));
            Assert.False(e.Fields.ContainsKey("summary"));
            Assert.False(e.Fields.ContainsKey("link1"));
            Assert.DoesNotContain("*", e.Fields["author"], StringComparison.Ordinal);
            Assert.DoesNotContain("†", e.Fields["author"], StringComparison.Ordinal);
        });
        // The paper's spare links stay out of the public file as before: its url is its own.
        var full = parsed.Entries.Single(e => e.Fields["title"].Contains("Robust", StringComparison.Ordinal));
        Assert.Equal($"https://github.com/example/robust-{marker}", full.Fields["url"]);
    }

    [Fact]
    public async Task Only_the_owner_and_administrators_get_the_backup()
    {
        var (profile, _) = await factory.OwnedProfileAsync(ThreePapers("Olga Owner", TestNames.Unique()));
        var (_, otherResearcher) = await factory.OwnedProfileAsync(new ResearcherBuilder("Otto Other"));
        var admin = await factory.SignedInAdminAsync();

        using var anonymous = await factory.CreateVisitor().GetAsync(new Uri(Url(profile.Slug), UriKind.Relative));
        using var foreign = await otherResearcher.GetAsync(new Uri(Url(profile.Slug), UriKind.Relative));
        var (asAdmin, adminBody) = await DownloadAsync(admin, profile.Slug);
        using var unknown = await admin.GetAsync(new Uri(Url("no-such-profile"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.DoesNotContain("Hidden Journal Article", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (asAdmin)
        {
            Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        }
        Assert.Equal(3, BibtexParser.Parse(adminBody).Entries.Count);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_empty_profile_backs_up_as_an_empty_file()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Edda Empty"));

        var (response, body) = await DownloadAsync(owner, profile.Slug);

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(string.Empty, body);
    }

    /// <summary>The paper as the site keeps it, in one comparable record (lists as joined text, the citation key as exported).</summary>
    private sealed record Kept(
        string Title, string Authors, string Badges, string Links, bool Highlighted, bool Visible,
        string? Summary, string? Abstract, string? Url, string? Doi, string? ArxivId, string? Venue, string? VenueShort,
        int? Year, int? Month, PublicationType Type, PublicationStatus Status,
        string? Volume, string? Number, string? Pages, string? Publisher, string? Note, string Keywords, string CitationKey);

    private static async Task<List<Kept>> KeptAsync(ProfilesAppFactory site, int researcherId) =>
        (await site.ReadAsync(db => db.ProfilePublications.AsNoTracking()
            .Where(pp => pp.ResearcherId == researcherId)
            .Include(pp => pp.Publication!).ThenInclude(p => p.Authors)
            .Include(pp => pp.Publication!).ThenInclude(p => p.Links)
            .ToListAsync()))
        .Select(pp =>
        {
            var p = pp.Publication!;
            var authors = p.Authors.OrderBy(a => a.Position)
                .Select(a => $"{a.Name}{(a.EqualContribution ? "*" : "")}{(a.Corresponding ? "†" : "")}{(a.ResearcherId == researcherId ? " (owner)" : "")}");
            var links = p.Links.OrderBy(l => l.SortOrder).Select(l => $"{l.Kind} [{l.Label}] {l.Url}");
            return new Kept(
                p.Title, string.Join(", ", authors), string.Join("; ", p.Badges), string.Join(" | ", links), pp.IsHighlighted, pp.IsVisible,
                p.Summary, p.Abstract, p.Url, p.Doi, p.ArxivId, p.VenueName, p.VenueShort, p.Year, p.Month, p.Type, p.Status,
                p.Volume, p.Number, p.Pages, p.Publisher, p.Note, string.Join(", ", p.Keywords), CitationKeys.For(p));
        })
        .OrderBy(k => k.Title, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public async Task Importing_the_backup_into_an_empty_profile_on_a_new_site_gives_back_the_same_papers()
    {
        var marker = TestNames.Unique();
        var name = $"Mira Castellanos{marker}";
        var (profile, owner) = await factory.OwnedProfileAsync(ThreePapers(name, marker));
        var (download, backup) = await DownloadAsync(owner, profile.Slug);
        download.Dispose();

        // A new site, as after moving or losing the old one: none of the papers is on it yet.
        await using var newSite = new ProfilesAppFactory();
        var (restored, restorer) = await newSite.OwnedProfileAsync(new ResearcherBuilder(name));
        var importUrl = $"/edit/{restored.Slug}/publications/import";
        using var previewResponse = await restorer.SubmitFormAsync(importUrl, new Dictionary<string, string> { ["Bibtex"] = backup }, "form.import-source");
        var preview = await previewResponse.ReadDocumentAsync();
        Assert.Equal(3, preview.QuerySelectorAll("li.import-new").Length);
        Assert.Empty(preview.QuerySelectorAll(".import-warnings li"));
        Assert.Contains("Hidden Journal Article", Assert.Single(preview.QuerySelectorAll("li.import-entry"), e => e.QuerySelector(".import-hidden") is not null).TextContent, StringComparison.Ordinal);
        using var imported = await restorer.SubmitAsync((IHtmlFormElement)preview.QuerySelector("form.import-form")!, importUrl, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        var original = await KeptAsync(factory, profile.Id);
        var copy = await KeptAsync(newSite, restored.Id);
        Assert.Equal(3, copy.Count);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.Equal(original[i], copy[i]);
        }
        // And the copy backs up to the same file: nothing was lost or added on the way.
        var (again, secondBackup) = await DownloadAsync(restorer, restored.Slug);
        again.Dispose();
        static IEnumerable<string> Entries(string bib) => BibtexParser.Parse(bib).Entries
            .Select(e => $"@{e.Type}{{{e.Key}: {string.Join(" | ", e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"))}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(Entries(backup), Entries(secondBackup));
    }

    [GeneratedRegex(@"^[a-z0-9-]+-publications-backup-\d{4}-\d{2}-\d{2}\.bib$")]
    private static partial Regex BackupFileName();
}
