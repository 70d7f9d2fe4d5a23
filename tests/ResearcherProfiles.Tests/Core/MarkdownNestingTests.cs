using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Core;

/// <summary>Deeply nested Markdown: measured for validation, and never a failure when rendered.</summary>
public sealed class MarkdownNestingTests
{
    [Theory]
    [InlineData("plain paragraph", 0)]
    [InlineData("> quoted", 1)]
    [InlineData("- a\n  - b\n    > c", 3)]
    [InlineData(">>>>> five", 5)]
    public void Nesting_depth_counts_quotes_and_lists(string markdown, int depth) =>
        Assert.Equal(depth, MarkdownRenderer.NestingDepth(markdown));

    [Fact]
    public void Nesting_too_deep_for_the_parser_has_no_depth() =>
        Assert.Null(MarkdownRenderer.NestingDepth(new string('>', 128) + " x"));

    [Theory]
    [InlineData(128)]
    [InlineData(1000)]
    public void Text_too_deep_to_render_is_shown_escaped_instead_of_failing(int depth)
    {
        var markdown = new string('>', depth) + " <b>x</b>\n\nsecond";

        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.Equal(
            $"<p class=\"markdown-unrendered\">{new string('>', depth).Replace(">", "&gt;", StringComparison.Ordinal)} &lt;b&gt;x&lt;/b&gt;</p>\n<p class=\"markdown-unrendered\">second</p>\n",
            html);
        Assert.Equal(markdown, MarkdownRenderer.ToPlainText(markdown));
    }

    [Fact]
    public void Inline_elements_nested_too_deep_to_render_are_told_apart_from_text_that_renders()
    {
        var images = string.Concat(Enumerable.Repeat("![", 9_999));

        Assert.Null(MarkdownRenderer.NestingDepth(images));
        Assert.False(MarkdownRenderer.Renders(images));
        Assert.StartsWith("<p class=\"markdown-unrendered\">![![", MarkdownRenderer.ToHtml(images), StringComparison.Ordinal);
        Assert.True(MarkdownRenderer.Renders("[a [link](https://example.org)] and ![an image](https://example.org/a.png) *with* **emphasis**"));
        Assert.True(MarkdownRenderer.Renders(new string('>', 16) + " sixteen levels"));
    }

    [Theory]
    [InlineData(32, false)]
    [InlineData(33, true)]
    [InlineData(9_999, true)]
    public void Brackets_nested_deeper_than_the_bound_are_not_parsed(int depth, bool tooDeep)
    {
        // The slow case: Markdig's time grows with the square of the depth (about a second at 9,999).
        var markdown = new string('[', depth) + "x" + new string(']', depth);

        Assert.Equal(tooDeep, MarkdownRenderer.BracketsNestTooDeep(markdown));
        Assert.Equal(!tooDeep, MarkdownRenderer.Renders(markdown));
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.Equal(tooDeep, html.StartsWith("<p class=\"markdown-unrendered\">[[[", StringComparison.Ordinal));
        Assert.Equal(markdown, MarkdownRenderer.ToPlainText(markdown));
        Assert.Equal(tooDeep ? null : 0, MarkdownRenderer.NestingDepth(markdown));
    }

    [Theory]
    [InlineData(false, "[a] [b] [[c]] [link](https://example.org)")]
    [InlineData(false, "\\[ escaped brackets are not counted ")]
    [InlineData(false, "[ left open in one paragraph\n\n[ and in the next ")]
    [InlineData(false, "[ a blank line \n \t \r\n[ of spaces ends a paragraph too ")]
    [InlineData(true, "[ one paragraph\n[ over\n[ several lines ")]
    [InlineData(false, "]]]]]]]]]] closing brackets first [ do not let more open ")]
    public void Brackets_are_counted_per_paragraph(bool tooDeep, string pattern)
    {
        // The pattern's brackets, 20 times over: more than the bound in all unless something resets the count.
        var markdown = string.Concat(Enumerable.Repeat(pattern, 20));

        Assert.Equal(tooDeep, MarkdownRenderer.BracketsNestTooDeep(markdown));
    }

    [Theory]
    [InlineData("plain words, no marks", 0)]
    [InlineData("*a* **b** ~c~ ^d^ ~~e~~", 14)]
    [InlineData("snake_case_words and a_b stay uncounted; _this_ counts", 2)]
    [InlineData("x = y + z, but ==marked== and ++inserted++", 8)]
    [InlineData("[a link](https://example.org) and [a reference] and a ] alone", 1)]
    [InlineData("\\*escaped\\* marks and \\_ are text", 0)]
    public void Emphasis_and_link_marks_are_counted_as_the_parser_would_take_them(string markdown, int marks) =>
        Assert.Equal(marks, MarkdownRenderer.InlineMarks(markdown));

    [Theory]
    [InlineData("*a* ", 2_500)]
    [InlineData("a^", 10_000)]
    [InlineData("a~", 10_000)]
    [InlineData("*a_", 6_600)]
    [InlineData("a==", 6_600)]
    [InlineData("[a](", 5_000)]
    public void A_text_with_more_marks_than_the_bound_is_shown_as_plain_text_without_being_parsed(string pattern, int times)
    {
        // The slow case: Markdig's time grows with the square of a paragraph's marks (half a second for each of these).
        var markdown = "Intro\n\n" + string.Concat(Enumerable.Repeat(pattern, times));

        Assert.True(MarkdownRenderer.InlineMarks(markdown) > MarkdownRenderer.MaxInlineMarks);
        Assert.False(MarkdownRenderer.Renders(markdown));
        Assert.Null(MarkdownRenderer.ParseOrNull(markdown));
        Assert.StartsWith("<p class=\"markdown-unrendered\">Intro</p>", MarkdownRenderer.ToHtml(markdown), StringComparison.Ordinal);
        Assert.Equal(markdown.Trim(), MarkdownRenderer.ToPlainText(markdown));
        Assert.Equal(0, MarkdownRenderer.NestingDepth(markdown));
    }

    [Fact]
    public void Marks_up_to_the_bound_and_marks_in_code_blocks_render()
    {
        var atBound = string.Concat(Enumerable.Repeat("*a* ", MarkdownRenderer.MaxInlineMarks / 2));
        var code = "A *listing*:\n\n```\n" + string.Concat(Enumerable.Repeat("p = *q * r_s ** 2;\n", 2_000)) + "```\n\n    indented *code* **too**\n";

        Assert.Equal(MarkdownRenderer.MaxInlineMarks, MarkdownRenderer.InlineMarks(atBound));
        Assert.Contains("<em>a</em> <em>a</em>", MarkdownRenderer.ToHtml(atBound), StringComparison.Ordinal);
        Assert.Equal(2, MarkdownRenderer.InlineMarks(code));
        Assert.True(MarkdownRenderer.Renders(code));
        Assert.StartsWith("<p>A <em>listing</em>:</p>\n<pre><code>p = *q * r_s ** 2;", MarkdownRenderer.ToHtml(code), StringComparison.Ordinal);
    }
}
