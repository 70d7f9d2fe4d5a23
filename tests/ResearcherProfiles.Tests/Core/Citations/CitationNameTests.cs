using ResearcherProfiles.Core.Citations;

namespace ResearcherProfiles.Tests.Core.Citations;

public sealed class CitationNameTests
{
    [Theory]
    [InlineData("Ada Lovelace", "Ada", "", "Lovelace", "")]
    [InlineData("Ada Maria Lovelace", "Ada Maria", "", "Lovelace", "")]
    [InlineData("José de la Cruz", "José", "de la", "Cruz", "")]
    [InlineData("Ludwig van Beethoven", "Ludwig", "van", "Beethoven", "")]
    [InlineData("Martin Luther King, Jr.", "Martin Luther", "", "King", "Jr.")]
    [InlineData("Henry Ford, Sr", "Henry", "", "Ford", "Sr")]
    [InlineData("John Smith, III", "John", "", "Smith", "III")]
    [InlineData("Martin Luther King Jr.", "Martin Luther", "", "King Jr.", "")]
    [InlineData("danah boyd", "danah", "", "boyd", "")]
    [InlineData("Maria da Silva Santos", "Maria da Silva", "", "Santos", "")]
    [InlineData("Łukasz Kaiser", "Łukasz", "", "Kaiser", "")]
    public void A_display_name_splits_into_given_particle_family_and_suffix(string display, string given, string particle, string family, string suffix)
    {
        var name = CitationName.Parse(display);

        Assert.False(name.IsLiteral);
        Assert.Equal((given, particle, family, suffix), (name.Given, name.Particle, name.Family, name.Suffix));
        var rebuilt = string.Join(' ', new[] { name.Given, name.Particle, name.Family }.Where(p => p.Length > 0))
            + (name.Suffix.Length > 0 ? ", " + name.Suffix : "");
        Assert.Equal(display, rebuilt);
    }

    [Theory]
    [InlineData("Plato")]
    [InlineData("李伟")]
    [InlineData("Smith, John")]
    [InlineData("OpenAI")]
    public void Names_that_cannot_be_split_are_literal(string display)
    {
        var name = CitationName.Parse(display);

        Assert.True(name.IsLiteral);
        Assert.Equal(display, name.Display);
    }

    [Fact]
    public void Extra_whitespace_is_collapsed() =>
        Assert.Equal("Ada Lovelace", CitationName.Parse("  Ada \t Lovelace ").Display);
}
