using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Publications;

namespace ResearcherProfiles.Tests.Core.Publications;

public sealed class AuthorListParserTests
{
    private static string Names(string text, int max = 1000) =>
        string.Join(" | ", AuthorListParser.Parse(text, max).Authors.Select(a => a.Name + (a.EqualContribution ? "*" : "") + (a.Corresponding ? "†" : "")));

    [Theory]
    [InlineData("A. Smith, B. Jones and C. Wu", "A. Smith | B. Jones | C. Wu")]
    [InlineData("A. Smith, B. Jones, and C. Wu", "A. Smith | B. Jones | C. Wu")]
    [InlineData("A. Smith, B. Jones & C. Wu", "A. Smith | B. Jones | C. Wu")]
    [InlineData("Alice Smith and Bo Jones", "Alice Smith | Bo Jones")]
    [InlineData("Alice Smith", "Alice Smith")]
    [InlineData("A. Smith\nB. Jones\nC. Wu", "A. Smith | B. Jones | C. Wu")]
    [InlineData("A. Smith\r\n\r\n  B. Jones  \r\nC. Wu\r\n", "A. Smith | B. Jones | C. Wu")]
    [InlineData("• A. Smith\n• B. Jones\n- C. Wu", "A. Smith | B. Jones | C. Wu")]
    [InlineData("1. A. Smith\n2. B. Jones", "A. Smith | B. Jones")]
    [InlineData("Smith, A. and Jones, B. and Wu, C.", "A. Smith | B. Jones | C. Wu")]
    [InlineData("Smith, Alice and Jones, Bob and Carol Wu", "Alice Smith | Bob Jones | Carol Wu")]
    [InlineData("van der Berg, Jan and de la Fuente, Ana", "Jan van der Berg | Ana de la Fuente")]
    [InlineData("M{\\\"u}ller, Hans and Smith, A.", "Hans Müller | A. Smith")]
    [InlineData("Smith, A.\nJones, B.", "A. Smith | B. Jones")]
    [InlineData("Smith, A.; Jones, B.; Wu, C.", "A. Smith | B. Jones | C. Wu")]
    [InlineData("Smith, A., Jones, B., & Wu, C.", "A. Smith | B. Jones | C. Wu")]
    [InlineData("Smith, A. B., Jones, C.", "A. B. Smith | C. Jones")]
    [InlineData("Ana Ruiz, Bo Chen, Li Wei, et al.", "Ana Ruiz | Bo Chen | Li Wei | et al.")]
    [InlineData("Smith, A. and others", "A. Smith | et al.")]
    [InlineData("José Núñez, Zoë Brontë and Łukasz Wróbel", "José Núñez | Zoë Brontë | Łukasz Wróbel")]
    [InlineData("A. Smith,, B. Jones,", "A. Smith | B. Jones")]
    public void Reads_the_names_in_order(string text, string expected) =>
        Assert.Equal(expected, Names(text));

    [Theory]
    [InlineData("A. Smith*, B. Jones* and C. Wu†", "A. Smith* | B. Jones* | C. Wu†")]
    [InlineData("A. Smith *, B. Jones#", "A. Smith* | B. Jones†")]
    [InlineData("A. Smith*†", "A. Smith*†")]
    [InlineData("C. Wu✉", "C. Wu†")]
    [InlineData("Smith*, A. and Jones, B.†", "A. Smith* | B. Jones†")]
    [InlineData("Smith, A.$^*$ and Jones, B.$^\\dagger$", "A. Smith* | B. Jones†")]
    [InlineData("A. Smith‡, B. Jones", "A. Smith | B. Jones")]
    public void Reads_the_marks_after_a_name(string text, string expected) =>
        Assert.Equal(expected, Names(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData(", , and ;")]
    [InlineData("* † # 123")]
    public void Text_without_names_gives_none(string? text) =>
        Assert.Empty(AuthorListParser.Parse(text, 10).Authors);

    [Fact]
    public void Authors_past_the_limit_are_left_out_and_said_so()
    {
        var result = AuthorListParser.Parse("A One, B Two, C Three, D Four", 2);

        Assert.Equal(["A One", "B Two"], result.Authors.Select(a => a.Name));
        Assert.True(result.Truncated);
        Assert.False(AuthorListParser.Parse("A One, B Two", 2).Truncated);
    }

    [Fact]
    public void Huge_or_odd_input_is_read_within_bounds_without_exceptions()
    {
        var huge = string.Join(", ", Enumerable.Range(0, 50_000).Select(i => $"Author{i} Name"));
        var result = AuthorListParser.Parse(huge, 1000);
        Assert.Equal(1000, result.Authors.Count);
        Assert.True(result.Truncated);

        foreach (var odd in new[]
        {
            new string(',', 200_000), new string('{', 50_000), "\0\u0001\uFFFD and \uD800", new string('*', 10_000),
            string.Concat(Enumerable.Repeat("and ", 30_000)), "Smith, " + new string('A', 100_000), "\\\\\\{}}}{{ and , ;",
        })
        {
            var parsed = AuthorListParser.Parse(odd, 1000);
            Assert.True(parsed.Authors.Count <= 1000);
            Assert.All(parsed.Authors, a => Assert.False(string.IsNullOrWhiteSpace(a.Name)));
        }
    }

    [Fact]
    public void Names_are_linked_to_the_one_researcher_they_fit_and_each_researcher_once()
    {
        var matcher = new AuthorMatcher(
        [
            new KnownPerson(1, "Ada Moreau", "Ada", "Moreau", ["Ada Lindqvist-Moreau"]),
            new KnownPerson(2, "Bo Chen", "Bo", "Chen", []),
            new KnownPerson(3, "Bea Chen", "Bea", "Chen", []),
        ]);

        var links = PastedAuthorLinks.Match(["A. Lindqvist-Moreau", "B. Chen", "Bo Chen", "Carol Wu", "Ada Moreau", "et al."], matcher, ownerId: 1);

        Assert.Equal([1, null, 2, null, null, null], links);
    }
}
