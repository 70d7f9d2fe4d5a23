using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Core;

public sealed class TitleAgreementTests
{
    [Theory]
    // The same title.
    [InlineData("Attention Is All You Need", "Attention Is All You Need")]
    // Case, accents, punctuation, LaTeX braces and spacing.
    [InlineData("{BERT}: Pre-training of Deep Bidirectional Transformers", "BERT: pre-training of deep bidirectional transformers")]
    [InlineData("Über die Möglichkeit der Übersetzung", "Uber die moglichkeit der ubersetzung")]
    [InlineData("  Graph   Priors —for— {S}parse Data ", "Graph priors for sparse data")]
    // A typo, in a long word and in a short one.
    [InlineData("Distilling Retrieval Habits into Small Language Models", "Distiling Retrieval Habits into Small Language Models")]
    [InlineData("Attention Is All You Need", "Attention Is All You Nead")]
    // A word added or dropped.
    [InlineData("Learning to Rank with Neural Networks", "Learning to Rank with Deep Neural Networks")]
    // A subtitle added or dropped.
    [InlineData("Tessera", "Tessera: Verifiable Long-Context Retrieval with Evidence Chains")]
    [InlineData("Calibrated Abstention for Question Answering: When Not to Answer", "Calibrated Abstention for Question Answering")]
    // The preprint's subtitle rewritten for publication.
    [InlineData("Tessera: Verifiable Long-Context Retrieval with Evidence Chains", "Tessera – Evidence Chains Make Long-Context Answers Auditable")]
    // Published under a reworded title that keeps most of its words.
    [InlineData("Small Models, Long Contexts: Distilling Retrieval Habits into 1B-Parameter Language Models", "Distilling Retrieval Habits into Small Language Models")]
    // Nothing to compare is no evidence against an identifier.
    [InlineData("", "Attention Is All You Need")]
    [InlineData("?!", "Attention Is All You Need")]
    public void Titles_of_the_same_paper_agree(string first, string second)
    {
        Assert.True(TitleAgreement.Agree(first, second));
        Assert.True(TitleAgreement.Agree(second, first));
    }

    [Theory]
    // Unrelated papers that carried the same identifier.
    [InlineData("Attention Is All You Need", "Deep Residual Learning for Image Recognition")]
    [InlineData("Tessera: Verifiable Long-Context Retrieval with Evidence Chains", "Scaling Laws for Neural Language Models")]
    [InlineData("Learning Transferable Visual Models From Natural Language Supervision", "Language Models are Few-Shot Learners")]
    // Sharing a few common words is not enough.
    [InlineData("A Survey of Methods for Graphs", "A Study of Learning for Text")]
    [InlineData("Preprint abcdefgh", "Preprint ijklmnop")]
    // Short words must match exactly: one letter is a different word.
    [InlineData("GPT-4 Technical Report", "GPT-3 Technical Note")]
    // The same opening words before different subtitles are not one paper when the main titles differ.
    [InlineData("Sparse Experts: Routing Tokens on Ordinary Hardware", "Dense Experts: A Field Guide to Pruning")]
    public void Titles_of_different_papers_do_not_agree(string first, string second)
    {
        Assert.False(TitleAgreement.Agree(first, second));
        Assert.False(TitleAgreement.Agree(second, first));
    }
}
