using System.Net;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Areas.Account.Pages;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

public sealed class LoginTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task The_right_password_signs_in_and_opens_the_account_page()
    {
        var email = AccountPages.NewEmail("login");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        using var response = await browser.SubmitLoginAsync(email, Infrastructure.Accounts.Password);
        var account = await browser.FollowAsync(response);

        Assert.Equal("/account", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Contains($"Signed in as {email}", account.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_sign_in_and_an_external_one_is_not()
    {
        var email = AccountPages.NewEmail("return");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Infrastructure.Accounts.Password };

        using var local = await factory.CreateVisitor().SubmitFormAsync("/account/login?returnUrl=%2Faccount%2Fchange-password", fields);
        using var external = await factory.CreateVisitor().SubmitFormAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", fields);

        Assert.Equal("/account/change-password", local.Headers.Location?.OriginalString);
        Assert.Equal("/account", external.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/%E3%80%82x", "/%E3%80%82x")]
    [InlineData("/%E2%80%AE/evil", "/%E2%80%AE/evil")]
    [InlineData("/people/j%C3%BCrgen?tab=%C3%BC#%C3%BC", "/people/j%C3%BCrgen?tab=%C3%BC#%C3%BC")]
    public async Task A_return_address_with_characters_beyond_ASCII_is_followed_encoded(string returnUrl, string location)
    {
        var email = AccountPages.NewEmail("unicode-return");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Infrastructure.Accounts.Password };

        using var response = await factory.CreateVisitor().SubmitFormAsync($"/account/login?returnUrl={Uri.EscapeDataString(Uri.UnescapeDataString(returnUrl))}", fields);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rp.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_error_page_asked_for_by_its_address_is_not_found()
    {
        using var response = await factory.CreateVisitor().GetAsync(new Uri("/error", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_disabled_account_get_the_same_message()
    {
        var email = AccountPages.NewEmail("same-message");
        var disabled = AccountPages.NewEmail("disabled");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        await factory.CreateUserAsync(disabled, AccountsExtensions.ResearcherRole);
        await factory.SetDisabledAsync(disabled);

        var pages = new List<HtmlPage>();
        foreach (var (address, password) in new[]
        {
            (AccountPages.NewEmail("nobody"), Infrastructure.Accounts.Password),
            (email, "not the right password"),
            (disabled, Infrastructure.Accounts.Password),
        })
        {
            using var response = await factory.CreateVisitor().SubmitLoginAsync(address, password);
            pages.Add(await response.ReadPageAsync());
        }

        Assert.All(pages, page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(LoginModel.FailureMessage, page.FormErrors());
        });
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_fails()
    {
        var email = AccountPages.NewEmail("lockout");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = factory.CreateVisitor();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await browser.SubmitLoginAsync(email, $"wrong password number {attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await browser.SubmitLoginAsync(email, Infrastructure.Accounts.Password);
        var page = await right.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(LoginModel.LockedOutMessage, page.FormErrors());
        Assert.False(right.Headers.Contains("Set-Cookie") && right.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("rp.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_address_without_an_account_answers_like_a_real_one_through_lockout()
    {
        var real = AccountPages.NewEmail("real-lockout");
        await factory.CreateUserAsync(real, AccountsExtensions.ResearcherRole);
        var unknown = AccountPages.NewEmail("nobody-lockout");
        var browser = factory.CreateVisitor();

        var realAnswers = new List<string?>();
        var unknownAnswers = new List<string?>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            using var a = await browser.SubmitLoginAsync(real, $"wrong password number {attempt}");
            realAnswers.Add((await a.ReadPageAsync()).FormErrors());
            using var b = await browser.SubmitLoginAsync(unknown, $"wrong password number {attempt}");
            unknownAnswers.Add((await b.ReadPageAsync()).FormErrors());
        }

        Assert.Equal(realAnswers, unknownAnswers);
        Assert.Equal(LoginModel.LockedOutMessage, unknownAnswers[^1]);
    }

    [Fact]
    public async Task A_200_character_passphrase_is_accepted()
    {
        var email = AccountPages.NewEmail("passphrase");
        var passphrase = string.Join(' ', Enumerable.Repeat("correct horse battery staple", 8))[..200];
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole, password: passphrase);

        var browser = await factory.SignInAsync(email, passphrase);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/account")).Status);
    }

    [Fact]
    public async Task A_password_longer_than_1024_characters_is_refused_next_to_the_field()
    {
        using var response = await factory.CreateVisitor().SubmitLoginAsync(AccountPages.NewEmail("long"), new string('x', 1025));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Passwords are at most 1024 characters.", page.FieldError("Input.Password"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var email = AccountPages.NewEmail("logout");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = await factory.SignInAsync(email);

        using var response = await browser.SubmitFormAsync("/account", new Dictionary<string, string>(), "form[action='/account/logout']");
        using var after = await browser.GetAsync(new Uri("/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", AccountPages.PathAndQuery(after.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }
}
