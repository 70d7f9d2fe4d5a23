using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

public sealed class SignInCookieTests(SignInCookieTests.CountingFactory factory) : IClassFixture<SignInCookieTests.CountingFactory>
{
    /// <summary>Counts how often a request's authentication handlers are looked up, that is, how often it is authenticated.</summary>
    public sealed class CountingFactory : ProfilesAppFactory
    {
        private int _lookups;

        public int Lookups => Volatile.Read(ref _lookups);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IAuthenticationHandlerProvider>(provider =>
                new CountingHandlers(new AuthenticationHandlerProvider(provider.GetRequiredService<IAuthenticationSchemeProvider>()), this)));
        }

        private sealed class CountingHandlers(AuthenticationHandlerProvider handlers, CountingFactory factory) : IAuthenticationHandlerProvider
        {
            public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
            {
                Interlocked.Increment(ref factory._lookups);
                return handlers.GetHandlerAsync(context, authenticationScheme);
            }
        }
    }

    [Fact]
    public async Task A_request_without_cookies_is_not_authenticated_at_all()
    {
        using var visitor = factory.CreateVisitor();
        var before = factory.Lookups;

        using var response = await visitor.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, factory.Lookups);
    }

    [Fact]
    public async Task A_signed_in_request_is_authenticated_once()
    {
        var email = AccountPages.NewEmail("counted");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = await factory.SignInAsync(email);
        var before = factory.Lookups;

        var page = await browser.GetPageAsync("/account");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(before + 1, factory.Lookups);
    }

    [Fact]
    public async Task A_protected_page_without_cookies_still_asks_for_a_sign_in()
    {
        using var visitor = factory.CreateVisitor();

        using var response = await visitor.GetAsync(new Uri("/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", AccountPages.PathAndQuery(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }
}
