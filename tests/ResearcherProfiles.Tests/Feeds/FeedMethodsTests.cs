using System.Net;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Feeds;

/// <summary>The sitemap, robots.txt and the feeds answer GET and HEAD like the pages, and refuse other methods.</summary>
public sealed class FeedMethodsTests(FeedsAppFactory factory) : IClassFixture<FeedsAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private async Task<string[]> AddressesAsync()
    {
        var researcher = await new ResearcherBuilder("Method Feeds").WithNews("2024-01", "News.").SaveAsync(factory);
        return ["/sitemap.xml", "/sitemaps/profiles-1.xml", "/robots.txt", $"/people/{researcher.Slug}/news.atom", "/papers.atom"];
    }

    [Fact]
    public async Task Head_is_answered_like_get()
    {
        foreach (var address in await AddressesAsync())
        {
            using var get = await _visitor.GetAsync(new Uri(address, UriKind.Relative));
            using var head = await _visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(address, UriKind.Relative)));
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        }
    }

    [Fact]
    public async Task Other_methods_are_refused_with_405()
    {
        foreach (var address in await AddressesAsync())
        {
            foreach (var method in new[] { "POST", "PUT", "DELETE", "OPTIONS", "TRACE" })
            {
                using var response = await _visitor.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(address, UriKind.Relative)));
                Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
                Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
            }
        }
    }
}
