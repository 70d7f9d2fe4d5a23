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
/// The layout editor in a browser: sections moved in place (buttons, the arrow keys on a handle)
/// with JavaScript, by reloading the form without it; the public profile follows once saved; axe-core
/// finds nothing in light and dark, on a phone and a desktop. Each test works on a profile of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutEditorTests(BrowserFixture fixture)
{
    public static TheoryData<string, Viewport> Modes() => new()
    {
        { "light", Viewport.Phone },
        { "light", Viewport.Desktop },
        { "dark", Viewport.Phone },
        { "dark", Viewport.Desktop },
    };

    /// <summary>A profile with news, papers, projects in two groups and awards; hidden unless <paramref name="visible"/>.</summary>
    private async Task<string> SeedAsync(bool visible = false)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var slug = $"lara-layout-{Guid.NewGuid().ToString("N")[..8]}";
        // Hidden from visitors unless a test reads the public page: the browsing tests count the demo site's directory.
        var researcher = new Researcher { Slug = slug, DisplayName = "Lara Layout", GivenName = "Lara", FamilyName = "Layout", IsHidden = !visible };
        researcher.News.Add(new NewsItem { Date = new PartialDate(2024, 5), BodyMarkdown = "A paper was accepted." });
        researcher.Awards.Add(new Award { Title = "Best Poster", Year = 2023 });
        researcher.Projects.Add(new Project { Title = "Fast Solver", Group = "Optimization for deep learning", Institution = "Northbridge University", SortOrder = 0 });
        researcher.Projects.Add(new Project { Title = "Honest Benchmarks", Group = "Robust evaluation", SortOrder = 1 });
        var paper = new Publication { Title = "Layouts Considered Helpful", Year = 2024, VenueName = "Workshop on Pages" };
        paper.Authors.Add(new PublicationAuthor { Name = "Lara Layout", Position = 0 });
        researcher.Publications.Add(new ProfilePublication { Publication = paper });
        db.Researchers.Add(researcher);
        await db.SaveChangesAsync();
        return slug;
    }

    private async Task RemoveAsync(string slug)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Researchers.Where(r => r.Slug == slug).ExecuteDeleteAsync();
    }

    private static ILocator Rows(IPage page) => page.Locator(".section-rows > li");

    private static async Task<List<string?>> OrderAsync(IPage page) =>
        [.. await Task.WhenAll((await Rows(page).AllAsync()).Select(r => r.GetAttributeAsync("data-row-text")))];

    private static ILocator Row(IPage page, string section) => page.Locator($".section-rows > li[data-row-text='{section}']");

    [Fact]
    public async Task With_javascript_sections_move_in_place_and_the_saved_layout_shapes_the_profile()
    {
        var slug = await SeedAsync(visible: true);
        try
        {
            await using var context = await fixture.NewContextAsync();
            var page = await context.NewPageAsync();
            await LoginPage.SignInAsync(page, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
            await page.GotoAsync($"/edit/{slug}/layout");
            var before = await OrderAsync(page);
            Assert.Equal(["About", "News", "Publications"], before.Take(3));

            var url = page.Url;
            await Row(page, "Publications").GetByRole(AriaRole.Button, new() { Name = "Move up Publications" }).ClickAsync();
            await Row(page, "Publications").GetByRole(AriaRole.Button, new() { Name = "Move up Publications" }).ClickAsync();
            // The arrow keys on a row's handle move it too.
            var handle = Row(page, "Awards").Locator(".row-handle");
            await handle.FocusAsync();
            for (var i = 0; i < 7; i++)
            {
                await handle.PressAsync("ArrowUp");
            }
            Assert.Equal(url, page.Url);
            Assert.Equal(["Publications", "About", "News", "Awards"], (await OrderAsync(page)).Take(4));
            await Expect(handle).ToBeFocusedAsync();

            await Row(page, "Publications").GetByLabel("Title").FillAsync("Highlighted Papers");
            await Row(page, "Publications").Locator("summary").ClickAsync();
            await Row(page, "Publications").GetByLabel("Intro").FillAsync("Full list at [DBLP](https://dblp.org/).");
            await Row(page, "News").GetByLabel("Show this section").UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save layout" }).ClickAsync();
            await Expect(page.Locator(".status-message")).ToContainTextAsync("Saved the layout");

            await page.GotoAsync($"/people/{slug}");
            var headings = await page.Locator("main h2").AllTextContentsAsync();
            Assert.Equal(["Highlighted Papers", "Awards", "Projects"], headings.Select(h => h.Trim()).Take(3));
            Assert.DoesNotContain("News", headings.Select(h => h.Trim()));
            await Expect(page.Locator(".section-intro a")).ToHaveAttributeAsync("href", "https://dblp.org/");
            await Expect(page.Locator("h3.group-heading")).ToHaveTextAsync(["Optimization for deep learning", "Robust evaluation"]);
        }
        finally
        {
            await RemoveAsync(slug);
        }
    }

    [Fact]
    public async Task Without_javascript_move_buttons_reload_the_form_at_the_section_and_save_keeps_the_order()
    {
        var slug = await SeedAsync();
        await using var context = await fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await LoginPage.SignInAsync(page, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        await page.GotoAsync($"/edit/{slug}/layout");

        await Row(page, "Skills").GetByLabel("Title").FillAsync("Tools");
        await Row(page, "Skills").GetByRole(AriaRole.Button, new() { Name = "Move up Skills" }).ClickAsync();

        Assert.Contains("#section-", page.Url, StringComparison.Ordinal);
        var order = await OrderAsync(page);
        Assert.True(order.IndexOf("Skills") < order.IndexOf("Talks"), string.Join(", ", order));
        // What was typed before the move is still there, unsaved.
        await Expect(Row(page, "Skills").GetByLabel("Title")).ToHaveValueAsync("Tools");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save layout" }).ClickAsync();
        await Expect(page.Locator(".status-message")).ToContainTextAsync("Saved the layout");
        var saved = await OrderAsync(page);
        Assert.True(saved.IndexOf("Skills") < saved.IndexOf("Talks"), string.Join(", ", saved));
        await Expect(Row(page, "Skills").GetByLabel("Title")).ToHaveValueAsync("Tools");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_layout_editor_has_no_axe_violations_and_no_sideways_scroll_also_with_errors(string scheme, Viewport viewport)
    {
        var slug = await SeedAsync();
        await using var context = await fixture.NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, viewport);
        var page = await context.NewPageAsync();
        await LoginPage.SignInAsync(page, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        await page.GotoAsync($"/edit/{slug}/layout");
        await Row(page, "About").Locator("summary").ClickAsync();
        await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport}, the layout editor");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));

        await Row(page, "News").GetByLabel("News items shown before “show more”").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save layout" }).ClickAsync();
        await Expect(page.Locator(".form-errors")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport}, the layout editor with an error");
    }
}
