using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

/// <summary>Each test starts its own app: setup depends on the database having no user at start-up.</summary>
public sealed class FirstStartSetupTests
{
    private const string AdminEmail = "first-admin@example.org";
    private const string AdminPassword = "the very first administrator passphrase";

    private static string TokenOf(ProfilesAppFactory site) => site.Services.GetRequiredService<FirstStartSetup>().Token
        ?? throw new InvalidOperationException("Setup is not open.");

    private static Task<HttpResponseMessage> SubmitSetupAsync(HttpClient browser, string token, string email, string password, string? confirm = null,
        Dictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        };
        foreach (var (name, value) in more ?? [])
        {
            fields[name] = value;
        }
        return browser.SubmitFormAsync($"/setup?token={token}", fields);
    }

    private static Dictionary<string, string> Homepage(string displayName, string familyName, string slug) => new()
    {
        ["Input.Purpose"] = "Homepage",
        ["Input.Profile.DisplayName"] = displayName,
        ["Input.Profile.GivenName"] = "",
        ["Input.Profile.FamilyName"] = familyName,
        ["Input.Profile.Slug"] = slug,
    };

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

    [Fact]
    public async Task Setting_up_an_own_homepage_creates_the_administrator_s_profile_as_the_home_page()
    {
        await using var site = new ProfilesAppFactory();
        var browser = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        using var created = await SubmitSetupAsync(browser, TokenOf(site), AdminEmail, AdminPassword, more: Homepage("Noor Haddad", "Haddad", "noor-haddad"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/edit/noor-haddad", created.Headers.Location?.OriginalString);
        var editor = await browser.GetPageAsync("/edit/noor-haddad");
        Assert.Equal(HttpStatusCode.OK, editor.Status);
        Assert.Contains("Your site is set up, and your profile is its home page.", editor.BodyText, StringComparison.Ordinal);

        var visitor = site.CreateVisitor();
        var home = await visitor.GetPageAsync("/");
        Assert.Equal("Noor Haddad", home.TextOf("h1"));
        using var old = await site.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/people/noor-haddad");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = Assert.Single(db.Users.ToList());
        var profile = Assert.Single(db.Researchers.Where(r => r.Slug == "noor-haddad").ToList());
        Assert.Equal(admin.Id, profile.OwnerId);
        Assert.Equal(profile.Id, Assert.Single(db.SiteSettings.ToList()).HomeProfileId);
    }

    [Fact]
    public async Task A_homepage_without_the_profile_s_names_creates_nothing_and_says_what_is_missing()
    {
        await using var site = new ProfilesAppFactory();
        var browser = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        using var response = await SubmitSetupAsync(browser, TokenOf(site), AdminEmail, AdminPassword, more: Homepage("", "", "Not A Slug"));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Enter the name shown on the profile.", page.FieldError("Input.Profile.DisplayName"));
        Assert.Equal("Enter the family name; the directory is sorted by it.", page.FieldError("Input.Profile.FamilyName"));
        Assert.Equal("Use lowercase letters, digits and single hyphens, e.g. ada-lovelace.", page.FieldError("Input.Profile.Slug"));
        Assert.Equal("checked", page.Document.QuerySelector("#purpose-homepage")!.GetAttribute("checked"));
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(db.Users);
        Assert.Empty(db.SiteSettings);
        Assert.NotNull(TokenOf(site));
    }

    [Fact]
    public async Task A_directory_ignores_the_profile_fields()
    {
        await using var site = new ProfilesAppFactory();
        var browser = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var fields = Homepage("", "", "Not A Slug");
        fields["Input.Purpose"] = "Directory";

        using var created = await SubmitSetupAsync(browser, TokenOf(site), AdminEmail, AdminPassword, more: fields);

        Assert.Equal("/account", created.Headers.Location?.OriginalString);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(db.SiteSettings);
        Assert.Equal("People", (await site.CreateVisitor().GetPageAsync("/")).TextOf("h1"));
    }

    [Fact]
    public async Task The_setup_page_is_valid_html_as_opened_and_with_mistakes_shown()
    {
        await using var site = new ProfilesAppFactory();
        var browser = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var opened = await browser.GetStringAsync(new Uri($"/setup?token={TokenOf(site)}", UriKind.Relative));
        using var refused = await SubmitSetupAsync(browser, TokenOf(site), "not an email", "short", more: Homepage("", "", "Not A Slug"));

        var problems = await HtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["/setup"] = opened,
            ["/setup (refused)"] = await refused.Content.ReadAsStringAsync(),
        });

        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}
