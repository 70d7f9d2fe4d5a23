using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>What every response says about itself: methods, security headers, cookies.</summary>
public sealed partial class HttpSurfaceTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static readonly string[] OtherMethods = ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "POST"];

    private async Task<string[]> PublicAddressesAsync()
    {
        var owner = await new ResearcherBuilder("Method Owner").SaveAsync(factory);
        var paper = await new PublicationBuilder("Method Paper").Author(owner).ShownOn(owner).SaveAsync(factory);
        return
        [
            "/", $"/people/{owner.Slug}", $"/people/{owner.Slug}/publications", $"/people/{owner.Slug}/publications.bib",
            $"/publications/{paper.Id}/method-paper", "/healthz", "/css/site.css", "/media/photos/00000000000000000000000000000000.jpg",
            "/no-such-page",
        ];
    }

    [Fact]
    public async Task Public_addresses_answer_only_get_and_head_and_refuse_other_methods_with_405()
    {
        var client = factory.CreateVisitor();
        var answers = new List<string>();
        foreach (var address in await PublicAddressesAsync())
        {
            foreach (var method in OtherMethods)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), address));
                answers.Add($"{method} {address}: {(int)response.StatusCode} {string.Join(",", response.Content.Headers.Allow)}");
            }
        }

        Assert.All(answers, answer => Assert.EndsWith(": 405 GET,HEAD", answer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Head_is_answered_like_get()
    {
        using var response = await factory.CreateVisitor().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("TRACE", "/account/login")]
    [InlineData("PUT", "/edit/someone")]
    [InlineData("DELETE", "/admin")]
    [InlineData("OPTIONS", "/setup")]
    public async Task Form_pages_take_post_but_no_other_method(string method, string address)
    {
        using var response = await factory.CreateVisitor().SendAsync(new HttpRequestMessage(new HttpMethod(method), address));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/css/site.css")]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("GET", "/account/login")]
    [InlineData("TRACE", "/")]
    public async Task Every_response_carries_a_permissions_policy_that_grants_nothing(string method, string address)
    {
        using var response = await factory.CreateVisitor().SendAsync(new HttpRequestMessage(new HttpMethod(method), address));

        var policy = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Equal(PublicSiteExtensions.PermissionsPolicy, policy);
        var directives = policy.Split(", ");
        Assert.All(directives, d => Assert.Matches(DirectiveWithEmptyAllowlist(), d));
        Assert.Subset(directives.Select(d => d.Split('=')[0]).ToHashSet(), new HashSet<string> { "camera", "microphone", "geolocation", "interest-cohort" });
    }

    [Fact]
    public void Kestrel_sends_no_server_header()
    {
        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    [Fact]
    public async Task A_search_address_of_ten_thousand_characters_is_answered_by_the_app_with_its_first_words()
    {
        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        var query = string.Concat(Enumerable.Repeat("wavelet ", 1_250));
        var address = "/search?q=" + Uri.EscapeDataString(query);

        using var response = await factory.CreateVisitor().GetAsync(new Uri(address, UriKind.Relative));

        // Kestrel answers a longer line itself with an empty 414: this one reaches the app.
        Assert.True($"GET {address} HTTP/1.1".Length < kestrel.Limits.MaxRequestLineSize, $"{kestrel.Limits.MaxRequestLineSize}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(query[..200].Trim(), ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#search-q")!).Value);
    }

    [Fact]
    public async Task Over_https_the_antiforgery_and_sign_in_cookies_are_secure()
    {
        var email = $"secure-cookies-{Guid.NewGuid():N}@example.org";
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });

        using var form = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = CookieNamed(form, ".AspNetCore.Antiforgery");
        using var signIn = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.Accounts.Password,
        });

        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("; secure", CookieNamed(signIn, "rp.auth"), StringComparison.OrdinalIgnoreCase);
    }

    private static string CookieNamed(HttpResponseMessage response, string prefix) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(prefix, StringComparison.Ordinal));

    [GeneratedRegex("^[a-z-]+=\\(\\)$")]
    private static partial Regex DirectiveWithEmptyAllowlist();
}
