using ResearcherProfiles.Core.Bibtex;

namespace ResearcherProfiles.Tests.Core.Bibtex;

public sealed class AuthorMatcherTests
{
    private static readonly KnownPerson Mira = new(1, "Mira J. Castellanos", "Mira J.", "Castellanos", ["Castellanos-Díaz, Mira"]);
    private static readonly KnownPerson Jan = new(2, "Jan van der Berg", "Jan", "van der Berg", []);
    private static readonly KnownPerson WeiTing = new(3, "Wei-Ting Liao", "Wei-Ting", "Liao", []);
    private static readonly KnownPerson Jose = new(4, "José Núñez", "José", "Núñez", []);
    private static readonly KnownPerson Zoe = new(5, "Zoë Ødegaard", null, "Ødegaard", []);

    private static readonly AuthorMatcher Matcher = new([Mira, Jan, WeiTing, Jose, Zoe]);

    private static IReadOnlyList<int> Find(string author) => Matcher.Find(Assert.Single(BibtexNames.Parse(author)));

    [Theory]
    [InlineData("Mira Castellanos")]
    [InlineData("Castellanos, Mira")]
    [InlineData("M. Castellanos")]
    [InlineData("Castellanos, M.")]
    [InlineData("M. J. Castellanos")]
    [InlineData("MJ Castellanos")]
    [InlineData("Mira J. Castellanos")]
    [InlineData("Mira Jane Castellanos")]
    [InlineData("CASTELLANOS, Mira")]
    [InlineData("Mira Castellanos-Díaz")]
    [InlineData("Mira Castellanos-Diaz")]
    [InlineData("Castellanos Díaz, M.")]
    [InlineData("Mira Castellanos*")]
    public void Spellings_of_the_same_person_match(string author)
    {
        Assert.Equal([1], Find(author));
    }

    [Theory]
    [InlineData("Maria Castellanos")]
    [InlineData("Castellanos")]
    [InlineData("R. Castellanos")]
    [InlineData("Mira K. Castellanos")]
    [InlineData("Mira Castell")]
    [InlineData("others")]
    public void Other_people_do_not_match(string author)
    {
        Assert.Empty(Find(author));
    }

    [Theory]
    [InlineData("Jan van der Berg")]
    [InlineData("van der Berg, Jan")]
    [InlineData("J. van der Berg")]
    [InlineData("Jan Van Der Berg")]
    [InlineData("Jan Berg")]
    public void Name_particles_are_matched_with_or_without_them(string author)
    {
        Assert.Equal([2], Find(author));
    }

    [Fact]
    public void A_different_particle_is_a_different_family()
    {
        Assert.Empty(Find("Jan de Berg"));
    }

    [Theory]
    [InlineData("Wei-Ting Liao")]
    [InlineData("Wei Ting Liao")]
    [InlineData("W.-T. Liao")]
    [InlineData("W. Liao")]
    [InlineData("Liao, Wei-Ting")]
    [InlineData("WT Liao")]
    public void Hyphenated_given_names_match_in_full_and_as_initials(string author)
    {
        Assert.Equal([3], Find(author));
    }

    [Theory]
    [InlineData("José Núñez")]
    [InlineData("Jose Nunez")]
    [InlineData("Jos{\\'e} Nu{\\~n}ez")]
    [InlineData("N{\\'u}{\\~n}ez, J.")]
    public void Accents_are_optional(string author)
    {
        Assert.Equal([4], Find(author));
    }

    [Fact]
    public void Letters_without_decomposition_are_folded_too()
    {
        Assert.Equal([5], Find("Zoë Odegaard"));
        Assert.Equal([5], Find("Z. {\\O}degaard"));
    }

    [Fact]
    public void Namesakes_are_all_returned_so_the_caller_can_decline_to_guess()
    {
        var matcher = new AuthorMatcher([new KnownPerson(1, "Li Wei", "Li", "Wei", []), new KnownPerson(2, "Lina Wei", "Lina", "Wei", [])]);

        Assert.Equal([1, 2], matcher.Find(BibtexNames.Parse("L. Wei")[0]));
        Assert.Equal([1], matcher.Find(BibtexNames.Parse("Li Wei")[0]));
    }

    [Fact]
    public void Variants_can_reverse_the_name_order()
    {
        var matcher = new AuthorMatcher([new KnownPerson(7, "Wei Li", "Wei", "Li", ["Li Wei"])]);

        Assert.Equal([7], matcher.Find(BibtexNames.Parse("Li Wei")[0]));
        Assert.Equal([7], matcher.Find(BibtexNames.Parse("Li, Wei")[0]));
    }
}
