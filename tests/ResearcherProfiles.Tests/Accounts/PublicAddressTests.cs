using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Accounts;

/// <summary>
/// Absolute links come from Site:PublicUrl, never from the request: a client that forges the Host
/// or X-Forwarded-* headers cannot point a password-reset or invitation link at its own site.
/// </summary>
public sealed class PublicAddressTests(PublicAddressTests.ConfiguredAddressFactory factory) : IClassFixture<PublicAddressTests.ConfiguredAddressFactory>
{
    private const string PublicOrigin = "https://profiles.example.org";
    private static readonly Uri ForgedHost = new("http://evil.example");

    public sealed class ConfiguredAddressFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            [PublicUrl.Key] = PublicOrigin,
            ["RateLimiting:Accounts:PermitLimit"] = "100000",
            // Requests come from 127.0.0.1: a trusted proxy, whose X-Forwarded-Proto is still checked.
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        };
    }

    /// <summary>A browser whose requests carry the Host header "evil.example".</summary>
    private HttpClient BrowserAtForgedHost() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ForgedHost });

    [Fact]
    public async Task A_reset_requested_with_a_forged_host_header_mails_a_link_to_the_configured_address()
    {
        var email = AccountPages.NewEmail("forged-host");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = BrowserAtForgedHost();
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "javascript");
        browser.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");

        using var response = await browser.SubmitForgotPasswordAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(factory.MailTo(email));
        Assert.StartsWith($"{PublicOrigin}/account/reset-password?email=", AccountPages.ResetLinkIn(message), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", message, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_sent_through_a_forged_host_header_links_to_the_configured_address()
    {
        var admin = await factory.CreateAdminAsync();
        var invitee = AccountPages.NewEmail("invited");
        var browser = BrowserAtForgedHost();
        using (var signIn = await browser.SubmitLoginAsync(admin.Email!, Infrastructure.Accounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var response = await browser.SubmitFormAsync("/admin/invite", new Dictionary<string, string>
        {
            ["Input.Email"] = invitee,
            ["Input.Profile"] = string.Empty,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(factory.MailTo(invitee));
        Assert.Contains($"{PublicOrigin}/account/invitation?token=", message, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_redirect_to_sign_in_is_relative_and_carries_no_host_from_the_request()
    {
        using var response = await BrowserAtForgedHost().GetAsync(new Uri("/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri, $"Location is {location}");
        Assert.Equal("/account/login?ReturnUrl=%2Faccount", location.OriginalString);
    }

    [Fact]
    public async Task A_papers_canonical_address_and_metadata_use_the_configured_address()
    {
        var owner = await new ResearcherBuilder("Canonical Owner").SaveAsync(factory);
        var paper = await new PublicationBuilder("Addressed Paper").Author(owner).ShownOn(owner).SaveAsync(factory);

        var page = await BrowserAtForgedHost().GetPageAsync($"/publications/{paper.Id}/addressed-paper");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"{PublicOrigin}/publications/{paper.Id}/addressed-paper", page.Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.DoesNotContain("evil.example", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData("javascript", false)]
    [InlineData("https, javascript", false)]
    public async Task Only_http_or_https_from_a_trusted_proxy_becomes_the_request_scheme(string forwardedProto, bool secure)
    {
        var browser = factory.CreateVisitor();
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);

        using var response = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Equal(secure, antiforgery.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
