using System.Net;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>
/// Crawlers and link checkers ask with HEAD: every public page and file answers it as it answers GET,
/// with the same status, type, length and validators, from the same cached copy (the server leaves
/// the body out), where a 405 would read to them as a broken link.
/// </summary>
public sealed class HeadRequestTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Public_files_answer_HEAD_as_they_answer_GET()
    {
        var t = TestNames.Unique();
        var researcher = await new ResearcherBuilder("Head Request" + t)
            .WithPublication($"A paper {t}", p => p.Owner())
            .SaveAsync(factory);
        var profile = $"/people/{researcher.Slug}";
        var list = await _visitor.GetDocumentAsync(profile + "/publications");
        var paperBib = list.QuerySelectorAll("a[href$='.bib']").Select(a => a.GetAttribute("href")!)
            .Single(href => href.StartsWith(profile + "/publications/", StringComparison.Ordinal));

        foreach (var path in new[]
        {
            profile, profile + "/cv.pdf", profile + "/resume.json", profile + "/publications.bib", profile + "/publications.ris",
            profile + "/publications.csl.json", paperBib, profile + "/news.atom", "/sitemap.xml", "/robots.txt",
        })
        {
            // HEAD first: it must not leave a copy of its own (an empty body) in the cache.
            using var head = await _visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));
            using var cachedHead = await _visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));
            using var get = await _visitor.GetAsync(new Uri(path, UriKind.Relative));
            var body = await get.Content.ReadAsByteArrayAsync();
            using var conditional = new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative));
            conditional.Headers.IfNoneMatch.Add(get.Headers.ETag!);
            using var notModified = await _visitor.SendAsync(conditional);

            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.NotEmpty(body);
            Assert.NotNull(get.Headers.ETag);
            foreach (var answer in new[] { head, cachedHead })
            {
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)answer.StatusCode}");
                Assert.Equal(get.Content.Headers.ContentType?.MediaType, answer.Content.Headers.ContentType?.MediaType);
                Assert.True(answer.Content.Headers.ContentLength == body.Length, $"HEAD {path}: Content-Length {answer.Content.Headers.ContentLength}, GET sent {body.Length} bytes");
                Assert.Equal(get.Headers.ETag, answer.Headers.ETag);
            }
            Assert.True(notModified.StatusCode == HttpStatusCode.NotModified, $"HEAD {path} with its ETag: {(int)notModified.StatusCode}");
        }
    }
}
