using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Tests.Editing.Publications;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.History;

public sealed class HistoryPageTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private async Task<(Researcher Researcher, HttpClient Client, string Email)> SignedInAsync(Action<ResearcherBuilder>? build = null)
    {
        var builder = new ResearcherBuilder("Ada Moreau");
        build?.Invoke(builder);
        var researcher = await builder.SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(researcher.Id);
        return (researcher, await factory.SignInAsync(user.Email!), user.Email!);
    }

    /// <summary>A change made the way another editor page makes it: through a context with the profile's history scope.</summary>
    private async Task EditAsync(int researcherId, Func<AppDbContext, Task> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.History = new HistoryScope(researcherId, null, "editor@example.org");
        await change(db);
        await db.SaveChangesAsync();
    }

    private static async Task<HttpResponseMessage> PressAsync(HttpClient client, string historyUrl, IElement entry) =>
        await client.UndoThroughConfirmationAsync(historyUrl, (IHtmlFormElement)entry.QuerySelector("form")!);

    [Fact]
    public async Task The_history_lists_who_changed_what_and_undo_restores_the_earlier_version()
    {
        var (ada, client, email) = await SignedInAsync(b => b.WithPublication("The first title", p => p.Owner()));
        var publicationId = await factory.QueryAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == ada.Id).Select(pp => pp.PublicationId).SingleAsync());
        using (var edit = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/{publicationId}",
            new Dictionary<string, string> { ["Input.Title"] = "The second title", ["Input.VenueShort"] = "ACL" }))
        {
            edit.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        }
        var url = $"/edit/{ada.Slug}/history";

        var page = await client.GetDocumentAsync(url);
        var latest = page.QuerySelector(".history-entry")!;
        Assert.Contains($"by {email}", latest.QuerySelector(".history-meta")!.CleanText(), StringComparison.Ordinal);
        Assert.NotNull(latest.QuerySelector(".history-meta time[datetime]"));
        Assert.Equal("Updated Publication “The second title” versions", latest.QuerySelector(".history-change")!.CleanText().Split(" Title")[0]);
        var fields = latest.QuerySelectorAll(".history-fields dt").Select(d => d.CleanText()).ToList();
        Assert.Equal(["Title", "Venue short"], fields);
        Assert.Equal("The first title", latest.QuerySelector(".history-fields del")!.CleanText());
        Assert.Equal("The second title", latest.QuerySelector(".history-fields ins")!.CleanText());
        Assert.Equal("Undo this change", latest.QuerySelector("form button")!.CleanText());

        using var undo = await PressAsync(client, url, latest);
        undo.AssertRedirectTo(url);
        var restored = await factory.QueryAsync(db => db.Publications.SingleAsync(p => p.Id == publicationId));
        Assert.Equal("The first title", restored.Title);
        Assert.Null(restored.VenueShort);
        var onPublicPage = await factory.CreateVisitor().GetPageAsync($"/people/{ada.Slug}/publications");
        Assert.Equal(["The first title"], onPublicPage.TextsOf(".pub-title"));

        // The undo is the newest entry and can itself be undone.
        var after = await client.GetDocumentAsync(url);
        using var redo = await PressAsync(client, url, after.QuerySelector(".history-entry")!);
        Assert.Equal("The second title", await factory.QueryAsync(db => db.Publications.Where(p => p.Id == publicationId).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_deleted_item_is_found_under_deleted_items_and_restored()
    {
        var (ada, client, _) = await SignedInAsync(b => b.WithNews("2024-05", "Talk at the *summer school*").WithNews("2024-06", "Kept news"));
        var newsId = await factory.QueryAsync(db => db.News.Where(n => n.ResearcherId == ada.Id && n.BodyMarkdown.StartsWith("Talk")).Select(n => n.Id).SingleAsync());
        await EditAsync(ada.Id, async db => db.News.Remove(await db.News.AsTracking().SingleAsync(n => n.Id == newsId)));
        await EditAsync(ada.Id, async db => (await db.News.AsTracking().SingleAsync(n => n.BodyMarkdown == "Kept news")).BodyMarkdown = "Kept news, edited");
        var url = $"/edit/{ada.Slug}/history?deleted=true";

        var page = await client.GetDocumentAsync(url);
        var entry = Assert.Single(page.QuerySelectorAll(".history-entry"));
        Assert.Contains("Deleted News item “Talk at the *summer school*”", entry.CleanText(), StringComparison.Ordinal);
        Assert.Equal("Restore", entry.QuerySelector("form button")!.CleanText());

        using var restore = await PressAsync(client, url, entry);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, restore.StatusCode);
        var restored = await factory.QueryAsync(db => db.News.SingleAsync(n => n.Id == newsId));
        Assert.Equal("Talk at the *summer school*", restored.BodyMarkdown);
        Assert.Equal(new PartialDate(2024, 5), restored.Date);
        Assert.Equal("Kept news, edited", await factory.QueryAsync(db => db.News.Where(n => n.ResearcherId == ada.Id && n.Id != newsId).Select(n => n.BodyMarkdown).SingleAsync()));
    }

    [Fact]
    public async Task One_records_versions_can_be_listed_on_their_own()
    {
        var (ada, client, _) = await SignedInAsync(b => b.WithNews("2024-05", "Version one").WithNews("2024-06", "Unrelated"));
        var news = await factory.QueryAsync(db => db.News.Where(n => n.ResearcherId == ada.Id).OrderBy(n => n.SortOrder).ToListAsync());
        await EditAsync(ada.Id, async db => (await db.News.AsTracking().SingleAsync(n => n.Id == news[0].Id)).BodyMarkdown = "Version two");
        await EditAsync(ada.Id, async db => (await db.News.AsTracking().SingleAsync(n => n.Id == news[1].Id)).BodyMarkdown = "Unrelated, edited");
        await EditAsync(ada.Id, async db => (await db.News.AsTracking().SingleAsync(n => n.Id == news[0].Id)).BodyMarkdown = "Version three");

        var page = await client.GetPageAsync($"/edit/{ada.Slug}/history?type=NewsItem&id={news[0].Id}");

        Assert.Equal("History of news item “Version three”", page.TextOf("h1"));
        Assert.Equal(2, page.Document.QuerySelectorAll(".history-entry").Length);
        Assert.DoesNotContain("Unrelated", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_is_paged_by_change_set_newest_first()
    {
        var (ada, client, _) = await SignedInAsync(b => b.WithNews("2024-05", "Edit 0"));
        for (var i = 1; i <= 55; i++)
        {
            var text = $"Edit {i}";
            await EditAsync(ada.Id, async db => (await db.News.AsTracking().SingleAsync(n => n.ResearcherId == ada.Id)).BodyMarkdown = text);
        }

        var first = await client.GetPageAsync($"/edit/{ada.Slug}/history");
        Assert.Equal(50, first.Document.QuerySelectorAll(".history-entry").Length);
        Assert.Contains("“Edit 55”", first.TextOf(".history-entry"), StringComparison.Ordinal);
        var older = first.Document.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetPageAsync(older);
        Assert.Equal(5, second.Document.QuerySelectorAll(".history-entry").Length);
        Assert.Contains("“Edit 1”", second.TextsOf(".history-entry")[^1], StringComparison.Ordinal);
        Assert.NotNull(second.Document.QuerySelector(".pager a[rel=prev]"));
    }

    [Fact]
    public async Task A_save_of_thousands_of_items_lists_the_first_twenty_and_counts_the_rest()
    {
        var (ada, client, _) = await SignedInAsync(b => b.WithPublication("A paper with authors", p => p.Owner().Author("Co Author")));
        await EditAsync(ada.Id, db =>
        {
            for (var i = 0; i < 2000; i++)
            {
                db.News.Add(new NewsItem { ResearcherId = ada.Id, SortOrder = i, Date = TestDates.Of("2024-05"), BodyMarkdown = $"Imported {i:D4}" });
            }
            return Task.CompletedTask;
        });
        await EditAsync(ada.Id, async db =>
        {
            var paper = await db.Publications.AsTracking().Include(p => p.Authors).SingleAsync(p => p.Profiles.Any(pp => pp.ResearcherId == ada.Id));
            paper.Title = "A renamed paper";
            foreach (var author in paper.Authors)
            {
                author.Name += " Jr";
            }
        });

        HtmlPage? page = null;
        var queries = await factory.SqlCommands.RecordAsync(async () => page = await client.GetPageAsync($"/edit/{ada.Slug}/history"));

        var entries = page!.Document.QuerySelectorAll(".history-entry");
        Assert.Equal(2, entries.Length);
        var import = entries[1];
        var changes = import.QuerySelectorAll(".history-change:not(.history-more)");
        Assert.Equal(HistoryModelChangesShown, changes.Length);
        Assert.Contains("“Imported 0000”", changes[0].CleanText(), StringComparison.Ordinal);
        Assert.Contains("“Imported 0019”", changes[^1].CleanText(), StringComparison.Ordinal);
        Assert.Equal("and 1,980 more", import.QuerySelector(".history-more")?.CleanText());
        Assert.Equal("Undo this change", import.QuerySelector("form button")?.CleanText());
        // A small save is listed whole, its parts summed up as before.
        var rename = entries[0];
        Assert.Null(rename.QuerySelector(".history-more"));
        Assert.Equal("Also changed: 2 authors.", rename.QuerySelector(".history-parts")?.CleanText());
        // The rows of a save are chosen in SQL, a bounded number per save.
        Assert.InRange(queries.Count, 1, 12);
        Assert.Contains(queries, q => q.Contains("ROW_NUMBER()", StringComparison.Ordinal));
    }

    private const int HistoryModelChangesShown = Web.Pages.Edit.HistoryModel.ChangesShownPerSet;

    [Fact]
    public async Task An_unknown_change_set_is_not_found()
    {
        var (ada, client, _) = await SignedInAsync(b => b.WithPublication("Something to edit", p => p.Owner()));
        using var response = await client.PostWithTokenAsync($"/edit/{ada.Slug}/publications", $"/edit/{ada.Slug}/history?handler=Undo",
            new Dictionary<string, string> { ["changeSet"] = Guid.NewGuid().ToString() });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
