using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Core;

public sealed class PaperSlugTests
{
    [Theory]
    [InlineData("Attention Is All You Need", "attention-is-all-you-need")]
    [InlineData("BERT: Pre-training of Deep Bidirectional Transformers", "bert-pre-training-of-deep-bidirectional-transformers")]
    [InlineData("  Lost in the Footnotes: How Language Models Misread Long Documents", "lost-in-the-footnotes-how-language-models-misread")]
    [InlineData("Déjà Vu: Ångström-scale Übersetzung", "deja-vu-angstrom-scale-ubersetzung")]
    [InlineData("Straße, Łódź and Ærø", "strasse-lodz-and-aero")]
    [InlineData("Don’t Stop Pretraining: Adapt Language Models to Domains and Tasks", "dont-stop-pretraining-adapt-language-models-to-domains")]
    [InlineData("GPT-4 Technical Report (2023)", "gpt-4-technical-report-2023")]
    [InlineData("Do Long-Context Models Use the Middle?", "do-long-context-models-use-the-middle")]
    [InlineData("</script><b>x</b>", "script-b-x-b")]
    public void A_slug_is_the_first_words_of_the_title_in_lowercase_ascii(string title, string slug)
    {
        Assert.Equal(slug, PaperSlug.For(title));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("注意力机制")]
    [InlineData("— ? —")]
    public void A_title_without_ascii_words_has_an_empty_slug(string? title)
    {
        Assert.Equal(string.Empty, PaperSlug.For(title));
    }

    [Fact]
    public void A_slug_has_at_most_eight_words()
    {
        var slug = PaperSlug.For("one two three four five six seven eight nine ten");

        Assert.Equal("one-two-three-four-five-six-seven-eight", slug);
        Assert.Equal(PaperSlug.MaxWords, slug.Split('-').Length);
    }
}
