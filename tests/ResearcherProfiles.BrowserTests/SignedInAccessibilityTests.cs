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

        foreach (var url in sections)
        {
            await OpenAsync(page, url);
            await audit.CheckAsync("as opened");

            // A list section: its add form, sent empty, and one item's edit form.
            var itemForm = page.Locator("form.item-form");
            if (await itemForm.CountAsync() > 0)
            {
                await OpenAsync(page, $"{url}/{await FirstItemIdAsync(page)}");
                await audit.CheckAsync("editing the first item");
                await OpenAsync(page, url);
                await ClearAsync(itemForm);
                await itemForm.Locator("button[type=submit]").First.ClickAsync();
                await Expect(editor.ErrorSummary).ToBeVisibleAsync();
                await audit.CheckAsync("after adding an empty item");
            }
        }

        var basics = sections[0];
        await OpenAsync(page, basics);
        await page.GetByLabel("Display name").FillAsync(string.Empty);
        await page.GetByLabel("Profile address").FillAsync("Not An Address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(editor.ErrorSummary).ToBeVisibleAsync();
        await audit.CheckAsync("with errors");

        await OpenAsync(page, $"{basics}/photo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(editor.ErrorSummary).ToBeVisibleAsync();
        await audit.CheckAsync("uploading no file");

        await OpenAsync(page, $"{basics}/publications");
        await page.GetByRole(AriaRole.Main).Locator("a[href*='/publications/']:not([href$='/new'])").First.ClickAsync();
        await Expect(editor.Heading).ToHaveTextAsync("Edit publication");
        await audit.CheckAsync("an existing publication");

        var publication = await new PublicationsEditorPage(page).AddAsync();
        await audit.CheckAsync("a new publication");
        await publication.AddAuthorRowAsync();
        await audit.CheckAsync("after adding an author row");
        await publication.Title.FillAsync(string.Empty);
        await publication.Year.FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save publication" }).First.ClickAsync();
        await Expect(editor.ErrorSummary).ToBeVisibleAsync();
        await audit.CheckAsync("saving without a title");

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
            await OpenAsync(page, url);
            await audit.CheckAsync("as opened");
            var form = page.Locator("main form.form[method=post]").First;
            if (url is "/admin/invite" or "/admin/profiles/new")
            {
                await form.Locator("button[type=submit]").ClickAsync();
                await Expect(page.GetByRole(AriaRole.Main).Locator(".field-error:not(:empty), .form-errors:not(:empty)").First).ToBeVisibleAsync();
                await audit.CheckAsync("after submitting the empty form");
            }
        }

        audit.AssertClean();
    }

    private static ColorScheme ColorSchemeOf(string scheme) => scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;

    private static async Task OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response?.Ok == true, $"{url} answered {response?.Status}");
    }

    private static async Task<string> FirstItemIdAsync(IPage page)
    {
        var id = await page.Locator(".editor-items > li").First.GetAttributeAsync("id");
        Assert.True(id?.StartsWith("item-", StringComparison.Ordinal) == true, $"{page.Url} lists no items to edit");
        return id!["item-".Length..];
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
