using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Core;

public sealed class AuthorListTests
{
    [Fact]
    public void One_author_stands_alone()
    {
        Assert.Equal("Ana Ruiz", AuthorList.ToPlainText([Author("Ana Ruiz")]));
    }

    [Fact]
    public void Two_authors_are_joined_with_and()
    {
        Assert.Equal("Ana Ruiz and Bo Chen", AuthorList.ToPlainText([Author("Ana Ruiz"), Author("Bo Chen")]));
    }

    [Fact]
    public void Three_or_more_authors_use_commas_and_a_final_and()
    {
        Assert.Equal("Ana Ruiz, Bo Chen, and Li Wei", AuthorList.ToPlainText([Author("Ana Ruiz"), Author("Bo Chen"), Author("Li Wei")]));
        Assert.Equal(
            "A, B, C, and D",
            AuthorList.ToPlainText([Author("A"), Author("B"), Author("C"), Author("D")]));
    }

    [Fact]
    public void Et_al_follows_the_named_authors_without_and()
    {
        Assert.Equal("Ana Ruiz, Bo Chen, et al.", AuthorList.ToPlainText([Author("Ana Ruiz"), Author("Bo Chen"), Author(AuthorList.EtAl)]));
        Assert.Equal("Ana Ruiz et al.", AuthorList.ToPlainText([Author("Ana Ruiz"), Author(AuthorList.EtAl)]));
    }

    [Theory]
    [InlineData(0, 1, "")]
    [InlineData(0, 3, "")]
    [InlineData(1, 2, " and ")]
    [InlineData(1, 3, ", ")]
    [InlineData(2, 3, ", and ")]
    [InlineData(3, 5, ", ")]
    public void Separator_before_each_author_depends_on_its_place(int index, int count, string expected)
    {
        Assert.Equal(expected, AuthorList.SeparatorBefore(index, count));
    }

    [Theory]
    [InlineData(false, false, "")]
    [InlineData(true, false, "*")]
    [InlineData(false, true, "†")]
    [InlineData(true, true, "*†")]
    public void Marks_show_equal_contribution_and_corresponding_author(bool equal, bool corresponding, string expected)
    {
        Assert.Equal(expected, Author("X", equal, corresponding).Marks);
    }

    [Fact]
    public void Plain_text_carries_the_marks()
    {
        Assert.Equal(
            "Ana Ruiz*, Bo Chen*, and Li Wei†",
            AuthorList.ToPlainText([Author("Ana Ruiz", equal: true), Author("Bo Chen", equal: true), Author("Li Wei", corresponding: true)]));
    }

    [Fact]
    public void No_marks_means_no_legend()
    {
        Assert.Null(AuthorList.Legend([Author("Ana Ruiz"), Author("Bo Chen")]));
        Assert.Null(AuthorList.Legend([]));
    }

    [Fact]
    public void Legend_explains_only_the_marks_in_use()
    {
        Assert.Equal("(*: Equal contribution)", AuthorList.Legend([Author("A", equal: true), Author("B")]));
        Assert.Equal("(†: Corresponding author)", AuthorList.Legend([Author("A"), Author("B", corresponding: true)]));
        Assert.Equal(
            "(*: Equal contribution; †: Corresponding author)",
            AuthorList.Legend([Author("A", equal: true), Author("B", corresponding: true)]));
    }

    private static AuthorView Author(string name, bool equal = false, bool corresponding = false) =>
        new(name, Slug: null, IsOwner: false, equal, corresponding);
}
