using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Core;

/// <summary>Site:ExternalLinksInNewTab as the renderer applies it: links to other sites open in a new tab, the rest stay.</summary>
public sealed class MarkdownExternalLinksTests
{
    private static readonly ExternalLinks NewTab = ExternalLinks.For(openInNewTab: true, "https://profiles.example.org");

    [Theory]
    [InlineData("[paper](https://arxiv.example/abs/1)", "https://arxiv.example/abs/1")]
    [InlineData("[site](http://example.com)", "http://example.com")]
    [InlineData("<https://example.com/auto>", "https://example.com/auto")]
    [InlineData("See https://example.com/bare for more", "https://example.com/bare")]
    [InlineData("[p][r]\n\n[r]: https://example.com/ref", "https://example.com/ref")]
    [InlineData("[far](//example.com/x)", "//example.com/x")]
    public void Links_to_other_sites_open_in_a_new_tab_with_noopener_and_a_hint(string markdown, string href)
    {
        var link = Render(markdown, NewTab).QuerySelector("a")!;

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal(["noopener", "noreferrer"], link.GetAttribute("rel")!.Split(' '));
        Assert.Equal("(opens in a new tab)", link.QuerySelector("span.visually-hidden")?.CleanText());
    }

    [Fact]
    public void The_link_text_keeps_its_emphasis_before_the_hint()
    {
        var link = Render("[**bold** text](https://example.com)", NewTab).QuerySelector("a")!;

        Assert.Equal("bold", link.QuerySelector("strong")?.CleanText());
        Assert.Equal("bold text (opens in a new tab)", link.CleanText());
        Assert.Equal("span", link.LastElementChild?.LocalName);
    }

    [Theory]
    [InlineData("[me](https://profiles.example.org/people/ada)")]
    [InlineData("[me](HTTPS://PROFILES.EXAMPLE.ORG/people/ada)")]
    [InlineData("[me](http://profiles.example.org:8080/people/ada)")]
    [InlineData("[papers](/people/ada/publications)")]
    [InlineData("[cv](files/cv.pdf)")]
    [InlineData("[below](#news)")]
    [InlineData("[write me](mailto:ada@example.org)")]
    [InlineData("<ada@example.org>")]
    public void Internal_relative_and_mailto_links_are_untouched(string markdown)
    {
        var link = Render(markdown, NewTab).QuerySelector("a")!;

        Assert.Null(link.GetAttribute("target"));
        Assert.Null(link.GetAttribute("rel"));
        Assert.Empty(link.QuerySelectorAll("span"));
        Assert.Equal(MarkdownRenderer.ToHtml(markdown, 3, ExternalLinks.SameTab), MarkdownRenderer.ToHtml(markdown, 3, NewTab));
    }

    [Fact]
    public void Without_the_option_no_link_gets_a_target()
    {
        const string markdown = "[a](https://example.com) <https://example.com/b> https://example.com/c";
        var off = ExternalLinks.For(openInNewTab: false, "https://profiles.example.org");

        var body = Render(markdown, off);

        Assert.Equal(3, body.QuerySelectorAll("a").Length);
        Assert.Empty(body.QuerySelectorAll("[target], [rel], span"));
        Assert.Equal(MarkdownRenderer.ToHtml(markdown, 3, ExternalLinks.SameTab), MarkdownRenderer.ToHtml(markdown, 3, off));
    }

    [Fact]
    public void Without_a_site_address_every_absolute_link_is_external()
    {
        var links = ExternalLinks.For(openInNewTab: true, publicAddress: null);

        Assert.True(links.OpensInNewTab("https://profiles.example.org/people/ada"));
        Assert.False(links.OpensInNewTab("/people/ada"));
    }

    [Fact]
    public void Images_are_not_given_a_target()
    {
        var body = Render("![chart](https://example.com/chart.png)", NewTab);

        Assert.Empty(body.QuerySelectorAll("[target], span"));
        Assert.Equal("https://example.com/chart.png", body.QuerySelector("img")?.GetAttribute("src"));
    }

    [Fact]
    public void A_linked_image_to_another_site_opens_in_a_new_tab()
    {
        var link = Render("[![chart](https://example.com/chart.png)](https://example.com/data)", NewTab).QuerySelector("a")!;

        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.NotNull(link.QuerySelector("img"));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    [InlineData("<a href=\"https://example.com\" target=\"_self\" onclick=\"alert(1)\">x</a>")]
    [InlineData("[x](https://a.com/\"onmouseover=\"alert(1))")]
    public void Unsafe_links_and_raw_html_stay_refused_with_the_option_on(string markdown)
    {
        var body = Render(markdown, NewTab);

        Assert.Empty(body.QuerySelectorAll("script, [onclick], [onmouseover], [target='_self']"));
        Assert.All(body.QuerySelectorAll("a"), a =>
        {
            Assert.True(SafeUrl.IsHttpUrl(a.GetAttribute("href")), a.OuterHtml);
            Assert.Equal("_blank", a.GetAttribute("target"));
        });
    }

    [Fact]
    public void The_site_default_is_to_open_links_in_the_same_tab()
    {
        Assert.Equal(ExternalLinks.SameTab, new ExternalLinks(false, null));
        Assert.False(ExternalLinks.SameTab.OpensInNewTab("https://example.com"));
    }

    [Theory]
    [InlineData(null, "noopener noreferrer")]
    [InlineData("me", "me noopener noreferrer")]
    [InlineData("me noopener", "me noopener noreferrer")]
    [InlineData("noreferrer NOOPENER", "noreferrer NOOPENER")]
    public void A_links_own_rel_is_kept_and_completed(string? rel, string merged)
    {
        Assert.Equal(merged, ExternalLinks.MergeRel(rel));
    }

    private static IElement Render(string markdown, ExternalLinks links) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{MarkdownRenderer.ToHtml(markdown, 3, links)}</body></html>").Body!;
}
