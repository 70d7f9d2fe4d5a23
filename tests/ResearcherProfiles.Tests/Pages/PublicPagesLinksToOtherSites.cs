using AngleSharp.Dom;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// Every public page that shows a profile's links to other sites, and what each of its links must
/// look like: the public views write the new-tab rule themselves, so a link added to one of them
/// without it fails here.
/// </summary>
internal static class PublicPagesLinksToOtherSites
{
    /// <summary>A profile with a link to another site in every place a public page shows one.</summary>
    public static ResearcherBuilder EveryKindOfLink(ResearcherBuilder builder) => MarkdownStructureTests.LinkedProfile(builder)
        .WithTalk(new Talk { Title = "A linked talk", Url = "https://talks.example.com/t", SlidesUrl = "https://slides.example.com/s", VideoUrl = "https://video.example.com/v" })
        .WithWriting(new WritingItem { ListTitle = "Blog", Title = "A linked post", Url = "https://blog.example.com/post" })
        .WithProject(new Project { Title = "A linked project", Links = [new ProjectLink { Kind = ProjectLinkKind.Code, Url = "https://projects.example.com/repo" }] })
        .WithPublication("A paper with identifiers", p => p.Owner()
            .With(x => { x.Doi = "10.1234/linked.1"; x.ArxivId = "2401.00001"; x.Url = "https://venue.example.com/paper"; })
            .Link(PublicationLinkKind.Pdf, "https://pdfs.example.com/p.pdf"));

    /// <summary>The profile, its publication list, its CV, each paper's page and each project's page, by address.</summary>
    public static async Task<IReadOnlyDictionary<string, HtmlPage>> PagesAsync(HttpClient visitor, string slug)
    {
        var pages = new Dictionary<string, HtmlPage>();
        async Task<HtmlPage> Add(string url)
        {
            var page = await visitor.GetPageAsync(url);
            Assert.True(page.Status == System.Net.HttpStatusCode.OK, $"{url}: {page.Status}");
            return pages[url] = page;
        }
        var profile = await Add($"/people/{slug}");
        var list = await Add($"/people/{slug}/publications");
        await Add($"/people/{slug}/cv");
        foreach (var href in list.Document.QuerySelectorAll("article.pub h3 a").Select(a => a.GetAttribute("href")!))
        {
            await Add(href);
        }
        foreach (var href in profile.Document.QuerySelectorAll(".project-title a").Select(a => a.GetAttribute("href")!).Distinct())
        {
            await Add(href);
        }
        return pages;
    }

    /// <summary>The page's links to another site than the test site's (localhost).</summary>
    public static IReadOnlyList<IElement> ToOtherSites(HtmlPage page) =>
        page.Document.QuerySelectorAll("a[href]")
            .Where(a => Uri.TryCreate(a.GetAttribute("href"), UriKind.Absolute, out var url)
                && url.Scheme is "http" or "https" && url.Host != "localhost")
            .ToList();

    /// <summary>The links every one of these pages must carry, by the address they lead to.</summary>
    public static readonly string[] Expected =
    [
        "https://owner.example.org/", "https://github.example.com/owner", "https://talks.example.com/t",
        "https://slides.example.com/s", "https://video.example.com/v", "https://blog.example.com/post",
        "https://projects.example.com/repo", "https://doi.org/10.1234/linked.1", "https://arxiv.org/abs/2401.00001",
        "https://venue.example.com/paper", "https://pdfs.example.com/p.pdf", "https://code.example.com/repo",
    ];
}
