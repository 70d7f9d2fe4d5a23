using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// A DOI or arXiv id recognises a paper only when the titles agree too: an identifier on an unrelated
/// paper is a conflict to resolve, never a silent join, while the small changes a title goes through
/// between preprint and publication still join the paper the site has.
/// </summary>
public sealed class ImportMatchingTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    /// <summary>An arXiv-style id no other test uses: the test database is shared.</summary>
    private static string UniqueArxivId() =>
        string.Create(CultureInfo.InvariantCulture, $"{Random.Shared.Next(1000, 10000)}.{Random.Shared.Next(10000, 100000)}");

    private async Task<(Researcher Profile, HttpClient Client)> SignedInAsync(string name)
    {
        var profile = await new ResearcherBuilder(name).SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(profile.Id);
        return (profile, await factory.SignInAsync(user.Email!));
    }

    /// <summary>A paper on Bo's profile that names <paramref name="coauthor"/> as an author, so they may join it.</summary>
    private async Task<int> BosPaperAsync(string title, string coauthor, Action<Publication> identify)
    {
        var bo = await new ResearcherBuilder("Bo Author" + TestNames.Unique())
            .WithPublication(title, p => p.Owner().Author(coauthor).With(identify))
            .SaveAsync(factory);
        return await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == bo.Id).Select(pp => pp.PublicationId).SingleAsync());
    }

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, string url, string bibtex)
    {
        using var response = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Bibtex"] = bibtex }, "form.import-source");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    private static string State(IHtmlDocument preview, int index) => preview.QuerySelector($"#entry-{index} .import-state")!.CleanText();

    private Task<List<int>> ListedOnAsync(int researcherId) => factory.ReadAsync(db => db.ProfilePublications
        .Where(pp => pp.ResearcherId == researcherId).Select(pp => pp.PublicationId).ToListAsync());

    [Fact]
    public async Task An_arXiv_id_on_an_unrelated_paper_is_a_conflict_and_nothing_is_joined_or_created()
    {
        var t = TestNames.Unique();
        var name = "Mira Conflict" + t;
        var (mira, client) = await SignedInAsync(name);
        var arxiv = UniqueArxivId();
        var bosTitle = $"Sparse Experts on Ordinary Hardware {t}";
        var id = await BosPaperAsync(bosTitle, name, p => p.ArxivId = arxiv);
        var url = $"/edit/{mira.Slug}/publications/import";
        var bibtex = $"@misc{{x, title = {{Calibrated Abstention for Question Answering {t}}}, author = {{{name}}}, eprint = {{{arxiv}v2}}, archivePrefix = {{arXiv}}, year = 2024}}";
        var before = await factory.ReadAsync(db => db.Publications.CountAsync());

        var preview = await PreviewAsync(client, url, bibtex);

        Assert.Equal("Conflict", State(preview, 0));
        var message = preview.QuerySelector("#entry-0 .import-conflict")!.CleanText();
        Assert.Contains($"The arXiv id {arxiv} belongs to “{bosTitle}” on this site, which does not look like this entry's title", message, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("#choose-0"));
        Assert.Contains("1 in conflict with a paper on the site", preview.QuerySelector(".import-counts")!.CleanText(), StringComparison.Ordinal);

        // A forged tick imports nothing: the paper is neither joined nor copied.
        var token = await client.TokenFromAsync(url);
        using var forged = await client.PostAsync($"{url}?handler=Import", [new("Bibtex", bibtex), new("Chosen", "0")], token);
        forged.AssertRedirectsTo($"/edit/{mira.Slug}/publications");
        Assert.Empty(await ListedOnAsync(mira.Id));
        Assert.Equal(before, await factory.ReadAsync(db => db.Publications.CountAsync()));
        Assert.Single(await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.PublicationId == id).ToListAsync()));
    }

    [Fact]
    public async Task A_DOI_on_a_paper_with_a_slightly_different_title_is_joined_as_before()
    {
        var t = TestNames.Unique();
        var name = "Mira Joiner" + t;
        var (mira, client) = await SignedInAsync(name);
        var doi = $"10.5555/join.{t}";
        var id = await BosPaperAsync($"Distilling Retrieval Habits into Small Language Models {t}", name, p => p.Doi = doi);
        var url = $"/edit/{mira.Slug}/publications/import";

        var preview = await PreviewAsync(client, url,
            $"@article{{x, title = {{Distiling retrieval habits into {{S}}mall Language Models {t}}}, author = {{{name}}}, journal = {{J}}, doi = {{https://doi.org/{doi.ToUpperInvariant()}}}, year = 2024}}");

        Assert.Equal("Already on the site", State(preview, 0));
        Assert.Contains($"found by DOI {doi}", preview.QuerySelector("#entry-0 .import-match")!.CleanText(), StringComparison.Ordinal);
        using var response = await client.SubmitAsync((IHtmlFormElement)preview.QuerySelector("form.import-form")!, url, new Dictionary<string, string>());
        response.AssertRedirectsTo($"/edit/{mira.Slug}/publications");
        Assert.Equal([id], await ListedOnAsync(mira.Id));
    }

    [Fact]
    public async Task A_preprint_published_with_a_DOI_and_a_new_subtitle_is_still_the_same_paper()
    {
        var t = TestNames.Unique();
        var name = "Mira Preprint" + t;
        var (mira, client) = await SignedInAsync(name);
        var arxiv = UniqueArxivId();
        var id = await BosPaperAsync($"Tessera{t}: Verifiable Long-Context Retrieval with Evidence Chains", name, p => p.ArxivId = arxiv);
        var url = $"/edit/{mira.Slug}/publications/import";

        var preview = await PreviewAsync(client, url,
            $"@inproceedings{{x, title = {{Tessera{t}: Evidence Chains Make Long-Context Answers Auditable}}, author = {{{name}}}, booktitle = {{ICLR}}, doi = {{10.5555/tessera.{t}}}, eprint = {{{arxiv}}}, archivePrefix = {{arXiv}}, year = 2026}}");

        Assert.Equal("Already on the site", State(preview, 0));
        Assert.Contains($"found by arXiv id {arxiv}", preview.QuerySelector("#entry-0 .import-match")!.CleanText(), StringComparison.Ordinal);
        using var response = await client.SubmitAsync((IHtmlFormElement)preview.QuerySelector("form.import-form")!, url, new Dictionary<string, string>());
        response.AssertRedirectsTo($"/edit/{mira.Slug}/publications");
        Assert.Equal([id], await ListedOnAsync(mira.Id));
    }

    [Fact]
    public async Task Two_entries_of_one_file_with_one_DOI_and_unrelated_titles_import_only_the_first()
    {
        var t = TestNames.Unique();
        var name = "Mira Twice" + t;
        var (mira, client) = await SignedInAsync(name);
        var url = $"/edit/{mira.Slug}/publications/import";
        var bibtex = $$"""
            @article{a, title = {Graph Priors for Sparse Data {{t}}}, author = {{{name}}}, journal = {J}, doi = {10.5555/twice.{{t}}}, year = 2023}
            @article{b, title = {A Field Guide to Pruning {{t}}}, author = {{{name}}}, journal = {J}, doi = {10.5555/twice.{{t}}}, year = 2023}
            """;

        var preview = await PreviewAsync(client, url, bibtex);

        Assert.Equal(["New", "Conflict"], [State(preview, 0), State(preview, 1)]);
        Assert.Contains($"The DOI 10.5555/twice.{t} is also on entry 1, “Graph Priors for Sparse Data {t}”", preview.QuerySelector("#entry-1 .import-conflict")!.CleanText(), StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("#choose-1"));

        var token = await client.TokenFromAsync(url);
        using var forged = await client.PostAsync($"{url}?handler=Import", [new("Bibtex", bibtex), new("Chosen", "0"), new("Chosen", "1")], token);
        forged.AssertRedirectsTo($"/edit/{mira.Slug}/publications");
        var titles = await factory.ReadAsync(db => db.Publications.Where(p => p.Profiles.Any(pp => pp.ResearcherId == mira.Id)).Select(p => p.Title).ToListAsync());
        Assert.Equal([$"Graph Priors for Sparse Data {t}"], titles);
    }
}
