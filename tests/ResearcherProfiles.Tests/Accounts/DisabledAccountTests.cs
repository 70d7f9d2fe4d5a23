using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

public sealed class DisabledAccountTests(DisabledAccountTests.EveryRequestCheckedFactory factory) : IClassFixture<DisabledAccountTests.EveryRequestCheckedFactory>
{
    /// <summary>Re-validates the sign-in cookie on every request instead of once a minute, so the test need not wait.</summary>
    public sealed class EveryRequestCheckedFactory : ProfilesAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_existing_session()
    {
        var email = AccountPages.NewEmail("disabled-later");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = await factory.SignInAsync(email);
        using (var before = await browser.GetAsync(new Uri("/account", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Only the flag changes (no new security stamp): the session must end all the same.
        await factory.SetDisabledAsync(email);
        using var after = await browser.GetAsync(new Uri("/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", AccountPages.PathAndQuery(after.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_enabled_again_can_sign_in()
    {
        var email = AccountPages.NewEmail("re-enabled");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        await factory.SetDisabledAsync(email);
        await factory.SetDisabledAsync(email, disabled: false);

        var browser = await factory.SignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/account")).Status);
    }
}

/// <summary>
/// With the sign-in cookie checked against the database only once a minute (the site's setting),
/// a disabled account or a session ended by a new security stamp still cannot change anything:
/// every signed-in page asks the database first.
/// </summary>
public sealed class EndedSessionTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private async Task<(global::ResearcherProfiles.Core.Entities.Researcher Profile, HttpClient Owner, string Email, AngleSharp.Html.Dom.IHtmlFormElement Form)> OwnerWithOpenFormAsync()
    {
        var profile = await new ResearcherBuilder("Ended Session" + TestNames.Unique()).With(r => r.Headline = "Unchanged").SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(profile.Id);
        var owner = await factory.SignInAsync(user.Email!);
        var page = await owner.GetDocumentAsync($"/edit/{profile.Slug}");
        return (profile, owner, user.Email!, (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.basics-form")!);
    }

    [Fact]
    public async Task A_disabled_account_cannot_save_from_a_session_it_opened_before()
    {
        var (profile, owner, email, form) = await OwnerWithOpenFormAsync();

        await factory.SetDisabledAsync(email);
        using var save = await owner.SubmitAsync(form, $"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Changed after disabling" });
        using var editor = await owner.GetAsync(new Uri($"/edit/{profile.Slug}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Equal("Unchanged", (await factory.ResearcherAsync(profile.Id)).Headline);
    }

    [Fact]
    public async Task A_session_whose_security_stamp_changed_cannot_save()
    {
        var (profile, owner, email, form) = await OwnerWithOpenFormAsync();

        // What a new password, or "sign out everywhere", does to the account's other sessions.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<global::ResearcherProfiles.Core.Entities.AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }
        using var save = await owner.SubmitAsync(form, $"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Changed by an old session" });

        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal("Unchanged", (await factory.ResearcherAsync(profile.Id)).Headline);

        // A new sign-in carries the new stamp and may edit.
        var again = await factory.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri($"/edit/{profile.Slug}", UriKind.Relative))).StatusCode);
    }
}
