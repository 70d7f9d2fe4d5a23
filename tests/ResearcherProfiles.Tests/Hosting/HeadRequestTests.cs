using System.Net;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>
/// Crawlers and link checkers ask with HEAD: every public file answers it as it answers GET, with
/// the same status and type (the server leaves the body out), where a 405 would read to them as a broken link.
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
            using var get = await _visitor.GetAsync(new Uri(path, UriKind.Relative));
            using var head = await _visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));

            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        }
    }
}
