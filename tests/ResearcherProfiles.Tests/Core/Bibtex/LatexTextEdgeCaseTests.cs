using ResearcherProfiles.Core.Bibtex;

namespace ResearcherProfiles.Tests.Core.Bibtex;

public sealed class LatexTextEdgeCaseTests
{
    [Fact]
    public void Space_after_a_letter_command_is_swallowed_as_in_tex()
    {
        Assert.Equal("Ørsted", LatexText.ToUnicode("\\O rsted"));
    }

    [Fact]
    public void Space_after_a_word_command_is_kept_for_readability()
    {
        Assert.Equal("LaTeX is fine", LatexText.ToUnicode("\\LaTeX is fine"));
    }

    [Fact]
    public void Very_deep_braces_do_not_overflow_the_stack()
    {
        var text = new string('{', 100_000) + "x" + new string('}', 100_000);

        Assert.Equal("x", LatexText.ToUnicode(text));
    }

    [Fact]
    public void Very_deep_accent_nesting_does_not_overflow_the_stack()
    {
        var text = string.Concat(Enumerable.Repeat("\\'{", 10_000)) + "e" + new string('}', 10_000);

        var result = LatexText.ToUnicode(text);

        Assert.DoesNotContain("\\", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsed_title_converts_to_readable_unicode()
    {
        var entry = Assert.Single(BibtexParser.Parse("@misc{k, title = {{BERT} for {M}{\\\"u}nchen --- $\\alpha$ \\& $O(n^2)$}}").Entries);

        Assert.Equal("BERT for München — α & O(n^2)", LatexText.ToUnicode(entry.Fields["title"]));
    }
}
