using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Startup;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>
/// The editor's ordered lists (a section, the publications): with JavaScript, actions update the
/// list in place and items can be dragged or moved with the arrow keys on their handle; without it,
/// every action lands at the item it acted on. Each test works on a profile of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorListTests(BrowserFixture fixture)
{
    public static TheoryData<string, Viewport> Modes() => new()
    {
        { "light", Viewport.Phone },
        { "light", Viewport.Desktop },
        { "dark", Viewport.Phone },
        { "dark", Viewport.Desktop },
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A profile with awards "Award 1" to "Award 5" (or <paramref name="awards"/>) and papers "Paper 1" to "Paper 4", in that order.</summary>
    private async Task<string> SeedAsync(int awards = 5)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var slug = $"lena-lists-{Guid.NewGuid().ToString("N")[..8]}";
        // Hidden from visitors: the browsing tests count the demo site's directory, which this profile must not join.
        var researcher = new Researcher { Slug = slug, DisplayName = "Lena Lists", GivenName = "Lena", FamilyName = "Lists", IsHidden = true };
        for (var i = 1; i <= awards; i++)
        {
            researcher.Awards.Add(new Award { Title = $"Award {N(i)}", Year = 2020 + i, SortOrder = i - 1 });
        }
        for (var i = 1; i <= 4; i++)
        {
            var paper = new Publication { Title = $"Paper {N(i)}", Year = 2020, VenueName = "Workshop on Lists" };
            paper.Authors.Add(new PublicationAuthor { Name = "Lena Lists", Position = 0 });
            researcher.Publications.Add(new ProfilePublication { Publication = paper, SortOrder = i - 1 });
        }
        db.Researchers.Add(researcher);
        await db.SaveChangesAsync();
        return slug;
    }

    private async Task<(IBrowserContext Context, IPage Page, string Slug)> SignedInAsync(
        ColorScheme scheme = ColorScheme.Light, Viewport? viewport = null, bool javaScript = true, int awards = 5)
    {
        var slug = await SeedAsync(awards);
        var context = await fixture.NewContextAsync(scheme, viewport, javaScript);
        var page = await context.NewPageAsync();
        await LoginPage.SignInAsync(page, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        return (context, page, slug);
    }

    private static async Task ExpectOrderAsync(ListEditorPage list, params string[] titles)
    {
        await Expect(list.Items.First).ToHaveAttributeAsync("data-title", titles[0]);
        Assert.Equal(titles, await list.TitlesAsync());
    }

    [Fact]
    public async Task Pressing_add_twice_while_the_answer_is_slow_adds_the_item_once()
    {
        var (context, page, slug) = await SignedInAsync(awards: 1);
        await using var _ = context;
        var text = $"Double clicked {Guid.NewGuid():N}";
        // The server saves each post at once; its answer reaches the browser 1.5 s later, as on a slow connection.
        await page.RouteAsync($"**/edit/{slug}/news**", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            var response = await route.FetchAsync(new() { MaxRedirects = 0 });
            await Task.Delay(1500);
            await route.FulfillAsync(new() { Response = response });
        });
        await page.GotoAsync($"/edit/{slug}/news");
        var form = page.Locator("form.item-form");
        await form.GetByLabel("Date").FillAsync("2024-05");
        await form.GetByLabel("Text").FillAsync(text);

        // Two presses a quarter of a second apart: the first post is on its way when the second comes.
        // (Pressed from the page: a pointer click from the test would wait for the first page to load.)
        await form.GetByRole(AriaRole.Button, new() { Name = "Add news item" }).EvaluateAsync(
            "async button => { button.click(); await new Promise(done => setTimeout(done, 250)); button.click(); }");

        await Expect(page.Locator(".status-message")).ToBeVisibleAsync();
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.News.CountAsync(n => n.BodyMarkdown == text));
    }

    [Fact]
    public async Task Dragging_or_the_arrow_keys_on_a_handle_reorder_in_place_and_the_order_persists()
    {
        var (context, page, slug) = await SignedInAsync();
        await using var _ = context;

        var awards = await ListEditorPage.OpenAsync(page, $"/edit/{slug}/awards");
        await Expect(awards.Handles).ToHaveCountAsync(5);
        await awards.SetMarkerAsync();

        await awards.DragAsync("Award 4", "Award 1");
        await Expect(awards.Announcement).ToHaveTextAsync("Moved “Award 4” to position 1 of 5.");
        await ExpectOrderAsync(awards, "Award 4", "Award 1", "Award 2", "Award 3", "Award 5");

        await awards.Handle("Award 4").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(awards.Announcement).ToHaveTextAsync("Moved “Award 4” to position 2 of 5.");
        await Expect(awards.Handle("Award 4")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(awards.Announcement).ToHaveTextAsync("Moved “Award 4” to position 1 of 5.");
        await Expect(awards.Handle("Award 4")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(awards.Announcement).ToHaveTextAsync("“Award 4” is already first.");
        Assert.True(await awards.HasMarkerAsync(), "the moves reloaded the page");

        await page.ReloadAsync();
        await ExpectOrderAsync(awards, "Award 4", "Award 1", "Award 2", "Award 3", "Award 5");
        await awards.Handle("Award 2").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(awards.Announcement).ToHaveTextAsync("Moved “Award 2” to position 4 of 5.");
        await page.ReloadAsync();
        await ExpectOrderAsync(awards, "Award 4", "Award 1", "Award 3", "Award 2", "Award 5");

        var papers = await ListEditorPage.OpenAsync(page, $"/edit/{slug}/publications");
        await papers.Handle("Paper 4").FocusAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(papers.Announcement).ToHaveTextAsync("Moved “Paper 4” to position 3 of 4.");
        await papers.DragAsync("Paper 3", "Paper 1");
        await Expect(papers.Announcement).ToHaveTextAsync("Moved “Paper 3” to position 1 of 4.");
        await page.ReloadAsync();
        await ExpectOrderAsync(papers, "Paper 3", "Paper 1", "Paper 2", "Paper 4");

        // A move the server refuses: the message says so and the list goes back to the saved order.
        await page.RouteAsync("**/*handler=MoveTo*", route => route.FulfillAsync(new() { Status = 409 }));
        await papers.DragAsync("Paper 4", "Paper 1");
        await Expect(papers.StatusMessage).ToContainTextAsync("someone changed the list at the same time");
        await Expect(papers.StatusMessage).ToBeFocusedAsync();
        await ExpectOrderAsync(papers, "Paper 3", "Paper 1", "Paper 2", "Paper 4");
        await page.RouteAsync("**/*handler=MoveTo*", route => route.AbortAsync());
        await papers.Handle("Paper 2").FocusAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(papers.StatusMessage).ToContainTextAsync("could not be sent");
        await ExpectOrderAsync(papers, "Paper 3", "Paper 1", "Paper 2", "Paper 4");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task List_actions_update_the_list_in_place_keep_focus_and_have_no_axe_violations(string scheme, Viewport viewport)
    {
        var (context, page, slug) = await SignedInAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, viewport);
        await using var _ = context;
        var because = $"{scheme} mode, {viewport}";

        var awards = await ListEditorPage.OpenAsync(page, $"/edit/{slug}/awards");
        await awards.SetMarkerAsync();
        await awards.Button("Award 3", "Move up").ClickAsync();
        await Expect(awards.Announcement).ToHaveTextAsync("Moved “Award 3” to position 2 of 5.");
        await ExpectOrderAsync(awards, "Award 1", "Award 3", "Award 2", "Award 4", "Award 5");
        await Expect(awards.Button("Award 3", "Move up")).ToBeFocusedAsync();

        await awards.Button("Award 2", "Hide").ClickAsync();
        await Expect(awards.Button("Award 2", "Show")).ToBeFocusedAsync();
        await Expect(awards.StatusMessage).ToContainTextAsync("hidden from the public page");
        await page.AssertNoAxeViolationsAsync($"awards after moving and hiding in place, {because}");

        await awards.Button("Award 5", "Delete").ClickAsync();
        await Expect(awards.Item("Award 5")).ToHaveCountAsync(0);
        await Expect(awards.StatusMessage).ToBeFocusedAsync();
        await page.AssertNoAxeViolationsAsync($"awards after a delete in place, {because}");
        await awards.UndoButton.ClickAsync();
        await Expect(awards.Item("Award 5")).ToHaveCountAsync(1);
        await Expect(awards.StatusMessage).ToHaveTextAsync("Restored the award.");
        await Expect(awards.Announcement).ToHaveTextAsync("Restored the award.");
        Assert.True(await awards.HasMarkerAsync(), "an action on the awards reloaded the page");

        var papers = await ListEditorPage.OpenAsync(page, $"/edit/{slug}/publications");
        await papers.SetMarkerAsync();
        await papers.Button("Paper 2", "Highlight").ClickAsync();
        await Expect(papers.Button("Paper 2", "Unhighlight")).ToBeFocusedAsync();
        await papers.Button("Paper 1", "Remove from profile").ClickAsync();
        await Expect(papers.Item("Paper 1")).ToHaveCountAsync(0);
        await Expect(papers.UndoButton).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync($"publications after highlighting and removing in place, {because}");
        await papers.UndoButton.ClickAsync();
        await ExpectOrderAsync(papers, "Paper 1", "Paper 2", "Paper 3", "Paper 4");
        Assert.True(await papers.HasMarkerAsync(), "an action on the publications reloaded the page");
    }

    [Fact]
    public async Task Moving_the_first_item_of_a_page_up_shows_the_page_before_in_place()
    {
        var (context, page, slug) = await SignedInAsync(awards: 101);
        await using var _ = context;

        var awards = await ListEditorPage.OpenAsync(page, $"/edit/{slug}/awards?p=2");
        await Expect(awards.Items).ToHaveCountAsync(1);
        await awards.SetMarkerAsync();
        await awards.Button("Award 101", "Move up").ClickAsync();

        await Expect(awards.Announcement).ToHaveTextAsync("Moved “Award 101” to position 100 of 101.");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/edit/{slug}/awards$"));
        await Expect(awards.Items).ToHaveCountAsync(100);
        await Expect(awards.Button("Award 101", "Move up")).ToBeFocusedAsync();
        Assert.True(await awards.HasMarkerAsync(), "the move reloaded the page");
    }

    [Fact]
    public async Task Without_javascript_every_list_action_lands_at_the_item_it_acted_on()
    {
        var (context, page, slug) = await SignedInAsync(javaScript: false);
        await using var _ = context;

        var awards = await ListEditorPage.OpenAsync(page, $"/edit/{slug}/awards");
        await Expect(awards.Handles).ToHaveCountAsync(0);
        var award = await awards.Item("Award 1").GetAttributeAsync("data-id");
        await awards.Button("Award 1", "Move down").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/edit/{slug}/awards#item-{award}$"));
        await ExpectOrderAsync(awards, "Award 2", "Award 1", "Award 3", "Award 4", "Award 5");
        await awards.Button("Award 1", "Hide").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#item-{award}$"));
        await awards.Button("Award 1", "Delete").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#status$"));
        await awards.UndoButton.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#item-{award}$"));
        await Expect(awards.Item("Award 1")).ToHaveAttributeAsync("tabindex", "-1");

        var papers = await ListEditorPage.OpenAsync(page, $"/edit/{slug}/publications");
        var paper = await papers.Item("Paper 3").GetAttributeAsync("data-id");
        await papers.Button("Paper 3", "Highlight").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/edit/{slug}/publications#entry-{paper}$"));
        await papers.Button("Paper 3", "Move up").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#entry-{paper}$"));
        await ExpectOrderAsync(papers, "Paper 1", "Paper 3", "Paper 2", "Paper 4");
    }
}
