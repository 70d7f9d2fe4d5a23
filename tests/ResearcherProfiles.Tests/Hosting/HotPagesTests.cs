using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Accounts;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>Pages the output cache has just served are answered in front of it for a moment, as they were sent.</summary>
public sealed class HotPagesTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();
    private HotPages Hot => factory.Services.GetRequiredService<HotPages>();

    private async Task<HttpResponseMessage> GetAsync(string url, string encoding = "br", HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        return await _visitor.SendAsync(request);
    }

    /// <summary>The first visit renders the page, the second is the output cache's, which is kept.</summary>
    private async Task<byte[]> MakeHotAsync(string url, string encoding = "br") => (await MakeHotWithDateAsync(url, encoding)).Body;

    private async Task<(byte[] Body, DateTimeOffset? Date)> MakeHotWithDateAsync(string url, string encoding = "br")
    {
        (await GetAsync(url, encoding)).Dispose();
        using var cached = await GetAsync(url, encoding);
        Assert.NotNull(cached.Headers.Age);
        return (await cached.Content.ReadAsByteArrayAsync(), cached.Headers.Date);
    }

    [Fact]
    public async Task A_page_served_from_the_cache_is_kept_and_sent_again_byte_for_byte()
    {
        var researcher = await new ResearcherBuilder("Often Visited").SaveAsync(factory);
        var url = $"/people/{researcher.Slug}";
        var before = Hot.Count;

        var (cached, cachedDate) = await MakeHotWithDateAsync(url);
        using var kept = await GetAsync(url);

        Assert.Equal(before + 1, Hot.Count);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("br", Assert.Single(kept.Content.Headers.ContentEncoding));
        Assert.Equal(cached.Length, kept.Content.Headers.ContentLength);
        Assert.NotNull(kept.Headers.ETag);
        Assert.NotNull(kept.Headers.Age);
        // As the output cache sends it: the time the page was rendered, with its age.
        Assert.Equal(cachedDate, kept.Headers.Date);
        Assert.Equal("nosniff", Assert.Single(kept.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(cached, await kept.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_edit_shows_on_the_very_next_visit()
    {
        var researcher = await new ResearcherBuilder("Soon Changed").SaveAsync(factory);
        var url = $"/people/{researcher.Slug}";
        await MakeHotAsync(url, "identity");

        await factory.ChangeDataAsync(async db =>
        {
            var stored = await db.Researchers.AsTracking().SingleAsync(r => r.Id == researcher.Id);
            stored.Headline = "Headline after the edit";
        });
        using var after = await GetAsync(url, "identity");

        Assert.Contains("Headline after the edit", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_encoding_is_kept_apart_and_a_head_gets_no_body()
    {
        var researcher = await new ResearcherBuilder("Several Encodings").SaveAsync(factory);
        var url = $"/people/{researcher.Slug}";
        await MakeHotAsync(url, "br");
        await MakeHotAsync(url, "gzip");

        using var gzip = await GetAsync(url, "gzip");
        using var plain = await GetAsync(url, "identity");
        using var head = await GetAsync(url, "br", HttpMethod.Head);

        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Several Encodings", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("br", Assert.Single(head.Content.Headers.ContentEncoding));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Signed_in_visitors_and_conditional_requests_get_their_own_answers()
    {
        var researcher = await new ResearcherBuilder("Kept But Not For All").SaveAsync(factory);
        var url = $"/people/{researcher.Slug}";
        await MakeHotAsync(url, "identity");
        var email = AccountPages.NewEmail("hot-pages");
        await factory.CreateUserAsync(email, AccountsExtensions.ResearcherRole);
        var browser = await factory.SignInAsync(email);

        var signedIn = await browser.GetPageAsync(url);
        using var kept = await GetAsync(url, "identity");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        conditional.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");
        conditional.Headers.IfNoneMatch.Add(kept.Headers.ETag!);
        using var notModified = await _visitor.SendAsync(conditional);

        Assert.Contains("Sign out", signedIn.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", await kept.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Pages_rendered_once_are_not_kept()
    {
        var researchers = new List<ResearcherProfiles.Core.Entities.Researcher>();
        for (var i = 0; i < 5; i++)
        {
            researchers.Add(await new ResearcherBuilder("Long Tail").SaveAsync(factory));
        }
        var before = Hot.Count;

        foreach (var researcher in researchers)
        {
            using var response = await GetAsync($"/people/{researcher.Slug}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(before, Hot.Count);
    }
}
