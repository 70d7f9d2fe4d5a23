using System.Net;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Areas.Account.Pages;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

public sealed class ChangePasswordTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string NewPassword = "a brand new passphrase for this account";

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string current, string next, string? confirm = null) =>
        browser.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm ?? next,
        });

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var response = await factory.CreateVisitor().GetAsync(new Uri("/account/change-password", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", AccountPages.PathAndQuery(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_field_has_a_label()
    {
        var email = AccountPages.NewEmail("labels");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var page = await (await factory.SignInAsync(email)).GetPageAsync("/account/change-password");

        var inputs = page.Document.QuerySelectorAll("main form input:not([type=hidden])").ToList();
        Assert.Equal(3, inputs.Count);
        Assert.All(inputs, input => Assert.NotNull(page.Document.QuerySelector($"label[for='{input.Id}']")));
    }

    [Fact]
    public async Task A_wrong_current_password_is_reported_next_to_that_field_and_changes_nothing()
    {
        var email = AccountPages.NewEmail("wrong-current");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = await factory.SignInAsync(email);

        using var response = await SubmitAsync(browser, "not my current password", NewPassword);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(ChangePasswordModel.WrongCurrentPasswordMessage, page.FieldError("Input.CurrentPassword"));
        await factory.SignInAsync(email, Infrastructure.Accounts.Password);
    }

    [Theory]
    [InlineData("eleven char", null, "Input.NewPassword", "Use between 12 and 1024 characters.")]
    [InlineData(NewPassword, "a different confirmation", "Input.ConfirmPassword", "The two new passwords do not match.")]
    public async Task An_unacceptable_new_password_is_reported_next_to_its_field(string next, string? confirm, string field, string message)
    {
        var email = AccountPages.NewEmail("bad-new");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = await factory.SignInAsync(email);

        using var response = await SubmitAsync(browser, Infrastructure.Accounts.Password, next, confirm);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith(message, page.FieldError(field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_change_the_browser_stays_signed_in_and_only_the_new_password_works()
    {
        var email = AccountPages.NewEmail("changed");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = await factory.SignInAsync(email);

        using var response = await SubmitAsync(browser, Infrastructure.Accounts.Password, NewPassword);
        var confirmation = await browser.FollowAsync(response);

        Assert.Equal("/account/change-password", AccountPages.PathAndQuery(response.Headers.Location!.OriginalString));
        Assert.Equal(ChangePasswordModel.ChangedMessage, confirmation.TextOf(".status-message"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/account")).Status);

        using var old = await factory.CreateVisitor().SubmitLoginAsync(email, Infrastructure.Accounts.Password);
        Assert.Equal(LoginModel.FailureMessage, (await old.ReadPageAsync()).FormErrors());
        await factory.SignInAsync(email, NewPassword);
    }
}
