using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Startup;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>The publication form's author rows with JavaScript (filled from a pasted list, added, removed, dragged, moved in place) and without.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuthorEditingTests(BrowserFixture fixture)
{
    private const string Slug = DemoAccounts.ResearcherProfileSlug;

    private const string ElevenAuthors =
        "M. Castellanos*, B. Jones*, C. Wu, D. Okafor, E. Lindqvist, F. Haddad, G. Rossi, H. Tanaka, I. Novak, J. Silva, and K. Mensah†";

    private static readonly string[] ElevenNames =
        ["M. Castellanos", "B. Jones", "C. Wu", "D. Okafor", "E. Lindqvist", "F. Haddad", "G. Rossi", "H. Tanaka", "I. Novak", "J. Silva", "K. Mensah"];

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
        return page;
    }

    private async Task<List<(string Name, bool Linked, bool Equal, bool Corresponding)>> StoredAuthorsAsync(string title)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var authors = await db.Publications.Where(p => p.Title == title).SelectMany(p => p.Authors)
            .OrderBy(a => a.Position).AsNoTracking().ToListAsync();
        return authors.Select(a => (a.Name, a.ResearcherId != null, a.EqualContribution, a.Corresponding)).ToList();
    }

    /// <summary>Takes the test's paper off the demo profile again, so other tests see the demo data as seeded.</summary>
    private async Task RemoveAsync(string title)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var papers = await db.Publications.AsTracking().Where(p => p.Title == title)
            .Include(p => p.Authors).Include(p => p.Links).Include(p => p.Profiles).ToListAsync();
        db.RemoveRange(papers);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_pasted_list_fills_the_rows_in_place_and_saving_keeps_eleven_authors_in_order()
    {
        var title = $"Eleven authors pasted ({Guid.NewGuid():N})";
        await using var context = await fixture.NewContextAsync();
        var page = await SignedInAsync(context);
        try
        {
            var form = await AuthorRowsEditorPage.OpenNewAsync(page, Slug);
            await form.Title.FillAsync(title);
            await page.EvaluateAsync("() => { window.notReloaded = true; }");

            await form.PasteAndFillAsync(ElevenAuthors);

            await Expect(form.Rows).ToHaveCountAsync(11);
            Assert.Equal(ElevenNames, await form.NamesAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "Filling the rows reloaded the page.");
            await Expect(form.PasteBox).ToHaveValueAsync(string.Empty);
            await Expect(page.Locator("#editor-announcer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Filled 11 author rows\\."));
            await Expect(form.Name(0)).ToBeFocusedAsync();
            await Expect(form.Title).ToHaveValueAsync(title);

            await form.SaveAsync();

            var stored = await StoredAuthorsAsync(title);
            Assert.Equal(ElevenNames, stored.Select(a => a.Name));
            Assert.True(stored[0].Linked, "The owner's name was not linked to the owner's profile.");
            Assert.Equal([true, true, false], stored.Take(3).Select(a => a.Equal));
            Assert.True(stored[10].Corresponding);
        }
        finally
        {
            await RemoveAsync(title);
        }
    }

    [Fact]
    public async Task Authors_dragged_into_a_new_order_are_saved_in_that_order()
    {
        var title = $"Dragged authors ({Guid.NewGuid():N})";
        await using var context = await fixture.NewContextAsync();
        var page = await SignedInAsync(context);
        try
        {
            var form = await AuthorRowsEditorPage.OpenNewAsync(page, Slug);
            await form.Title.FillAsync(title);
            await form.PasteAndFillAsync("Mira Castellanos, Bo Chen and Li Wei");
            await Expect(form.FillStatus).ToContainTextAsync("Filled 3 author rows.");
            await Expect(form.Name(2)).ToHaveValueAsync("Li Wei");

            await form.DragAsync(from: 2, to: 0);

            await Expect(form.Name(0)).ToHaveValueAsync("Li Wei");
            Assert.Equal(["Li Wei", "Mira Castellanos", "Bo Chen"], await form.NamesAsync());
            await Expect(page.Locator("#editor-announcer")).ToHaveTextAsync("Moved Li Wei to position 1 of 3.");

            // The keyboard does the same from the handle.
            await form.Handle(2).FocusAsync();
            await page.Keyboard.PressAsync("ArrowUp");
            Assert.Equal(["Li Wei", "Bo Chen", "Mira Castellanos"], await form.NamesAsync());
            await Expect(form.Handle(1)).ToBeFocusedAsync();

            await form.SaveAsync();

            Assert.Equal(["Li Wei", "Bo Chen", "Mira Castellanos"], (await StoredAuthorsAsync(title)).Select(a => a.Name));
        }
        finally
        {
            await RemoveAsync(title);
        }
    }

    [Fact]
    public async Task Rows_are_added_removed_and_moved_in_place_with_their_labels_renumbered()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await SignedInAsync(context);
        var form = await AuthorRowsEditorPage.OpenNewAsync(page, Slug);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await Expect(form.Rows).ToHaveCountAsync(3);
        await form.Name(1).FillAsync("Bo Chen");
        await form.Name(2).FillAsync("Li Wei");

        await form.Button("Add author").ClickAsync();
        await Expect(form.Rows).ToHaveCountAsync(4);
        await Expect(form.Name(3)).ToBeFocusedAsync();
        await Expect(form.Name(3)).ToHaveValueAsync(string.Empty);
        await page.Keyboard.TypeAsync("Ana Ruiz");

        await form.Button("Remove author 2").ClickAsync();
        await Expect(form.Rows).ToHaveCountAsync(3);
        await Expect(form.Name(1)).ToHaveValueAsync("Li Wei");
        await Expect(form.Name(1)).ToBeFocusedAsync();
        await Expect(page.Locator("#editor-announcer")).ToContainTextAsync("Removed author 2 (Bo Chen).");

        await form.Button("Move up author 3").ClickAsync();
        Assert.Equal(["Mira Castellanos", "Ana Ruiz", "Li Wei"], await form.NamesAsync());
        await Expect(form.Button("Move up author 2")).ToBeFocusedAsync();
        await Expect(page.Locator("#editor-announcer")).ToHaveTextAsync("Moved Ana Ruiz to position 2 of 3.");
        await Expect(form.Button("Move down author 3")).ToBeDisabledAsync();

        // The rows post as contiguous Input.Authors[0..2].
        Assert.Equal(
            ["Input.Authors[0].Name", "Input.Authors[1].Name", "Input.Authors[2].Name"],
            await form.Rows.Locator("input[name$='.Name']").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.name)"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "A row button reloaded the page.");
    }

    [Fact]
    public async Task Without_javascript_fill_returns_the_form_at_the_author_fieldset_with_the_rows_filled()
    {
        await using var context = await fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await SignedInAsync(context);
        var form = await AuthorRowsEditorPage.OpenNewAsync(page, Slug);

        await form.PasteAndFillAsync(ElevenAuthors);

        await page.WaitForURLAsync("**#author-fill-status");
        await Expect(form.Rows).ToHaveCountAsync(11);
        Assert.Equal(ElevenNames, await form.NamesAsync());
        await Expect(form.FillStatus).ToContainTextAsync("Filled 11 author rows.");
        await Expect(form.FillStatus).ToBeFocusedAsync();
        await Expect(form.FillStatus).ToBeInViewportAsync();

        await form.Button("Move down author 2").ClickAsync();
        await page.WaitForURLAsync("**#author-3-down");
        await Expect(form.Name(2)).ToHaveValueAsync("B. Jones");
        await Expect(form.Button("Move down author 3")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Link_rows_of_a_project_are_added_and_removed_in_place()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await SignedInAsync(context);
        await page.GotoAsync($"/edit/{Slug}/projects");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var links = page.GetByRole(AriaRole.Group, new() { Name = "Links" }).Locator("li.link-row");
        var before = await links.CountAsync();
        await page.GetByLabel("URL of link 1", new() { Exact = true }).FillAsync("https://one.example.org/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add another link", Exact = true }).ClickAsync();
        await Expect(links).ToHaveCountAsync(before + 1);
        await Expect(page.GetByLabel($"Kind of link {before + 1}", new() { Exact = true })).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove link 1", Exact = true }).ClickAsync();
        await Expect(links).ToHaveCountAsync(before);
        await Expect(page.GetByLabel("URL of link 1", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await Expect(page.GetByLabel("Kind of link 1", new() { Exact = true })).ToBeFocusedAsync();
        Assert.Equal("Input.Links[0].Url", await page.GetByLabel("URL of link 1", new() { Exact = true }).GetAttributeAsync("name"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "A link row button reloaded the page.");
        await page.AssertNoAxeViolationsAsync("project form after link rows changed in place");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_form_after_filling_has_no_axe_violations(string scheme, Viewport viewport)
    {
        await using var context = await fixture.NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, viewport);
        var page = await SignedInAsync(context);
        var form = await AuthorRowsEditorPage.OpenNewAsync(page, Slug);

        await form.PasteAndFillAsync(ElevenAuthors);
        await Expect(form.Rows).ToHaveCountAsync(11);
        await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport}, after filling the author rows");

        await form.PasteAndFillAsync(", ;");
        await Expect(page.Locator("#author-paste-error")).Not.ToBeEmptyAsync();
        await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport}, after a paste without names");
    }
}
