using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

/// <summary>Every account form refuses a POST that lacks the antiforgery token, signed in or not.</summary>
public sealed class AntiforgeryTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Input.Email"] = "someone@example.org",
        ["Input.Password"] = "a long enough passphrase",
        ["Input.ConfirmPassword"] = "a long enough passphrase",
        ["Input.CurrentPassword"] = Infrastructure.Accounts.Password,
        ["Input.NewPassword"] = "a long enough passphrase",
        ["Input.Token"] = "abc",
    };

    [Theory]
    [InlineData("/account/login", false)]
    [InlineData("/account/forgot-password", false)]
    [InlineData("/account/reset-password?email=someone%40example.org&token=abc", false)]
    [InlineData("/account/logout", true)]
    [InlineData("/account/change-password", true)]
    [InlineData("/setup?token={token}", false)]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400(string url, bool signedIn)
    {
        // The setup token is only known while the site has no account, so read it before anyone signs in.
        var setupToken = factory.Services.GetRequiredService<FirstStartSetup>().Token ?? "closed";
        HttpClient browser;
        if (signedIn)
        {
            var email = AccountPages.NewEmail("antiforgery");
            await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
            browser = await factory.SignInAsync(email);
        }
        else
        {
            browser = factory.CreateVisitor();
        }

        using var content = new FormUrlEncodedContent(Fields);
        using var response = await browser.PostAsync(new Uri(url.Replace("{token}", setupToken, StringComparison.Ordinal), UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
