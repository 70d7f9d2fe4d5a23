using System.Net;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Accounts;

public sealed class RateLimitTests(RateLimitTests.ThreePostsPerMinuteFactory factory) : IClassFixture<RateLimitTests.ThreePostsPerMinuteFactory>
{
    public sealed class ThreePostsPerMinuteFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["RateLimiting:Accounts:PermitLimit"] = "3",
            ["RateLimiting:Accounts:WindowSeconds"] = "600",
            // Requests come from 127.0.0.1, here a reverse proxy that tells the client's address.
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        };
    }

    /// <summary>A browser that says it is <paramref name="address"/>, through the configured proxy.</summary>
    private HttpClient ClientAt(string address)
    {
        var client = factory.CreateVisitor();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429_with_retry_after()
    {
        var client = ClientAt("203.0.113.10");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.SubmitLoginAsync("someone@example.org", "a wrong password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.SubmitLoginAsync("someone@example.org", "a wrong password");
        var page = await refused.ReadPageAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal("Too many attempts", page.TextOf("h1"));
    }

    [Fact]
    public async Task Password_reset_requests_and_submissions_share_the_limit()
    {
        var client = ClientAt("203.0.113.20");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.SubmitForgotPasswordAsync($"nobody{attempt}@example.org");
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var forgot = await client.SubmitForgotPasswordAsync("nobody@example.org");
        using var reset = await client.SubmitResetPasswordAsync("/account/reset-password?email=a%40example.org&token=abc", "a long enough passphrase");

        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, reset.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_per_client_address_and_showing_the_form_is_not_limited()
    {
        var busy = ClientAt("203.0.113.30");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var _ = await busy.SubmitLoginAsync("someone@example.org", "a wrong password");
        }

        using var form = await busy.GetAsync(new Uri("/account/login", UriKind.Relative));
        using var other = await ClientAt("203.0.113.31").SubmitLoginAsync("someone@example.org", "a wrong password");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}

/// <summary>Without a configured proxy, X-Forwarded-For is no way round the limit, not even from loopback.</summary>
public sealed class RateLimitWithoutProxyTests(RateLimitWithoutProxyTests.NoProxyFactory factory) : IClassFixture<RateLimitWithoutProxyTests.NoProxyFactory>
{
    public sealed class NoProxyFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["RateLimiting:Accounts:PermitLimit"] = "3",
            ["RateLimiting:Accounts:WindowSeconds"] = "600",
        };
    }

    [Fact]
    public async Task A_client_that_invents_a_new_forwarded_address_for_each_attempt_is_still_limited()
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var client = factory.CreateVisitor();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{attempt + 1}");
            using var response = await client.SubmitLoginAsync("someone@example.org", "a wrong password");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
