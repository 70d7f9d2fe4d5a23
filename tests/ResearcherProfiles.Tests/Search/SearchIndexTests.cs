using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Admin;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Search;

/// <summary>
/// The search index follows every way the data changes, through the real forms: an edit, a BibTeX
/// import, a deletion, an undo, moving a profile to the trash and purging it.
/// </summary>
public sealed class SearchIndexTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private async Task<(IReadOnlyList<string> People, IReadOnlyList<string> Papers)> FindAsync(string query)
    {
        var page = await _visitor.GetPageAsync($"/search?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (page.TextsOf(".search-person .search-title"), page.TextsOf(".search-paper .search-title"));
    }

    private static Task<HttpResponseMessage> UndoLatestAsync(HttpClient owner, string slug) =>
        UndoLatestCoreAsync(owner, $"/edit/{slug}/history");

    private static async Task<HttpResponseMessage> UndoLatestCoreAsync(HttpClient owner, string history) =>
        await owner.UndoThroughConfirmationAsync(history, (IHtmlFormElement)(await owner.GetDocumentAsync(history)).QuerySelector("form.history-undo")!);

    [Fact]
    public async Task An_edit_is_found_at_once_and_its_undo_too()
    {
        var before = SearchTests.Word();
        var after = SearchTests.Word();
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder($"Edited Person {before}").With(r => r.Headline = $"Studies {before}h"));
        Assert.Single((await FindAsync($"{before}h")).People);

        using (var saved = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string>
        {
            ["Input.Headline"] = $"Studies {after}",
            ["Input.Interests"] = "Search engines",
            ["Input.NameVariants"] = $"E. {after}v",
        }, "form.basics-form"))
        {
            saved.AssertRedirectsTo($"/edit/{profile.Slug}");
        }

        Assert.Equal([$"Edited Person {before}"], (await FindAsync(after)).People);
        Assert.Equal([$"Edited Person {before}"], (await FindAsync($"{after}v")).People);
        Assert.Empty((await FindAsync($"{before}h")).People);

        (await UndoLatestAsync(owner, profile.Slug)).Dispose();

        Assert.Equal([$"Edited Person {before}"], (await FindAsync($"{before}h")).People);
        Assert.Empty((await FindAsync(after)).People);
    }

    [Fact]
    public async Task A_bibtex_import_is_found_and_its_undo_removes_it()
    {
        var w = SearchTests.Word();
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder($"Importing Person {w}"));
        var importUrl = $"/edit/{profile.Slug}/publications/import";
        using var previewResponse = await owner.SubmitFormAsync(importUrl, new Dictionary<string, string>
        {
            ["Bibtex"] = $$"""
                @article{a, title = {Imported {{w}} Title}, author = {Importing Person {{w}} and Zora Coauthor{{w}}}, journal = {Journal of {{w}}j}, year = 2021,
                  abstract = {About {{w}}abs.}, keywords = { {{w}}kw }
                }
                """,
        }, "form.import-source");
        var preview = await previewResponse.ReadDocumentAsync();
        (await owner.SubmitAsync((IHtmlFormElement)preview.QuerySelector("form.import-form")!, importUrl, new Dictionary<string, string>())).Dispose();

        foreach (var query in new[] { w, $"Coauthor{w}", $"{w}j", $"{w}abs", $"{w}kw" })
        {
            Assert.Equal([$"Imported {w} Title"], (await FindAsync(query)).Papers);
        }

        (await UndoLatestAsync(owner, profile.Slug)).Dispose();

        Assert.Equal(0, await factory.ReadAsync(db => db.Publications.CountAsync(p => p.Title.Contains(w))));
        Assert.Empty((await FindAsync(w)).Papers);
        Assert.Empty((await FindAsync($"Coauthor{w}")).Papers);
    }

    [Fact]
    public async Task A_paper_deleted_from_the_list_is_gone_and_its_undo_brings_it_back()
    {
        var w = SearchTests.Word();
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder($"Deleting Person {w}")
            .WithPublication($"Deleted {w} paper", p => p.Owner().Author($"Other Author{w}")));
        var entry = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id).Select(pp => pp.Id).SingleAsync());
        Assert.Single((await FindAsync(w)).Papers);

        var list = $"/edit/{profile.Slug}/publications";
        using (var deleted = await owner.PostAsync($"{list}?handler=Item", new Dictionary<string, string>
        {
            ["id"] = entry.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["operation"] = "Remove",
        }, await owner.TokenFromAsync(list)))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.Empty((await FindAsync(w)).Papers);
        Assert.Empty((await FindAsync($"Author{w}")).Papers);

        (await UndoLatestAsync(owner, profile.Slug)).Dispose();

        Assert.Equal([$"Deleted {w} paper"], (await FindAsync($"Author{w}")).Papers);
    }

    [Fact]
    public async Task A_trashed_profile_is_not_found_a_restored_one_is_and_a_purged_one_leaves_the_index()
    {
        var w = SearchTests.Word();
        var profile = await new ResearcherBuilder($"Trashed Person {w}").WithPublication($"Trashed paper {w}", p => p.Owner()).SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();

        (await admin.SubmitFormAsync($"/admin/profiles/{profile.Id}", new Dictionary<string, string>(), "form#trash-form")).Dispose();
        var whileTrashed = await FindAsync(w);
        (await admin.SubmitFormAsync("/admin/trash", new Dictionary<string, string>(), $"form#restore-{profile.Id}")).Dispose();
        var restored = await FindAsync(w);
        (await admin.SubmitFormAsync($"/admin/profiles/{profile.Id}", new Dictionary<string, string>(), "form#trash-form")).Dispose();
        (await admin.SubmitFormAsync($"/admin/trash/{profile.Id}/purge", new Dictionary<string, string> { ["Confirmation"] = profile.Slug })).Dispose();

        Assert.Empty(whileTrashed.People);
        Assert.Empty(whileTrashed.Papers);
        Assert.Equal([$"Trashed Person {w}"], restored.People);
        Assert.Equal([$"Trashed paper {w}"], restored.Papers);
        Assert.False(await factory.ReadAsync(db => db.Researchers.AnyAsync(r => r.Id == profile.Id)));
        Assert.Equal(0, await IndexedPeopleAsync(profile.Id));
        Assert.Empty((await FindAsync(w)).People);
    }

    /// <summary>Rows the index holds for a researcher, read beneath the search.</summary>
    private Task<int> IndexedPeopleAsync(int researcherId) => factory.ReadAsync(db => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM \"SearchPeople\" WHERE \"ResearcherId\" = {researcherId}").SingleAsync()
        : db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"SearchPeople\" WHERE rowid = {researcherId}").SingleAsync());
}
