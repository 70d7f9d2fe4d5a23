using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>Links to other sites on a site that keeps them in the same tab (the default).</summary>
public sealed class LinksToOtherSitesTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task Every_public_page_keeps_its_links_to_other_sites_in_the_same_tab_with_their_own_rel()
    {
        var profile = await PublicPagesLinksToOtherSites.EveryKindOfLink(new ResearcherBuilder("Same Tab Everywhere")).SaveAsync(factory);

        var pages = await PublicPagesLinksToOtherSites.PagesAsync(factory.CreateVisitor(), profile.Slug);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (url, page) in pages)
        {
            seen.UnionWith(PublicPagesLinksToOtherSites.ToOtherSites(page).Select(a => a.GetAttribute("href")!));
            Assert.All(page.Document.QuerySelectorAll("a[target]"), link => Assert.Fail($"{url}: {link.OuterHtml}"));
            Assert.DoesNotContain("opens in a new tab", page.Document.Body!.TextContent, StringComparison.Ordinal);
            Assert.All(page.Document.QuerySelectorAll("a[rel]"), link => Assert.DoesNotContain("noreferrer", link.GetAttribute("rel")!, StringComparison.Ordinal));
        }
        Assert.Empty(PublicPagesLinksToOtherSites.Expected.Except(seen));
        var profilePage = pages[$"/people/{profile.Slug}"].Document;
        Assert.Equal("me noopener", profilePage.QuerySelector("a[href='https://owner.example.org/']")!.GetAttribute("rel"));
        Assert.Equal("me noopener", profilePage.QuerySelector("a[href='https://github.example.com/owner']")!.GetAttribute("rel"));
        Assert.Equal("noopener", profilePage.QuerySelector(".pub-links a[href='https://code.example.com/repo']")!.GetAttribute("rel"));
        Assert.Null(profilePage.QuerySelector("a[href='https://blog.example.com/post']")!.GetAttribute("rel"));
    }
}
