using System.Net;
using System.Net.Http.Headers;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>
/// A cached page is told apart by the query values it reads and by nothing else: tracking
/// parameters and values a page ignores get the cached copy instead of a render of their own.
/// </summary>
public sealed class CacheKeyTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private async Task<(bool FromCache, string Html)> VisitAsync(string url)
    {
        using var response = await _visitor.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tracking_parameters_and_values_no_page_reads_get_the_cached_page()
    {
        var t = TestNames.Unique();
        var researcher = await new ResearcherBuilder("Shared Link" + t)
            .WithPublication($"A paper {t}", p => p.Owner())
            .SaveAsync(factory);
        var profile = $"/people/{researcher.Slug}";
        var first = await VisitAsync(profile);
        Assert.False(first.FromCache);

        foreach (var query in new[] { "?utm_source=mastodon&utm_medium=social", "?fbclid=IwAR0abc", "?x=" + t, "?u=1-2-3" })
        {
            var shared = await VisitAsync(profile + query);
            Assert.True(shared.FromCache, query);
            Assert.Equal(first.Html, shared.Html);
        }
        await VisitAsync($"{profile}/publications");
        Assert.True((await VisitAsync($"{profile}/publications?utm_campaign=cv")).FromCache);
    }

    [Fact]
    public async Task The_query_values_a_page_reads_each_make_a_page_of_their_own()
    {
        var t = TestNames.Unique();
        var researcher = await new ResearcherBuilder("Filtered List" + t)
            .With(r => r.Interests = ["Topic" + t])
            .WithPublication($"Conference paper {t}", p => p.Owner())
            .WithPublication($"Journal paper {t}", p => p.Owner().With(x => x.Type = PublicationType.Journal))
            .SaveAsync(factory);
        var list = $"/people/{researcher.Slug}/publications";
        await VisitAsync(list);
        await VisitAsync(list);

        var journals = await VisitAsync(list + "?type=journal");
        Assert.False(journals.FromCache);
        Assert.DoesNotContain($"Conference paper {t}", journals.Html, StringComparison.Ordinal);
        Assert.True((await VisitAsync(list + "?TYPE=journal&utm_source=x")).FromCache);

        await VisitAsync("/");
        var byInterest = await VisitAsync("/?interest=" + Uri.EscapeDataString("Topic" + t));
        Assert.False(byInterest.FromCache);
        Assert.Contains(researcher.DisplayName, byInterest.Html, StringComparison.Ordinal);

        var search = await VisitAsync("/search?q=" + t);
        Assert.False((await VisitAsync("/search?q=other" + t)).FromCache);
        var fragment = await VisitAsync($"/search?q={t}&handler=results");
        Assert.False(fragment.FromCache);
        Assert.NotEqual(search.Html, fragment.Html);

        await VisitAsync($"/people/{researcher.Slug}/cv");
        Assert.False((await VisitAsync($"/people/{researcher.Slug}/cv?authors=3")).FromCache);
    }

    [Fact]
    public async Task A_query_key_given_twice_is_rendered_for_its_own_order_and_never_cached()
    {
        var t = TestNames.Unique();
        var alpha = await new ResearcherBuilder("Alpha" + t).SaveAsync(factory);
        await new ResearcherBuilder("Beta" + t).SaveAsync(factory);
        var alphaFirst = $"/search?q=alpha{t}&q=beta{t}";
        var betaFirst = $"/search?q=beta{t}&q=alpha{t}";

        // The page reads the first value; the cache's key would list both in sorted order, the same for either.
        var first = await VisitAsync(alphaFirst);
        var second = await VisitAsync(betaFirst);
        var again = await VisitAsync(alphaFirst);

        Assert.False(first.FromCache);
        Assert.False(second.FromCache);
        Assert.False(again.FromCache);
        Assert.Contains($"value=\"alpha{t}\"", first.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"beta{t}\"", second.Html, StringComparison.Ordinal);
        Assert.Contains("Beta" + t, second.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha" + t, second.Html, StringComparison.Ordinal);
        Assert.False((await VisitAsync($"/people/{alpha.Slug}?utm_source=a&utm_source=b")).FromCache);
    }
}

/// <summary>Site:OutputCacheMegabytes=0: every visit renders the page, which still carries its validators.</summary>
public sealed class NoOutputCacheTests(NoOutputCacheTests.App factory) : IClassFixture<NoOutputCacheTests.App>
{
    public sealed class App : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { [SiteOptions.OutputCacheMegabytesKey] = "0" };
    }

    [Fact]
    public async Task Every_visit_renders_and_an_unchanged_page_is_still_a_304()
    {
        var researcher = await new ResearcherBuilder("Never Cached").SaveAsync(factory);
        var visitor = factory.CreateVisitor();
        var url = new Uri($"/people/{researcher.Slug}", UriKind.Relative);

        using var first = await visitor.GetAsync(url);
        using var second = await visitor.GetAsync(url);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(second.Headers.ETag!.Tag));
        using var notModified = await visitor.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.Null(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }
}
