using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Core;

/// <summary>
/// Markdown written by profile owners is shown to every visitor: whatever it contains, the HTML it
/// renders to must not run script. The checks below judge the parsed output on their own terms
/// (elements, attributes, URL schemes) instead of trusting the renderer's URL filter.
/// </summary>
public sealed class MarkdownSafetyTests
{
    private static readonly HashSet<string> AllowedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "a", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote", "ul", "ol", "li",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "alt", "title", "start", "type", "class",
    };

    public static TheoryData<string> XssPayloads => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](&#0000106;&#0000097;vascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](java&#10;script:alert(1))",
        "[x](java&#13;script:alert(1))",
        "[x](&#1;javascript:alert(1))",
        "[x](   javascript:alert(1))",
        "[x](  javascript:alert(1) )",
        "[x](<javascript:alert(1)>)",
        "[x](javascript:alert(1) \"title\")",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](file:///etc/passwd)",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[r]\n\n[r]: JaVaScRiPt:alert(1) \"title\"",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x][img]\n\n[img]: vbscript:alert(1)",
        "[![x](javascript:alert(1))](javascript:alert(2))",
        "[x](https://a.com/\"onmouseover=\"alert(1))",
        "[x](https://a.com/'onmouseover='alert(1))",
        "![x\" onerror=\"alert(1)](https://a.com/x.png)",
        "[x](https://a.com \"t\\\" onmouseover=\\\"alert(1)\")",
        "<!-- [x](javascript:alert(1)) -->",
        "<!-- <script>alert(1)</script> -->",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "    <script>alert(1)</script>",
        "> <img src=x onerror=alert(1)>",
        "- [x](javascript:alert(1))\n- <iframe src=x>",
        "| a |\n|---|\n| [x](javascript:alert(1)) <img src=x onerror=alert(1)> |",
        "**[x](javascript:alert(1))**",
        "[x](javascript://%0aalert(1))",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<style>body{display:none}</style>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<details open ontoggle=alert(1)>",
        "www.example.com/\"onmouseover=\"alert(1)",
        "javascript:alert(1)",
    };

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void Rendered_markdown_never_contains_script_or_dangerous_urls(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        var body = Parse(html);

        foreach (var element in body.Descendants<IElement>())
        {
            Assert.True(AllowedElements.Contains(element.LocalName), $"<{element.LocalName}> in output: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"Event handler attribute in output: {html}");
                Assert.True(AllowedAttributes.Contains(attribute.Name), $"Attribute {attribute.Name} in output: {html}");
                Assert.True(attribute.Name != "class" || attribute.Value.StartsWith("language-", StringComparison.Ordinal), $"Class {attribute.Value} in output: {html}");
            }
            foreach (var name in new[] { "href", "src" })
            {
                var url = element.GetAttribute(name);
                Assert.True(UrlSafety.IsHarmless(url), $"Unsafe {name}=\"{url}\" in output: {html}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void Dangerous_markdown_is_still_visible_as_text(string markdown)
    {
        var body = Parse(MarkdownRenderer.ToHtml(markdown));

        var visible = body.TextContent + string.Concat(body.QuerySelectorAll("img").Select(img => img.GetAttribute("alt")));
        Assert.False(string.IsNullOrWhiteSpace(visible), $"Nothing visible rendered for: {markdown}");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("Hello <b>bold</b> world", "Hello <b>bold</b> world")]
    [InlineData("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>")]
    [InlineData("<!-- secret -->", "<!-- secret -->")]
    public void Raw_html_is_shown_escaped_as_text_not_dropped(string markdown, string visibleText)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        var body = Parse(html);
        Assert.Equal(visibleText, body.CleanText());
        Assert.Empty(body.QuerySelectorAll("script, b, img"));
    }

    [Theory]
    [InlineData("[click here](javascript:alert(1))", "click here")]
    [InlineData("[**bold** text](JaVaScRiPt:alert(1))", "bold text")]
    [InlineData("![a diagram](javascript:alert(1))", "a diagram")]
    [InlineData("![*styled* alt](vbscript:x)", "styled alt")]
    [InlineData("[![badge](javascript:alert(1))](javascript:alert(2))", "badge")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    public void An_unsafe_link_or_image_is_reduced_to_its_text(string markdown, string text)
    {
        var body = Parse(MarkdownRenderer.ToHtml(markdown));

        Assert.Empty(body.QuerySelectorAll("a, img"));
        Assert.Equal(text, body.CleanText());
    }

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void Resolved_against_a_base_address_it_is_just_as_safe(string markdown)
    {
        var body = Parse(MarkdownRenderer.ToHtml(markdown, 3, ExternalLinks.SameTab, new Uri("https://profiles.example.org/people/ada")));

        foreach (var element in body.QuerySelectorAll("[href], [src]"))
        {
            var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
            Assert.Matches("^(https?|mailto):", url);
        }
        Assert.Empty(body.QuerySelectorAll("script, iframe, object, embed, svg"));
    }

    [Theory]
    [InlineData("[a](#pub-3)", "https://profiles.example.org/people/ada#pub-3")]
    [InlineData("[a](/people/bo/publications)", "https://profiles.example.org/people/bo/publications")]
    [InlineData("[a](cv)", "https://profiles.example.org/people/cv")]
    [InlineData("[a](?page=2)", "https://profiles.example.org/people/ada?page=2")]
    [InlineData("[a](../../../up)", "https://profiles.example.org/up")]
    [InlineData("[a](https://elsewhere.example/x)", "https://elsewhere.example/x")]
    [InlineData("[a](mailto:ada@example.org)", "mailto:ada@example.org")]
    [InlineData("![a](/media/p.png)", "https://profiles.example.org/media/p.png")]
    public void Relative_links_are_resolved_against_the_base_address_when_one_is_given(string markdown, string expected)
    {
        var baseUrl = new Uri("https://profiles.example.org/people/ada");

        var element = Parse(MarkdownRenderer.ToHtml(markdown, 3, ExternalLinks.SameTab, baseUrl)).QuerySelector("a, img")!;
        var plain = Parse(MarkdownRenderer.ToHtml(markdown)).QuerySelector("a, img")!;

        Assert.Equal(expected, element.GetAttribute("href") ?? element.GetAttribute("src"));
        Assert.Equal(
            new Uri(baseUrl, plain.GetAttribute("href") ?? plain.GetAttribute("src")).AbsoluteUri,
            element.GetAttribute("href") ?? element.GetAttribute("src"));
    }

    private static IElement Parse(string html) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;
}
