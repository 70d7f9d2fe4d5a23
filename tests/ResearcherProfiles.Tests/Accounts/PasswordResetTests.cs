using System.Net;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Areas.Account.Pages;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

public sealed class PasswordResetTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string NewPassword = "a passphrase chosen after forgetting";

    private async Task<string> RequestResetLinkAsync(string email)
    {
        using var response = await factory.CreateVisitor().SubmitForgotPasswordAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return AccountPages.ResetLinkIn(Assert.Single(factory.MailTo(email)));
    }

    [Fact]
    public async Task The_answer_is_the_same_for_an_existing_and_an_unknown_address()
    {
        var email = AccountPages.NewEmail("exists");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);

        var answers = new List<HtmlPage>();
        foreach (var address in new[] { email, AccountPages.NewEmail("unknown") })
        {
            var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            using var response = await browser.SubmitForgotPasswordAsync(address);
            Assert.Equal("/account/forgot-password", AccountPages.PathAndQuery(response.Headers.Location!.OriginalString));
            answers.Add(await browser.FollowAsync(response));
        }

        Assert.All(answers, page => Assert.Equal(ForgotPasswordModel.SentMessage, page.TextOf(".status-message")));
        Assert.Equal(answers[0].TextOf("main"), answers[1].TextOf("main"));
    }

    [Fact]
    public async Task Only_an_existing_enabled_account_is_sent_a_link()
    {
        var email = AccountPages.NewEmail("gets-mail");
        var disabled = AccountPages.NewEmail("disabled");
        var unknown = AccountPages.NewEmail("unknown");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        await factory.CreateUserAsync(disabled, AccountsExtensions.ResearcherRole);
        await factory.SetDisabledAsync(disabled);

        foreach (var address in new[] { email, disabled, unknown })
        {
            using var response = await factory.CreateVisitor().SubmitForgotPasswordAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var link = AccountPages.ResetLinkIn(Assert.Single(factory.MailTo(email)));
        Assert.StartsWith("http://localhost/account/reset-password?email=", link, StringComparison.Ordinal);
        Assert.Empty(factory.MailTo(disabled));
        Assert.Empty(factory.MailTo(unknown));
    }

    [Fact]
    public async Task Following_the_link_sets_a_new_password_that_signs_in()
    {
        var email = AccountPages.NewEmail("resets");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var link = await RequestResetLinkAsync(email);
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        using var response = await browser.SubmitResetPasswordAsync(link, NewPassword);
        var login = await browser.FollowAsync(response);

        Assert.Equal("/account/login", AccountPages.PathAndQuery(response.Headers.Location!.OriginalString));
        Assert.Equal(ResetPasswordModel.ResetMessage, login.TextOf(".status-message"));
        await factory.SignInAsync(email, NewPassword);
        using var old = await factory.CreateVisitor().SubmitLoginAsync(email, Infrastructure.Accounts.Password);
        Assert.Equal(LoginModel.FailureMessage, (await old.ReadPageAsync()).FormErrors());
    }

    [Fact]
    public async Task A_reset_ends_the_lockout_of_a_locked_account()
    {
        var email = AccountPages.NewEmail("locked");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await factory.CreateVisitor().SubmitLoginAsync(email, "a guess that is wrong");
        }
        using (var locked = await factory.CreateVisitor().SubmitLoginAsync(email, Infrastructure.Accounts.Password))
        {
            Assert.Equal(LoginModel.LockedOutMessage, (await locked.ReadPageAsync()).FormErrors());
        }

        using var reset = await factory.CreateVisitor().SubmitResetPasswordAsync(await RequestResetLinkAsync(email), NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await factory.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task A_link_works_only_once()
    {
        var email = AccountPages.NewEmail("once");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var link = await RequestResetLinkAsync(email);
        using (var first = await factory.CreateVisitor().SubmitResetPasswordAsync(link, NewPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await factory.CreateVisitor().SubmitResetPasswordAsync(link, "yet another passphrase here");

        Assert.Equal(ResetPasswordModel.InvalidLinkMessage, (await second.ReadPageAsync()).FormErrors());
        await factory.SignInAsync(email, NewPassword);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("not-base64!")]
    [InlineData("unknown-account")]
    public async Task A_bad_link_is_refused_with_one_clear_message(string defect)
    {
        var email = AccountPages.NewEmail("bad-link");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var link = await RequestResetLinkAsync(email);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        var token = query["token"].ToString();
        var address = query["email"].ToString();
        (address, token) = defect switch
        {
            "tampered" => (address, token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")),
            "not-base64!" => (address, "not-base64!"),
            _ => (AccountPages.NewEmail("nobody"), token),
        };
        var badLink = $"/account/reset-password?email={Uri.EscapeDataString(address)}&token={Uri.EscapeDataString(token)}";

        using var response = await factory.CreateVisitor().SubmitResetPasswordAsync(badLink, NewPassword);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(ResetPasswordModel.InvalidLinkMessage, page.FormErrors());
        await factory.SignInAsync(email, Infrastructure.Accounts.Password);
    }

    [Fact]
    public async Task A_link_without_its_token_says_it_is_not_valid()
    {
        var page = await factory.CreateVisitor().GetPageAsync("/account/reset-password");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(ResetPasswordModel.InvalidLinkMessage, page.TextOf("[role=alert]"));
        Assert.Null(page.Document.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_too_short_new_password_is_reported_next_to_the_field()
    {
        var email = AccountPages.NewEmail("short");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);

        using var response = await factory.CreateVisitor().SubmitResetPasswordAsync(await RequestResetLinkAsync(email), "too short");
        var page = await response.ReadPageAsync();

        Assert.StartsWith("Use between 12 and 1024 characters.", page.FieldError("Input.NewPassword"), StringComparison.Ordinal);
        Assert.Null(page.FormErrors());
    }
}
