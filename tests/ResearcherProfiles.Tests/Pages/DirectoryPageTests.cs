using System.Net;
using AngleSharp.Dom;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The site home at "/": the directory of researchers.</summary>
public sealed class DirectoryPageTests(DirectoryPageTests.OnePageFactory factory) : IClassFixture<DirectoryPageTests.OnePageFactory>
{
    /// <summary>Room for every researcher these tests create on one page, so ordering can be checked across tests.</summary>
    public sealed class OnePageFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
            new Dictionary<string, string> { ["Site:DirectoryPageSize"] = "1000" };
    }

    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Directory_lists_researchers_alphabetically_by_family_name()
    {
        var zhang = await new ResearcherBuilder("Aaron Zhang").SaveAsync(factory);
        var adams = await new ResearcherBuilder("Zoe Adams").SaveAsync(factory);
        var moreno = await new ResearcherBuilder("Maria Moreno").SaveAsync(factory);

        var page = await _visitor.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var mine = new[] { zhang.Slug, adams.Slug, moreno.Slug };
        var listed = ListedSlugs(page).Where(mine.Contains).ToList();
        Assert.Equal([adams.Slug, moreno.Slug, zhang.Slug], listed);
    }

    [Fact]
    public async Task Directory_card_shows_name_headline_affiliation_and_interests()
    {
        var researcher = await new ResearcherBuilder("Grace Hopper")
            .With(r =>
            {
                r.Headline = "Research Scientist at Example Labs";
                r.Affiliation = "Example University";
                r.Interests = ["Compilers", "Programming languages"];
            })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync("/");

        var card = Card(page, researcher.Slug);
        Assert.Equal("Grace Hopper", card.QuerySelector("h2 a")!.CleanText());
        Assert.Equal("Research Scientist at Example Labs", card.QuerySelector(".headline")!.CleanText());
        Assert.Equal("Example University", card.QuerySelector(".affiliation")!.CleanText());
        Assert.Equal(["Compilers", "Programming languages"], card.QuerySelectorAll(".tags li").Select(li => li.CleanText()));
    }

    [Fact]
    public async Task Directory_card_omits_headline_and_affiliation_that_are_not_set()
    {
        var researcher = await new ResearcherBuilder("Plain Person").SaveAsync(factory);

        var page = await _visitor.GetPageAsync("/");

        var card = Card(page, researcher.Slug);
        Assert.Null(card.QuerySelector(".headline"));
        Assert.Null(card.QuerySelector(".affiliation"));
        Assert.Null(card.QuerySelector(".tags"));
    }

    [Fact]
    public async Task Hidden_profiles_are_not_in_the_directory()
    {
        var hidden = await new ResearcherBuilder("Hidden Person").Hidden().SaveAsync(factory);
        var shown = await new ResearcherBuilder("Shown Person").SaveAsync(factory);

        var page = await _visitor.GetPageAsync("/");

        var listed = ListedSlugs(page);
        Assert.Contains(shown.Slug, listed);
        Assert.DoesNotContain(hidden.Slug, listed);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains(hidden.Slug, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Directory_cards_link_to_profiles_that_open()
    {
        var researcher = await new ResearcherBuilder("Linked Person").SaveAsync(factory);

        var page = await _visitor.GetPageAsync("/");
        var href = Card(page, researcher.Slug).QuerySelector("h2 a")!.GetAttribute("href")!;
        var profile = await _visitor.GetPageAsync(href);

        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Equal("Linked Person", profile.TextOf("h1"));
    }

    [Fact]
    public async Task Directory_page_has_one_h1_and_every_image_has_alt_text()
    {
        await new ResearcherBuilder("Photo Person").With(r => r.PhotoPath = "/img/favicon.svg").SaveAsync(factory);

        var page = await _visitor.GetPageAsync("/");

        Assert.Single(page.Document.QuerySelectorAll("h1"));
        var images = page.Document.QuerySelectorAll("img");
        Assert.NotEmpty(images);
        Assert.All(images, img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")), img.OuterHtml));
    }

    internal static IReadOnlyList<string> ListedSlugs(HtmlPage page) =>
        page.Document.QuerySelectorAll(".directory-card h2 a")
            .Select(a => a.GetAttribute("href")!)
            .Select(href => href.StartsWith("/people/", StringComparison.Ordinal) ? href["/people/".Length..] : href)
            .ToList();

    private static IElement Card(HtmlPage page, string slug) =>
        page.Document.QuerySelectorAll(".directory-card").Single(c => c.QuerySelector($"h2 a[href='/people/{slug}']") is not null);
}
