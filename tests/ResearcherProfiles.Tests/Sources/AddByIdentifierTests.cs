using System.Net;
using AngleSharp.Html.Dom;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>
/// Add by identifier through the real forms, against local stand-ins for doi.org and arXiv. Failing
/// services have classes (and so apps and circuit breakers) of their own.
/// </summary>
public sealed class AddByIdentifierTests(SourcesAppFactory factory) : IClassFixture<SourcesAppFactory>
{
    internal static string Url(string slug) => $"/edit/{slug}/publications/add-by-id";

    internal static async Task<IHtmlDocument> LookUpAsync(HttpClient owner, string slug, string identifiers)
    {
        using var response = await owner.SubmitFormAsync(Url(slug), new Dictionary<string, string> { ["Identifiers"] = identifiers }, "form.add-by-id");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    /// <summary>Found papers → the BibTeX import's preview → import, ticking everything importable.</summary>
    private static async Task<HttpResponseMessage> PreviewAndImportAsync(HttpClient owner, string slug, IHtmlDocument found)
    {
        using var preview = await owner.SubmitAsync((IHtmlFormElement)found.QuerySelector("form.lookup-found")!, Url(slug), new Dictionary<string, string>());
        var page = await preview.ReadDocumentAsync();
        return await owner.SubmitAsync((IHtmlFormElement)page.QuerySelector("form.import-form")!, $"/edit/{slug}/publications/import", new Dictionary<string, string>());
    }

    [Fact]
    public async Task Three_pasted_identifiers_are_previewed_imported_and_shown_on_the_public_page()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Orla Quist"));
        var editor = await owner.GetDocumentAsync($"/edit/{profile.Slug}/publications");
        Assert.NotNull(editor.QuerySelector($"a[href='{Url(profile.Slug)}']"));

        var found = await LookUpAsync(owner, profile.Slug, $"https://doi.org/{FakeSources.JournalDoi}\ndoi:{FakeSources.DatasetDoi}\nhttps://arxiv.org/abs/2403.16952v3");

        Assert.Equal("Found 3 of 3 identifiers", found.QuerySelector("#results-heading")!.TextContent);
        using var preview = await owner.SubmitAsync((IHtmlFormElement)found.QuerySelector("form.lookup-found")!, Url(profile.Slug), new Dictionary<string, string>());
        var page = await preview.ReadDocumentAsync();
        Assert.Equal(3, page.QuerySelectorAll("li.import-new").Length);
        using var imported = await owner.SubmitAsync((IHtmlFormElement)page.QuerySelector("form.import-form")!, $"/edit/{profile.Slug}/publications/import", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        await factory.EvictPublicPagesAsync();
        var publicPage = await factory.CreateVisitor().GetStringAsync($"/people/{profile.Slug}/publications");
        Assert.Contains("Long Short-Term Memory &amp; Friends", publicPage, StringComparison.Ordinal);
        Assert.Contains("River Temperature Records", publicPage, StringComparison.Ordinal);
        Assert.Contains("Tidal Forecasts from Sparse Gauges", publicPage, StringComparison.Ordinal);
        Assert.All(factory.Fake.Requests, r => Assert.StartsWith("ResearcherProfiles/1.0 (http://localhost; mailto:webmaster@example.org)", r.UserAgent, StringComparison.Ordinal));
        Assert.Contains(factory.Fake.Requests, r => r.Accept == "application/vnd.citationstyles.csl+json");
    }

    [Fact]
    public async Task An_arXiv_preprint_whose_DOI_is_on_the_profile_is_recognised_as_that_paper()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Tomas Vekk"));
        using var first = await PreviewAndImportAsync(owner, profile.Slug, await LookUpAsync(owner, profile.Slug, FakeSources.ConferenceDoi));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var found = await LookUpAsync(owner, profile.Slug, "arXiv:2201.03514v2");
        Assert.Contains("published as DOI 10.1145/3600000.3600001", found.QuerySelector(".lookup-list")!.TextContent, StringComparison.Ordinal);
        using var preview = await owner.SubmitAsync((IHtmlFormElement)found.QuerySelector("form.lookup-found")!, Url(profile.Slug), new Dictionary<string, string>());
        var page = await preview.ReadDocumentAsync();

        Assert.Single(page.QuerySelectorAll("li.import-alreadylisted"));
        Assert.Empty(page.QuerySelectorAll("input[name=Chosen]"));
    }

    [Fact]
    public async Task A_short_Retry_After_is_waited_out()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Tomas Vekk"));

        var found = await LookUpAsync(owner, profile.Slug, FakeSources.BrieflyLimitedDoi);

        Assert.Equal("Found 1 of 1 identifier", found.QuerySelector("#results-heading")!.TextContent);
        var tries = factory.Fake.Requests.Where(r => r.Path.Contains("brief-limit", StringComparison.Ordinal)).Select(r => r.At).ToList();
        Assert.Equal(2, tries.Count);
        Assert.True(tries[1] - tries[0] >= TimeSpan.FromMilliseconds(900), $"The retry came after {(tries[1] - tries[0]).TotalMilliseconds} ms.");
    }

    [Fact]
    public async Task Empty_and_oversized_pastes_are_refused_with_a_message()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Orla Quist"));

        var empty = await LookUpAsync(owner, profile.Slug, "  ");
        var tooMany = await LookUpAsync(owner, profile.Slug, string.Join(' ', Enumerable.Range(1, 51).Select(i => $"10.9999/n{i}")));

        Assert.Contains("Paste at least one DOI or arXiv id.", empty.QuerySelector("#Identifiers-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at most 50 identifiers", tooMany.QuerySelector("#Identifiers-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Fake.Requests, r => r.Path.Contains("/10.9999/n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_lookup_needs_the_antiforgery_token_and_the_profile_owner()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Orla Quist"));
        var (other, _) = await factory.OwnedProfileAsync(new ResearcherBuilder("Tomas Vekk"));
        var fields = new Dictionary<string, string> { ["Identifiers"] = FakeSources.JournalDoi };

        using var forged = await owner.PostAsync(Url(profile.Slug) + "?handler=Lookup", fields, token: null);
        using var foreign = await owner.PostAsync(Url(other.Slug) + "?handler=Lookup", fields, await owner.TokenFromAsync(Url(profile.Slug)));
        using var foreignPage = await owner.GetAsync(new Uri(Url(other.Slug), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignPage.StatusCode);
    }

    [Fact]
    public async Task The_page_its_errors_and_its_results_are_valid_html()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Orla Quist"));
        var pages = new Dictionary<string, string> { ["empty"] = await owner.GetStringAsync(new Uri(Url(profile.Slug), UriKind.Relative)) };
        foreach (var (name, pasted) in new[] { ("refused", " "), ("results", $"{FakeSources.JournalDoi} 10.9999/unknown 2403.16952 nonsense"), ("nothing found", "10.9999/unknown") })
        {
            using var response = await owner.SubmitFormAsync(Url(profile.Slug), new Dictionary<string, string> { ["Identifiers"] = pasted }, "form.add-by-id");
            pages[name] = await response.Content.ReadAsStringAsync();
        }

        var problems = await HtmlChecker.ErrorsAsync(pages);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task A_DOI_and_the_arXiv_id_of_the_same_paper_become_one_entry_described_by_the_published_version()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Lin Zhou"));

        var found = await LookUpAsync(owner, profile.Slug, $"https://arxiv.org/pdf/2201.03514v2 {FakeSources.ConferenceDoi}");

        Assert.Equal("Found 2 of 2 identifiers", found.QuerySelector("#results-heading")!.TextContent);
        var bibtex = ((IHtmlInputElement)found.QuerySelector("form.lookup-found input[name=Bibtex]")!).Value;
        Assert.Single(bibtex.Split('@', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("@inproceedings{arxiv:2201.03514,", bibtex, StringComparison.Ordinal);
        Assert.Contains("booktitle = {Proceedings of the 2023 Conference on Learning Systems}", bibtex, StringComparison.Ordinal);
        Assert.Contains("doi = {10.1145/3600000.3600001}", bibtex, StringComparison.Ordinal);
        Assert.Contains("eprint = {2201.03514}", bibtex, StringComparison.Ordinal);
        Assert.Contains("abstract = {Attention that is sparse and still sound.}", bibtex, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DOI_cannot_lead_the_request_out_of_the_resolver()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Lin Zhou"));

        var found = await LookUpAsync(owner, profile.Slug, "10.1234/../../api/query");

        Assert.StartsWith("No DOI or arXiv id was found.", found.QuerySelector("#Identifiers-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Fake.Requests, r => r.Path.StartsWith("/api/query", StringComparison.Ordinal) && !r.Path.Contains("id_list", StringComparison.Ordinal));
        Assert.Null(PaperIdentifiers.Read("10.1234/./x"));
    }
}
