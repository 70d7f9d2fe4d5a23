using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

/// <summary>Each test starts its own app: setup depends on the database having no user at start-up.</summary>
public sealed class FirstStartSetupTests
{
    private const string AdminEmail = "first-admin@example.org";
    private const string AdminPassword = "the very first administrator passphrase";

    private static string TokenOf(ProfilesAppFactory site) => site.Services.GetRequiredService<FirstStartSetup>().Token
        ?? throw new InvalidOperationException("Setup is not open.");

    private static Task<HttpResponseMessage> SubmitSetupAsync(HttpClient browser, string token, string email, string password, string? confirm = null) =>
        browser.SubmitFormAsync($"/setup?token={token}", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    [Fact]
    public async Task The_logged_link_creates_the_first_administrator_and_then_the_page_is_gone()
    {
        await using var site = new ProfilesAppFactory();
        var token = TokenOf(site);
        var browser = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var form = await browser.GetPageAsync($"/setup?token={token}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("Set up the site", form.TextOf("h1"));

        using var created = await SubmitSetupAsync(browser, token, AdminEmail, AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/account", created.Headers.Location?.OriginalString);
        var account = await browser.GetPageAsync("/account");
        Assert.Contains($"Signed in as {AdminEmail}", account.BodyText, StringComparison.Ordinal);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = Assert.Single(users.Users.ToList());
            Assert.True(await users.IsInRoleAsync(admin, AccountsExtensions.AdminRole));
        }
        Assert.Null(site.Services.GetRequiredService<FirstStartSetup>().Token);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetPageAsync($"/setup?token={token}")).Status);
        await site.SignInAsync(AdminEmail, AdminPassword);
    }

    [Theory]
    [InlineData("/setup")]
    [InlineData("/setup?token=")]
    [InlineData("/setup?token=not-the-token")]
    public async Task Without_the_right_token_there_is_no_setup_page(string url)
    {
        await using var site = new ProfilesAppFactory();
        Assert.NotNull(TokenOf(site));

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetPageAsync(url)).Status);
    }

    [Fact]
    public async Task A_post_with_a_wrong_token_creates_nothing()
    {
        await using var site = new ProfilesAppFactory();
        var browser = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = (await browser.GetPageAsync($"/setup?token={TokenOf(site)}")).Document.QuerySelector("main form") as AngleSharp.Html.Dom.IHtmlFormElement;

        using var response = await browser.SubmitAsync(form!, "/setup?token=guessed", new Dictionary<string, string>
        {
            ["Input.Email"] = AdminEmail,
            ["Input.Password"] = AdminPassword,
            ["Input.ConfirmPassword"] = AdminPassword,
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users);
    }

    [Fact]
    public async Task Mistakes_in_the_form_are_shown_next_to_the_fields_and_setup_stays_open()
    {
        await using var site = new ProfilesAppFactory();
        var browser = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        using var response = await SubmitSetupAsync(browser, TokenOf(site), "not an email", "short", "different");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Enter a valid email address.", page.FieldError("Input.Email"));
        Assert.StartsWith("Use between 12 and 1024 characters.", page.FieldError("Input.Password"), StringComparison.Ordinal);
        Assert.Equal("The two passwords do not match.", page.FieldError("Input.ConfirmPassword"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync($"/setup?token={TokenOf(site)}")).Status);
    }

    [Fact]
    public async Task Once_any_account_exists_the_link_leads_nowhere()
    {
        await using var site = new ProfilesAppFactory();
        var token = TokenOf(site);
        await site.CreateAdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetPageAsync($"/setup?token={token}")).Status);
    }
}
