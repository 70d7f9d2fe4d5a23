using System.Text;
using ResearcherProfiles.Core.Bibtex;

namespace ResearcherProfiles.Tests.Core.Bibtex;

public sealed class LatexTextTests
{
    [Theory]
    [InlineData("M{\\\"u}ller", "Müller")]
    [InlineData("M\\\"{u}ller", "Müller")]
    [InlineData("M\\\"uller", "Müller")]
    [InlineData("Fran\\c{c}ois", "François")]
    [InlineData("Fran\\c cois", "François")]
    [InlineData("Ren\\'e", "René")]
    [InlineData("Ren{\\'e}", "René")]
    [InlineData("Ren\\'{e}", "René")]
    [InlineData("d\\`a", "dà")]
    [InlineData("h\\^otel", "hôtel")]
    [InlineData("Espa\\~na", "España")]
    [InlineData("\\=a", "ā")]
    [InlineData("\\.z", "ż")]
    [InlineData("Erdo\\u{g}an", "Erdoğan")]
    [InlineData("\\v{S}koda", "Škoda")]
    [InlineData("Erd\\H{o}s", "Erdős")]
    [InlineData("\\k{a}", "ą")]
    [InlineData("\\r{a}", "å")]
    [InlineData("{\\v s}", "š")]
    [InlineData("\\'{\\i}", "í")]
    [InlineData("\\\"\\i", "ï")]
    public void Accents_in_every_form_become_precomposed_letters(string latex, string expected)
    {
        var actual = LatexText.ToUnicode(latex);

        Assert.Equal(expected, actual);
        Assert.True(actual.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("{\\o}", "ø")]
    [InlineData("\\O{}", "Ø")]
    [InlineData("Stra{\\ss}e", "Straße")]
    [InlineData("{\\l}\\'od\\'z", "łódź")]
    [InlineData("{\\L}", "Ł")]
    [InlineData("{\\ae}", "æ")]
    [InlineData("{\\AE}", "Æ")]
    [InlineData("{\\oe}uvre", "œuvre")]
    [InlineData("{\\i}", "ı")]
    [InlineData("{\\j}", "ȷ")]
    [InlineData("{\\aa}", "å")]
    public void Special_letters_become_unicode(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
    }

    [Theory]
    [InlineData("R\\&D", "R&D")]
    [InlineData("50\\%", "50%")]
    [InlineData("\\$5", "$5")]
    [InlineData("\\#1", "#1")]
    [InlineData("snake\\_case", "snake_case")]
    public void Escaped_special_characters_become_literal(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
    }

    [Theory]
    [InlineData("10--20", "10–20")]
    [InlineData("Yes---no", "Yes—no")]
    [InlineData("a-b", "a-b")]
    public void Dashes_become_en_and_em_dashes(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
    }

    [Fact]
    public void Tilde_becomes_a_plain_space()
    {
        Assert.Equal("Fig. 1 by D. E. Knuth", LatexText.ToUnicode("Fig.~1 by D.~E.~Knuth"));
    }

    [Theory]
    [InlineData("{BERT}: Pre-training", "BERT: Pre-training")]
    [InlineData("{{GPT}}-4", "GPT-4")]
    [InlineData("The {U}niverse", "The Universe")]
    public void Protective_braces_are_removed(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
    }

    [Theory]
    [InlineData("Sorting in $O(n^2)$ time", "Sorting in O(n^2) time")]
    [InlineData("$\\alpha$-divergence", "α-divergence")]
    [InlineData("$\\beta$, $\\gamma$ and $\\Omega$", "β, γ and Ω")]
    [InlineData("$\\epsilon \\leq 1$", "ε ≤ 1")]
    [InlineData("$\\ell_1$ norm", "ℓ_1 norm")]
    public void Math_stays_readable(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
    }

    [Theory]
    [InlineData("\\textit{Deep} learning", "Deep learning")]
    [InlineData("\\emph{very} good", "very good")]
    [InlineData("\\textbf{Bold} move", "Bold move")]
    [InlineData("\\texttt{code}", "code")]
    [InlineData("{\\em emphasis}", "emphasis")]
    public void Formatting_commands_keep_their_text(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
    }

    [Theory]
    [InlineData("\\unknowncommand{kept text}", "kept text")]
    [InlineData("see \\cite[p.~3]{smith}", "see smith")]
    public void Unknown_commands_are_left_as_their_argument_text(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToUnicode(latex));
    }

    [Fact]
    public void Quotes_in_tex_style_become_curly_quotes()
    {
        Assert.Equal("“quoted”", LatexText.ToUnicode("``quoted''"));
    }

    [Fact]
    public void Plain_text_and_existing_unicode_pass_through_normalised()
    {
        Assert.Equal("Müller and 東京", LatexText.ToUnicode("Mu\u0308ller   and\n東京"));
    }

    [Fact]
    public void Unbalanced_braces_and_trailing_backslash_do_not_throw()
    {
        Assert.Equal("open close", LatexText.ToUnicode("{open} close}\\"));
    }
}
