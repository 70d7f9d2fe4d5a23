using ResearcherProfiles.Web.Search;

namespace ResearcherProfiles.Tests.Search;

/// <summary>Snippets of a person's About read as the text the page shows, not as its Markdown.</summary>
public sealed class MarkdownSnippetTests
{
    private const char S = Highlight.Start;
    private const char E = Highlight.End;

    [Theory]
    [InlineData("I lead the [retrieval group](https://example.org/group \"Group\") here.", "I lead the retrieval group here.")]
    [InlineData("![a photo](/media/x.png) and text", "a photo and text")]
    [InlineData("group](https://example.org/group) at the lab", "group at the lab")]
    [InlineData("see [the paper](https://example.org/pap", "see [the paper")]
    [InlineData("mail <mailto:ada@example.org> or <https://example.org>", "mail mailto:ada@example.org or https://example.org")]
    [InlineData("## Research\n- **retrieval** and *ranking*\n1. `code` ~~old~~\n> quoted", "Research retrieval and ranking code old quoted")]
    [InlineData("snake_case names and 5 * 3 stay", "snake_case names and 5 * 3 stay")]
    [InlineData("_underlined_ and __strong__", "underlined and strong")]
    public void Markdown_syntax_leaves_the_snippet_and_the_text_stays(string snippet, string plain) =>
        Assert.Equal(plain, MarkdownSnippet.Plain(snippet));

    [Fact]
    public void Highlight_marks_stay_around_the_words_they_marked()
    {
        Assert.Equal($"works on {S}retrieval{E} at the lab", MarkdownSnippet.Plain($"works on **{S}retrieval{E}** at [the lab](https://example.org/{S}retrieval{E})"));
        Assert.Equal($"{S}ranking{E} too", MarkdownSnippet.Plain($"*{S}ranking{E}* too"));
        Assert.Null(MarkdownSnippet.Plain(null));
    }
}
