using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Core;

/// <summary>Images in Markdown load only from the site's own media or over https.</summary>
public sealed class MarkdownImageTests
{
    [Theory]
    [InlineData("![Architecture](https://example.org/arch.png)", "https://example.org/arch.png")]
    [InlineData("![My photo](/media/photos/0123456789abcdef0123456789abcdef.jpg)", "/media/photos/0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("![Ref][fig]\n\n[fig]: https://example.org/fig.png", "https://example.org/fig.png")]
    public void Https_images_and_the_sites_own_media_are_shown(string markdown, string src)
    {
        var image = Parse(MarkdownRenderer.ToHtml(markdown)).QuerySelector("img");

        Assert.Equal(src, image?.GetAttribute("src"));
    }

    [Theory]
    [InlineData("![plain http](http://example.org/tracker.png)", "plain http")]
    [InlineData("![embedded](data:image/png;base64,iVBORw0KGgo=)", "embedded")]
    [InlineData("![protocol relative](//example.org/x.png)", "protocol relative")]
    [InlineData("![other path](/account/logout)", "other path")]
    [InlineData("![relative](images/x.png)", "relative")]
    [InlineData("![climbs out](/media/../account)", "climbs out")]
    [InlineData("![ftp](ftp://example.org/x.png)", "ftp")]
    [InlineData("![by reference][r]\n\n[r]: http://example.org/r.png", "by reference")]
    public void Other_images_are_reduced_to_their_alt_text(string markdown, string text)
    {
        var body = Parse(MarkdownRenderer.ToHtml(markdown));

        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal(text, body.CleanText());
    }

    [Fact]
    public void Links_keep_their_own_rule_http_and_relative_links_stay_links()
    {
        var body = Parse(MarkdownRenderer.ToHtml("[old site](http://example.org) and [a page](/people/someone)"));

        Assert.Equal(["http://example.org", "/people/someone"], body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("https://example.org/x.png", true)]
    [InlineData("/media/photos/a.png", true)]
    [InlineData("HTTPS://EXAMPLE.ORG/X.PNG", true)]
    [InlineData("http://example.org/x.png", false)]
    [InlineData("/media/%2e%2e/account", false)]
    [InlineData("/media\\..\\x", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("", false)]
    public void IsAllowedImage_accepts_https_and_own_media_only(string url, bool allowed) =>
        Assert.Equal(allowed, SafeUrl.IsAllowedImage(url));

    private static IElement Parse(string html) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;
}
