using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Startup;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>
/// The live Markdown preview and the question before leaving unsaved changes (with JavaScript), and
/// where a refused save or a preview lands without it. Nothing here changes the shared demo data
/// except one headline, which is put back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LivePreviewTests(BrowserFixture fixture)
{
    private const string Slug = DemoAccounts.ResearcherProfileSlug;
    private static readonly string BasicsUrl = $"/edit/{Slug}";

    public static TheoryData<string, Viewport> Modes() => new()
    {
        { "light", Viewport.Phone },
        { "light", Viewport.Desktop },
        { "dark", Viewport.Phone },
        { "dark", Viewport.Desktop },
    };

    private static async Task<IPage> SignedInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await LoginPage.SignInAsync(page, DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword);
        await page.GotoAsync(BasicsUrl);
        return page;
    }

    [Fact]
    public async Task Typing_in_about_updates_the_preview_without_leaving_the_page_and_without_javascript_links()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await SignedInAsync(context);
        var about = new MarkdownFieldEditor(page, "About");
        await Expect(about.Preview).ToBeVisibleAsync();
        // A mark on the window: a navigation, even to the same address, would wipe it.
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        await about.TypeAsync("Hello **live** preview. [bad](javascript:alert(1)) and [good](https://example.org/good)");

        await Expect(about.Rendered).ToContainTextAsync("Hello live preview.");
        await Expect(about.Rendered.Locator("strong")).ToHaveTextAsync("live");
        await Expect(about.Rendered.Locator("a[href='https://example.org/good']")).ToHaveTextAsync("good");
        Assert.Equal(0, await about.Rendered.Locator("a[href^='javascript:' i], script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        Assert.EndsWith(BasicsUrl, page.Url, StringComparison.Ordinal);
        Assert.Null(await about.Preview.GetAttributeAsync("aria-live"));

        // Beside the field on a wide screen.
        var field = await about.Field.BoundingBoxAsync();
        var preview = await about.Preview.BoundingBoxAsync();
        Assert.True(preview!.X > field!.X + field.Width - 1, $"the preview (x {preview.X}) is not beside the field (x {field.X}, width {field.Width})");
    }

    [Fact]
    public async Task On_a_phone_the_preview_is_below_the_field()
    {
        await using var context = await fixture.NewContextAsync(viewport: Viewport.Phone);
        var page = await SignedInAsync(context);
        var note = new MarkdownFieldEditor(page, "Note under the publication list");

        await note.TypeAsync("Full list at *Google Scholar*.");

        await Expect(note.Rendered).ToHaveTextAsync("Full list at Google Scholar.");
        await Expect(note.Rendered.Locator("em")).ToHaveTextAsync("Google Scholar");
        var field = await note.Field.BoundingBoxAsync();
        var preview = await note.Preview.BoundingBoxAsync();
        Assert.True(preview!.Y >= field!.Y + field.Height, $"the preview (y {preview.Y}) is not below the field (y {field.Y}, height {field.Height})");
    }

    [Fact]
    public async Task Leaving_after_typing_asks_first_and_leaving_after_saving_does_not()
    {
        var original = await HeadlineAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await SignedInAsync(context);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.DismissAsync();
        };
        var basics = new BasicsEditorPage(page);
        try
        {
            await basics.Headline.ClickAsync();
            await basics.Headline.PressSequentiallyAsync(" and more");
            await basics.Navigation.GetByRole(AriaRole.Link, new() { Name = "News", Exact = true }).ClickAsync();
            await WaitForAsync(() => dialogs.Count > 0);

            Assert.Equal([DialogType.BeforeUnload], dialogs);
            Assert.EndsWith(BasicsUrl, page.Url, StringComparison.Ordinal);
            await Expect(basics.Headline).ToHaveValueAsync($"{original} and more");

            await basics.SaveAsync();
            await basics.OpenSectionAsync("News");

            Assert.Single(dialogs);
        }
        finally
        {
            await RestoreHeadlineAsync(original);
        }
    }

    [Fact]
    public async Task Without_javascript_a_refused_save_lands_at_the_focused_error_summary_and_a_preview_at_the_preview()
    {
        await using var context = await fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await SignedInAsync(context);
        var basics = new BasicsEditorPage(page);
        await Expect(basics.Navigation).ToContainTextAsync("Save before switching sections: changes here are not kept.");

        await page.GetByRole(AriaRole.Main).GetByLabel("Display name").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(basics.ErrorSummary).ToBeVisibleAsync();
        Assert.EndsWith("#form-errors", page.Url, StringComparison.Ordinal);
        Assert.Equal("form-errors", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await page.GetByRole(AriaRole.Main).GetByLabel("Display name").FillAsync("Mira Castellanos");
        await new MarkdownFieldEditor(page, "About").Field.FillAsync("A *previewed* About.");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Preview About" }).ClickAsync();

        await Expect(page.Locator("#preview em")).ToHaveTextAsync("previewed");
        Assert.EndsWith("#preview", page.Url, StringComparison.Ordinal);
        Assert.Equal("preview", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await Expect(new MarkdownFieldEditor(page, "About").Preview).ToHaveCountAsync(0);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_live_preview_has_no_axe_violations(string scheme, Viewport viewport)
    {
        await using var context = await fixture.NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, viewport);
        var page = await SignedInAsync(context);
        var about = new MarkdownFieldEditor(page, "About");

        await about.TypeAsync("## Research\n\nI work on **robust** learning; see [the lab](https://example.org/lab).\n\n- one\n- two");
        await Expect(about.Rendered).ToContainTextAsync("robust learning");
        await Expect(about.Rendered.Locator("h3")).ToHaveTextAsync("Research");
        await Expect(about.Preview.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Preview: About");
        await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport}, the basics form with the live preview");

        await page.GotoAsync($"/edit/{Slug}/news");
        var news = new MarkdownFieldEditor(page, "Text");
        await news.TypeAsync("A **new** paper.");
        await Expect(news.Rendered).ToHaveTextAsync("A new paper.");
        await Expect(news.Rendered.Locator("strong")).ToHaveTextAsync("new");
        await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport}, the news form with the live preview");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition() && waited < 10_000; waited += 100)
        {
            await Task.Delay(100);
        }
    }

    private async Task<string?> HeadlineAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Researchers.Where(r => r.Slug == Slug).Select(r => r.Headline).SingleAsync();
    }

    /// <summary>Puts the demo profile's headline back, in the database so that it happens even after a failure.</summary>
    private async Task RestoreHeadlineAsync(string? headline)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Researchers.Where(r => r.Slug == Slug)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Headline, headline));
        await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageTags.All, default);
    }
}
