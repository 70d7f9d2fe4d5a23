using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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
