using System.Net;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Areas.Account.Pages;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

/// <summary>
/// The "Edit this profile" link: the same hidden markup for every visitor (public pages are cached
/// for everyone), revealed by a script from a cookie set at sign-in and removed at sign-out.
/// </summary>
public sealed class EditLinkHintTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static string? HintCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(EditLinkHint.CookieName + "=", StringComparison.Ordinal))
            : null;

    [Fact]
    public async Task Signing_in_sets_a_script_readable_cookie_with_the_owned_slug_and_signing_out_removes_it()
    {
        var profile = await new ResearcherBuilder("Hint Owner").SaveAsync(factory);
        var email = AccountPages.NewEmail("hint");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole, profile.Id);
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        using var signIn = await browser.SubmitLoginAsync(email, Infrastructure.Accounts.Password);

        var set = HintCookie(signIn);
        Assert.NotNull(set);
        Assert.StartsWith($"{EditLinkHint.CookieName}={profile.Slug};", set, StringComparison.Ordinal);
        Assert.DoesNotContain("httponly", set, StringComparison.OrdinalIgnoreCase);

        using var signOut = await browser.SubmitFormAsync("/account", new Dictionary<string, string>(), "form[action='/account/logout']");

        var removed = HintCookie(signOut);
        Assert.NotNull(removed);
        Assert.StartsWith($"{EditLinkHint.CookieName}=;", removed, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", removed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_administrator_gets_the_any_profile_hint_and_an_account_without_a_profile_gets_none()
    {
        var admin = await factory.CreateAdminAsync();
        var plainEmail = AccountPages.NewEmail("no-profile");
        await factory.CreateUserAsync(plainEmail, AccountsExtensions.ResearcherRole);

        using var adminSignIn = await factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true })
            .SubmitLoginAsync(admin.Email!, Infrastructure.Accounts.Password);
        using var plainSignIn = await factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true })
            .SubmitLoginAsync(plainEmail, Infrastructure.Accounts.Password);

        Assert.StartsWith($"{EditLinkHint.CookieName}={Uri.EscapeDataString(EditLinkHint.AnyProfile)};", HintCookie(adminSignIn), StringComparison.Ordinal);
        var plain = HintCookie(plainSignIn);
        Assert.True(plain is null || plain.StartsWith($"{EditLinkHint.CookieName}=;", StringComparison.Ordinal), plain);
    }

    [Fact]
    public async Task The_profile_page_is_the_same_for_visitors_and_its_signed_in_owner_with_the_edit_link_hidden()
    {
        var profile = await new ResearcherBuilder("Cached Owner").SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(profile.Id);
        var owner = await factory.SignInAsync(user.Email!);
        var url = $"/people/{profile.Slug}";

        var anonymous = await factory.CreateVisitor().GetPageAsync(url);
        var signedIn = await owner.GetPageAsync(url);
        var cachedAgain = await factory.CreateVisitor().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        var article = anonymous.Document.QuerySelector("article.profile")!.OuterHtml;
        Assert.Equal(article, signedIn.Document.QuerySelector("article.profile")!.OuterHtml);
        Assert.Equal(article, cachedAgain.Document.QuerySelector("article.profile")!.OuterHtml);
        var hint = anonymous.Document.QuerySelector($".profile-edit[data-edit-slug='{profile.Slug}']")!;
        Assert.True(hint.HasAttribute("hidden"));
        Assert.Equal($"/edit/{profile.Slug}", hint.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(anonymous.Document.QuerySelector("script[src^='/js/edit-link.js']"));
    }
}
