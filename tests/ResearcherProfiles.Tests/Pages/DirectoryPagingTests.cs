using System.Net;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The directory split into pages, with a page size small enough to need several.</summary>
public sealed class DirectoryPagingTests(DirectoryPagingTests.SmallPagesFactory factory) : IClassFixture<DirectoryPagingTests.SmallPagesFactory>
{
    public const int PageSize = 3;

    public sealed class SmallPagesFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
            new Dictionary<string, string> { ["Site:DirectoryPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task A_long_directory_is_paged_and_next_links_walk_through_everyone_in_order()
    {
        string[] families = ["Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes"];
        var slugs = new List<string>();
        foreach (var family in families)
        {
            slugs.Add((await new ResearcherBuilder($"Pat {family}").SaveAsync(factory)).Slug);
        }
        await new ResearcherBuilder("Hidden Aardvark").Hidden().SaveAsync(factory);

        var seen = new List<string>();
        var pages = 0;
        for (var url = "/"; url is not null; pages++)
        {
            var page = await _visitor.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var listed = DirectoryPageTests.ListedSlugs(page);
            Assert.InRange(listed.Count, 1, PageSize);
            seen.AddRange(listed);
            url = page.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            Assert.True(pages < 10, "The next links do not end.");
        }

        Assert.Equal(slugs, seen.Where(slugs.Contains));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(pages >= 3, $"{families.Length} researchers in pages of {PageSize} need at least 3 pages, got {pages}.");
    }

    [Fact]
    public async Task Page_two_links_back_to_the_first_page_and_marks_itself_current()
    {
        for (var i = 0; i < PageSize + 1; i++)
        {
            await new ResearcherBuilder($"Sam Paging{i}").SaveAsync(factory);
        }

        var first = await _visitor.GetPageAsync("/");
        var toPageTwo = first.Document.QuerySelectorAll("nav.pager a").Single(a => a.CleanText() == "Page 2");
        var second = await _visitor.GetPageAsync(toPageTwo.GetAttribute("href")!);

        Assert.Equal("/?page=2", toPageTwo.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("Page 2", second.TextOf("nav.pager a[aria-current=page]"));
        Assert.Equal("/", second.Document.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href"));
        Assert.NotEqual(DirectoryPageTests.ListedSlugs(first), DirectoryPageTests.ListedSlugs(second));
        Assert.Contains("page 2 of", second.TextOf(".page-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_number_past_the_end_shows_the_last_page()
    {
        for (var i = 0; i < PageSize + 1; i++)
        {
            await new ResearcherBuilder($"Kim Overflow{i}").SaveAsync(factory);
        }

        var page = await _visitor.GetPageAsync("/?page=9999");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(DirectoryPageTests.ListedSlugs(page));
        Assert.Null(page.Document.QuerySelector("nav.pager a[rel=next]"));
    }
}
