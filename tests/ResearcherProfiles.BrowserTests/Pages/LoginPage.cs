using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests.Pages;

/// <summary>The sign-in form at /account/login.</summary>
public sealed partial class LoginPage(IPage page)
{
    [GeneratedRegex("/account$")]
    private static partial Regex AccountAddress { get; }

    public static async Task<LoginPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        return new LoginPage(page);
    }

    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator SignInButton => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public ILocator Errors => page.GetByRole(AriaRole.Main).Locator(".field-error:not(:empty), .form-errors:not(:empty)");

    /// <summary>
    /// Signs in through the form, as a person would, and waits for the account page it leads to:
    /// for its address and heading, not for the page's load event, which Chromium sometimes does
    /// not report after the sign-in's redirect although the page has arrived. (WaitForURLAsync
    /// cannot be used: when the address already matches it waits for that load event, whatever
    /// WaitUntil says.)
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        var login = await OpenAsync(page);
        await login.Email.FillAsync(email);
        await login.Password.FillAsync(password);
        await login.SignInButton.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(AccountAddress, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 })).ToBeVisibleAsync();
    }
}
