using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Core;

/// <summary>What owners may write in Markdown and how it looks once rendered.</summary>
public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("[paper](https://example.org/paper.pdf)", "https://example.org/paper.pdf")]
    [InlineData("[site](http://example.org)", "http://example.org")]
    [InlineData("[write me](mailto:ada@example.org)", "mailto:ada@example.org")]
    [InlineData("[my papers](/people/ada/publications)", "/people/ada/publications")]
    [InlineData("[cv](files/cv.pdf)", "files/cv.pdf")]
    [InlineData("[below](#news)", "#news")]
    [InlineData("<https://example.org/auto>", "https://example.org/auto")]
    [InlineData("See https://example.org/bare for more", "https://example.org/bare")]
    public void Safe_links_are_kept(string markdown, string href)
    {
        var body = Render(markdown);

        Assert.Equal(href, body.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void Reference_style_links_resolve()
    {
        var body = Render("Read [the paper][p].\n\n[p]: https://example.org/p \"The paper\"");

        var link = body.QuerySelector("a");
        Assert.Equal(("the paper", "https://example.org/p", "The paper"), (link?.CleanText(), link?.GetAttribute("href"), link?.GetAttribute("title")));
    }

    [Fact]
    public void Images_with_safe_urls_keep_their_alt_text()
    {
        var image = Render("![Model architecture](https://example.org/arch.png)").QuerySelector("img");

        Assert.Equal(("https://example.org/arch.png", "Model architecture"), (image?.GetAttribute("src"), image?.GetAttribute("alt")));
    }

    [Fact]
    public void Paragraphs_emphasis_and_lists_are_rendered()
    {
        var body = Render("""
            First *paragraph* with **bold**.

            Second paragraph.

            - one
            - two

            1. first
            2. second
            3. third
            """);

        Assert.Equal(["First paragraph with bold.", "Second paragraph."], body.QuerySelectorAll(":scope > p").Select(p => p.CleanText()));
        Assert.Equal("paragraph", body.QuerySelector("em")?.CleanText());
        Assert.Equal("bold", body.QuerySelector("strong")?.CleanText());
        Assert.Equal(["one", "two"], body.QuerySelectorAll("ul > li").Select(li => li.CleanText()));
        Assert.Equal(["first", "second", "third"], body.QuerySelectorAll("ol > li").Select(li => li.CleanText()));
    }

    [Fact]
    public void A_numbered_list_may_start_at_any_number()
    {
        var list = Render("3. third\n4. fourth").QuerySelector("ol");

        Assert.Equal("3", list?.GetAttribute("start"));
    }

    [Fact]
    public void The_top_heading_becomes_h3_by_default_and_the_others_follow()
    {
        var body = Render("# Title\n\ntext\n\n## Part\n\n### Detail");

        Assert.Equal(["h3", "h4", "h5"], body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName));
        Assert.Equal("Title", body.QuerySelector("h3")?.CleanText());
    }

    [Fact]
    public void The_top_heading_level_can_be_chosen()
    {
        var body = Render("# Problem\n\n## Why it is hard", topHeadingLevel: 4);

        Assert.Equal(["h4", "h5"], body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName));
    }

    [Fact]
    public void Headings_are_shifted_by_the_highest_one_used()
    {
        var body = Render("## Only second level\n\n### Third");

        Assert.Equal(["h3", "h4"], body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName));
    }

    [Fact]
    public void Deep_headings_are_capped_at_h6()
    {
        var body = Render("# One\n\n###### Six", topHeadingLevel: 4);

        Assert.Equal(["h4", "h6"], body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName));
    }

    [Fact]
    public void Tables_are_rendered()
    {
        var body = Render("| Model | Score |\n|---|---|\n| Ours | 91.2 |");

        Assert.Equal(["Model", "Score"], body.QuerySelectorAll("th").Select(c => c.CleanText()));
        Assert.Equal(["Ours", "91.2"], body.QuerySelectorAll("td").Select(c => c.CleanText()));
    }

    [Fact]
    public void Text_is_html_encoded()
    {
        var html = MarkdownRenderer.ToHtml("Fish & chips < 5 > 3 \"quoted\"");

        Assert.Contains("Fish &amp; chips &lt; 5 &gt; 3", html, StringComparison.Ordinal);
        Assert.Equal("Fish & chips < 5 > 3 \"quoted\"", Parse(html).CleanText());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Blank_markdown_renders_as_nothing(string? markdown)
    {
        Assert.Equal(string.Empty, MarkdownRenderer.ToHtml(markdown));
        Assert.Equal(string.Empty, MarkdownRenderer.ToPlainText(markdown));
    }

    [Fact]
    public void Plain_text_drops_the_markup()
    {
        Assert.Equal("Four papers accepted to ACL 2023!", MarkdownRenderer.ToPlainText("Four papers accepted to **[ACL 2023](https://2023.aclweb.org)**!"));
    }

    private static IElement Render(string markdown, int topHeadingLevel = 3) => Parse(MarkdownRenderer.ToHtml(markdown, topHeadingLevel));

    private static IElement Parse(string html) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;
}
