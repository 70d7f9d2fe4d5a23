using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Web.Startup;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>
/// axe-core on the sign-in page, the account page, every page of the profile editor and the
/// administration pages, with their error messages showing too, in light and dark mode.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignedInAccessibilityTests(BrowserFixture fixture)
{
    public static TheoryData<string, Viewport> LoginModes() => new()
    {
        { "light", Viewport.Phone },
        { "light", Viewport.Desktop },
        { "dark", Viewport.Phone },
        { "dark", Viewport.Desktop },
    };

    public static TheoryData<string> Schemes() => new() { "light", "dark" };

    [Theory]
    [MemberData(nameof(LoginModes))]
    public async Task Sign_in_page_has_no_axe_violations_also_with_errors(string scheme, Viewport viewport)
    {
        await using var context = await fixture.NewContextAsync(ColorSchemeOf(scheme), viewport);
        var page = await context.NewPageAsync();
        var audit = new Audit(page, $"{scheme} mode, {viewport}");

        var login = await LoginPage.OpenAsync(page);
        await audit.CheckAsync("empty form");

        await login.SignInButton.ClickAsync();
        await Expect(login.Errors.First).ToBeVisibleAsync();
        await audit.CheckAsync("after submitting the empty form");

        await login.Email.FillAsync(DemoAccounts.ResearcherEmail);
        await login.Password.FillAsync("not the password");
        await login.SignInButton.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await audit.CheckAsync("after a wrong password");

        audit.AssertClean();
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task Every_editor_page_has_no_axe_violations_also_with_errors(string scheme)
    {
        await using var context = await fixture.NewContextAsync(ColorSchemeOf(scheme));
        var page = await context.NewPageAsync();
        var audit = new Audit(page, $"{scheme} mode, signed in as the demo researcher");
        await LoginPage.SignInAsync(page, DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword);
        await audit.CheckAsync("account page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit your profile" }).ClickAsync();
        var editor = new EditorPage(page);
        var sections = await editor.SectionUrlsAsync();
        Assert.True(sections.Count >= 10, $"the editor's navigation lists only [{string.Join(", ", sections)}]");

        string? itemPage = null;
        foreach (var url in sections)
        {
            if (!await audit.OpenAsync(url))
            {
                continue;
            }
            await audit.CheckAsync("as opened");

            // A list section: the add form sent empty shows each field's error message.
            var itemForm = page.Locator("form.item-form");
            if (await itemForm.CountAsync() > 0)
            {
                itemPage ??= await FirstItemUrlAsync(page, url);
                await ClearAsync(itemForm);
                await itemForm.Locator(".form-buttons .button-primary").ClickAsync();
                await Expect(editor.ErrorSummary).ToBeVisibleAsync();
                await audit.CheckAsync("after adding an empty item");
            }
        }

        Assert.NotNull(itemPage);
        if (await audit.OpenAsync(itemPage))
        {
            await audit.CheckAsync("editing an item");
        }

        var basics = sections[0];
        if (await audit.OpenAsync(basics))
        {
            await page.GetByLabel("Display name").FillAsync(string.Empty);
            await page.GetByLabel("Profile address").FillAsync("Not An Address");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(editor.ErrorSummary).ToBeVisibleAsync();
            await audit.CheckAsync("with errors");
        }

        if (await audit.OpenAsync($"{basics}/photo"))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
            await Expect(editor.ErrorSummary).ToBeVisibleAsync();
            await audit.CheckAsync("uploading no file");
        }

        if (await audit.OpenAsync($"{basics}/publications"))
        {
            await page.GetByRole(AriaRole.Main).Locator(".editor-item-title a").First.ClickAsync();
            await Expect(editor.Heading).ToHaveTextAsync("Edit publication");
            await audit.CheckAsync("an existing publication");
        }

        if (await audit.OpenAsync($"{basics}/publications"))
        {
            var publication = await new PublicationsEditorPage(page).AddAsync();
            await audit.CheckAsync("a new publication");
            await publication.Title.FillAsync(string.Empty);
            await publication.Year.FillAsync("12");
            await publication.AddAuthorRowAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save publication" }).First.ClickAsync();
            await Expect(editor.ErrorSummary).ToBeVisibleAsync();
            await audit.CheckAsync("saving without a title");
        }

        if (await audit.OpenAsync($"{basics}/publications/suggested"))
        {
            await audit.CheckAsync("papers suggested by co-authors");
        }

        if (await audit.OpenAsync($"{basics}/publications/sources"))
        {
            await audit.CheckAsync("connected sources");
            await page.GetByLabel("ORCID iD").FillAsync("0000-0002-1825-0098");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(editor.ErrorSummary).ToBeVisibleAsync();
            await audit.CheckAsync("an ORCID iD whose check digit is wrong");
        }

        if (await audit.OpenAsync($"{basics}/publications/found"))
        {
            await audit.CheckAsync("new papers found");
        }

        if (await audit.OpenAsync($"{basics}/news/paste"))
        {
            await page.GetByRole(AriaRole.Main).Locator("textarea").FillAsync("2023-05 Four papers accepted\nnot a dated line");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
            await audit.CheckAsync("pasted news with a line that cannot be read");
        }

        // A long text change shows as a word diff, and undoing two fields asks first; the undo puts the demo back.
        if (await audit.OpenAsync(basics))
        {
            var about = page.GetByLabel("About", new() { Exact = true });
            await about.FillAsync(await about.InputValueAsync() + "\n\nA sentence added to see the history's word-level diff of a long text.");
            await page.GetByLabel("Headline").FillAsync("Headline changed with the About text");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            if (await audit.OpenAsync($"{basics}/history"))
            {
                await Expect(page.Locator(".history-diff ins").First).ToBeVisibleAsync();
                await audit.CheckAsync("a long text change as a word diff");
                await page.Locator(".history-entry").First.GetByRole(AriaRole.Button, new() { Name = "Undo this change" }).ClickAsync();
                await Expect(editor.Heading).ToHaveTextAsync("Undo this change?");
                await audit.CheckAsync("confirming an undo of two fields");
                await page.GetByRole(AriaRole.Button, new() { Name = "Yes, undo these 2 changes" }).ClickAsync();
                await Expect(page.Locator(".status-message")).ToContainTextAsync("undone");
            }
        }

        audit.AssertClean();
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task Administration_pages_have_no_axe_violations_also_with_errors(string scheme)
    {
        await using var context = await fixture.NewContextAsync(ColorSchemeOf(scheme));
        var page = await context.NewPageAsync();
        var audit = new Audit(page, $"{scheme} mode, signed in as the demo administrator");
        await LoginPage.SignInAsync(page, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        await audit.CheckAsync("account page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        var menu = await page.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link)
            .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var manage = await page.GetByRole(AriaRole.Link, new() { Name = "Manage Mira Castellanos" }).GetAttributeAsync("href");
        Assert.NotNull(manage);

        foreach (var url in menu.Append(manage))
        {
            if (!await audit.OpenAsync(url))
            {
                continue;
            }
            await audit.CheckAsync("as opened");
            if (url is "/admin/invite" or "/admin/profiles/new")
            {
                await page.Locator("main form.form[method=post]").First.Locator("button[type=submit]").ClickAsync();
                await Expect(page.GetByRole(AriaRole.Main).Locator(".field-error:not(:empty), .form-errors:not(:empty)").First).ToBeVisibleAsync();
                await audit.CheckAsync("after submitting the empty form");
            }
        }

        audit.AssertClean();
    }

    private static ColorScheme ColorSchemeOf(string scheme) => scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;

    /// <summary>The edit page of the section's first item, or null when the list is empty.</summary>
    private static async Task<string?> FirstItemUrlAsync(IPage page, string sectionUrl)
    {
        var items = page.Locator(".editor-items > li[id^='item-']");
        if (await items.CountAsync() == 0)
        {
            return null;
        }
        var id = await items.First.GetAttributeAsync("id");
        return $"{sectionUrl}/{id!["item-".Length..]}";
    }

    /// <summary>Empties the form's text fields, so that saving it shows the "required" errors.</summary>
    private static async Task ClearAsync(ILocator form)
    {
        foreach (var field in await form.Locator("input[type=text], input:not([type]), textarea").AllAsync())
        {
            await field.FillAsync(string.Empty);
        }
    }

    /// <summary>Runs axe-core on page after page and reports every violation at the end, not only the first page's.</summary>
    private sealed class Audit(IPage page, string because)
    {
        private readonly List<string> failures = [];

        /// <summary>Opens <paramref name="url"/>; a page that is not there is a failure, and the audit goes on.</summary>
        public async Task<bool> OpenAsync(string url)
        {
            var response = await page.GotoAsync(url);
            if (response?.Ok == true)
            {
                return true;
            }
            failures.Add($"{url} answered {response?.Status} ({because})");
            return false;
        }

        public async Task CheckAsync(string state)
        {
            try
            {
                await page.AssertNoAxeViolationsAsync($"{because}, {state}");
            }
            catch (Xunit.Sdk.FailException e)
            {
                failures.Add(e.Message);
            }
        }

        public void AssertClean() => Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
