using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Editing.Publications;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>Without JavaScript, a list action returns to the item it acted on, not to the top of the page.</summary>
public sealed class LandingPlaceTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Saving_moving_and_hiding_an_item_land_at_that_item_and_deleting_at_the_message()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Lara Landing")
            .WithNews("2024-01", "First").WithNews("2024-02", "Second").WithNews("2024-03", "Third"));
        var url = $"/edit/{profile.Slug}/news";
        var ids = await factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id).OrderBy(n => n.SortOrder).Select(n => n.Id).ToListAsync());

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{Id(ids[0])} form.move-down")).AssertRedirectsTo($"{url}#item-{Id(ids[0])}");
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{Id(ids[2])} form.toggle-visibility")).AssertRedirectsTo($"{url}#item-{Id(ids[2])}");
        (await owner.SubmitFormAsync($"{url}/{Id(ids[1])}", new Dictionary<string, string> { ["Input.BodyMarkdown"] = "Second, edited" }, "form.item-form"))
            .AssertRedirectsTo($"{url}#item-{Id(ids[1])}");
        (await owner.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.BodyMarkdown"] = "Fourth", ["Input.Date"] = "2024-04" }, "form.item-form"))
            .AssertRedirectsTo($"{url}#item-{Id(await factory.ReadAsync(db => db.News.Where(n => n.BodyMarkdown == "Fourth" && n.ResearcherId == profile.Id).Select(n => n.Id).SingleAsync()))}");
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{Id(ids[0])} form.delete")).AssertRedirectsTo($"{url}#status");

        var page = await owner.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector("#status.status-message"));
        Assert.NotNull(page.QuerySelector($"#item-{Id(ids[1])}"));
    }

    [Fact]
    public async Task Publication_list_actions_land_at_the_paper()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Pia Papers")
            .WithPublication("Paper one", p => p.Owner()).WithPublication("Paper two", p => p.Owner()));
        var url = $"/edit/{profile.Slug}/publications";
        var listing = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id && pp.Publication!.Title == "Paper two").Select(pp => pp.Id).SingleAsync());

        using var response = await owner.PressRowButtonAsync(url, "id", Id(listing), new Dictionary<string, string> { ["id"] = Id(listing), ["operation"] = "Highlight" });

        response.AssertRedirectsTo($"{url}#entry-{Id(listing)}");
        Assert.NotNull((await owner.GetDocumentAsync(url)).QuerySelector($"li#entry-{Id(listing)}"));
    }

    [Fact]
    public async Task Sort_by_date_orders_the_publication_list_newest_first_and_one_undo_brings_the_old_order_back()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Sol Sorter")
            .WithPublication("Old paper", p => p.Owner().With(x => x.Year = 2019))
            .WithPublication("Undated draft", p => p.Owner().With(x => x.Year = null))
            .WithPublication("May paper", p => p.Owner().With(x => { x.Year = 2023; x.Month = 5; }))
            .WithPublication("Year-only paper", p => p.Owner().With(x => x.Year = 2023))
            .WithPublication("Middle paper", p => p.Owner().With(x => x.Year = 2021)));
        var url = $"/edit/{profile.Slug}/publications";
        Task<List<string>> OrderAsync() => factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id)
            .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id).Select(pp => pp.Publication!.Title).ToListAsync());
        var before = await OrderAsync();
        // The editor says plainly how the public list is ordered.
        Assert.Contains("The full public list is sorted by date", (await owner.GetDocumentAsync(url)).QuerySelector(".page-summary")!.TextContent.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), "form.sort-by-date")).AssertRedirectsTo($"{url}#status");

        Assert.Equal(["May paper", "Year-only paper", "Middle paper", "Old paper", "Undated draft"], await OrderAsync());
        var history = $"/edit/{profile.Slug}/history";
        var entry = (await owner.GetDocumentAsync(history)).QuerySelector(".history-entry")!;
        (await owner.UndoThroughConfirmationAsync(history, (AngleSharp.Html.Dom.IHtmlFormElement)entry.QuerySelector("form.history-undo")!)).Dispose();
        Assert.Equal(before, await OrderAsync());
    }

    [Fact]
    public async Task Sort_by_date_orders_news_newest_first_and_one_undo_brings_the_old_order_back()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Nia Newsorter")
            .WithNews("2022-03", "March 2022").WithNews("2024", "Some time in 2024").WithNews("2024-06-02", "June 2024").WithNews("2019", "Long ago"));
        var url = $"/edit/{profile.Slug}/news";
        Task<List<string>> OrderAsync() => factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id)
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Id).Select(n => n.BodyMarkdown).ToListAsync());
        var before = await OrderAsync();

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), "form.sort-by-date")).AssertRedirectsTo($"{url}#status");

        Assert.Equal(["June 2024", "Some time in 2024", "March 2022", "Long ago"], await OrderAsync());
        Assert.Contains("Sorted news by date, newest first.", (await owner.GetDocumentAsync(url)).QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        var history = $"/edit/{profile.Slug}/history";
        var entry = (await owner.GetDocumentAsync(history)).QuerySelector(".history-entry")!;
        (await owner.UndoThroughConfirmationAsync(history, (AngleSharp.Html.Dom.IHtmlFormElement)entry.QuerySelector("form.history-undo")!)).Dispose();
        Assert.Equal(before, await OrderAsync());
    }

    [Fact]
    public async Task Sections_without_dates_offer_no_sort_by_date_and_refuse_it()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ari Awards"));
        var url = $"/edit/{profile.Slug}/awards";

        Assert.Null((await owner.GetDocumentAsync(url)).QuerySelector("form.sort-by-date"));
        using var response = await owner.PostWithTokenAsync(url, $"{url}?handler=SortByDate", new Dictionary<string, string>());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
