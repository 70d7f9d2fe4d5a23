using ResearcherProfiles.Core.Bibtex;

namespace ResearcherProfiles.Tests.Core.Bibtex;

public sealed class BibtexNamesTests
{
    private static BibtexName One(string field) => Assert.Single(BibtexNames.Parse(field));

    [Fact]
    public void First_last_form_splits_on_the_last_word()
    {
        var name = One("Ada Maria Lovelace");

        Assert.Equal("Ada Maria", name.First);
        Assert.Equal("Lovelace", name.Last);
        Assert.Equal("Ada Maria Lovelace", name.Display);
    }

    [Fact]
    public void Last_comma_first_form_is_understood()
    {
        var name = One("Lovelace, Ada");

        Assert.Equal("Ada", name.First);
        Assert.Equal("Lovelace", name.Last);
        Assert.Equal("Ada Lovelace", name.Display);
    }

    [Fact]
    public void Last_jr_first_form_is_understood()
    {
        var name = One("King, Jr., Martin Luther");

        Assert.Equal("Martin Luther", name.First);
        Assert.Equal("King", name.Last);
        Assert.Equal("Jr.", name.Jr);
        Assert.Equal("Martin Luther King, Jr.", name.Display);
    }

    [Fact]
    public void Single_word_is_a_last_name()
    {
        var name = One("Plato");

        Assert.Equal("", name.First);
        Assert.Equal("Plato", name.Last);
    }

    [Fact]
    public void Names_are_separated_by_and_in_any_case()
    {
        var names = BibtexNames.Parse("Ana Ruiz and Bo Chen AND Li Wei And Wu, Mei");

        Assert.Equal(["Ana Ruiz", "Bo Chen", "Li Wei", "Mei Wu"], names.Select(n => n.Display));
    }

    [Fact]
    public void And_inside_braces_does_not_split()
    {
        var name = One("{Barnes and Noble}");

        Assert.Equal("Barnes and Noble", name.Last);
        Assert.Equal("Barnes and Noble", name.Display);
    }

    [Fact]
    public void Words_containing_and_do_not_split()
    {
        Assert.Equal(["Sandra Anderson", "Andy Rand"], BibtexNames.Parse("Sandra Anderson and Andy Rand").Select(n => n.Display));
    }

    [Fact]
    public void Braced_corporate_name_stays_one_last_name()
    {
        var names = BibtexNames.Parse("{Google DeepMind} and {OpenAI Team}");

        Assert.Equal("Google DeepMind", names[0].Last);
        Assert.Equal("", names[0].First);
        Assert.Equal("OpenAI Team", names[1].Display);
    }

    [Fact]
    public void And_others_becomes_et_al()
    {
        var names = BibtexNames.Parse("Ana Ruiz and others");

        Assert.Equal(2, names.Count);
        Assert.True(names[1].IsOthers);
        Assert.Equal("et al.", names[1].Display);
        Assert.False(names[0].IsOthers);
    }

    [Theory]
    [InlineData("Ludwig van Beethoven", "Ludwig", "van", "Beethoven")]
    [InlineData("Johannes Diderik van der Waals", "Johannes Diderik", "van der", "Waals")]
    [InlineData("Jean de la Fontaine", "Jean", "de la", "Fontaine")]
    [InlineData("van der Waals, Johannes Diderik", "Johannes Diderik", "van der", "Waals")]
    [InlineData("de la Fontaine, Jean", "Jean", "de la", "Fontaine")]
    [InlineData("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin", "Charles Louis Xavier Joseph", "de la", "Vallée Poussin")]
    public void Lowercase_particles_form_the_von_part(string field, string first, string von, string last)
    {
        var name = One(field);

        Assert.Equal(first, name.First);
        Assert.Equal(von, name.Von);
        Assert.Equal(last, name.Last);
    }

    [Fact]
    public void Display_puts_the_von_part_between_first_and_last()
    {
        Assert.Equal("Johannes Diderik van der Waals", One("van der Waals, Johannes Diderik").Display);
    }

    [Fact]
    public void Von_with_jr_displays_all_parts()
    {
        Assert.Equal("Jan van Dyke, III", One("van Dyke, III, Jan").Display);
    }

    [Fact]
    public void Latex_in_names_is_converted_to_unicode()
    {
        var names = BibtexNames.Parse("M{\\\"u}ller, J{\\\"o}rg and Fran\\c{c}ois Ch{\\'e}rel and {\\L}ukasz Kaiser");

        Assert.Equal(["Jörg Müller", "François Chérel", "Łukasz Kaiser"], names.Select(n => n.Display));
    }

    [Fact]
    public void Accented_lowercase_particle_is_recognised()
    {
        var name = One("Ana {\\'e}l Ruiz");

        Assert.Equal("él", name.Von);
        Assert.Equal("Ruiz", name.Last);
    }

    [Fact]
    public void Braced_lowercase_word_is_not_a_particle()
    {
        var name = One("Ana {de} Ruiz");

        Assert.Equal("", name.Von);
        Assert.Equal("Ana de", name.First);
    }

    [Fact]
    public void Initials_with_tildes_and_extra_spaces_are_tidied()
    {
        var name = One("  D.~E.   Knuth ");

        Assert.Equal("D. E.", name.First);
        Assert.Equal("D. E. Knuth", name.Display);
    }

    [Fact]
    public void Hyphenated_names_stay_together()
    {
        var name = One("Jean-Paul Sartre-Smith");

        Assert.Equal("Jean-Paul", name.First);
        Assert.Equal("Sartre-Smith", name.Last);
    }

    [Theory]
    [InlineData("Ana Ruiz*")]
    [InlineData("Ana Ruiz *")]
    [InlineData("Ana Ruiz\\footnotemark")]
    [InlineData("Ana Ruiz\\footnotemark[1]")]
    [InlineData("Ruiz, Ana\\footnotemark[2]")]
    [InlineData("Ana Ruiz$^*$")]
    [InlineData("Ana Ruiz$^{*}$")]
    [InlineData("Ruiz*, Ana")]
    [InlineData("Ruiz, Ana*")]
    public void Equal_contribution_marks_are_detected_and_removed(string field)
    {
        var name = One(field);

        Assert.True(name.EqualContribution);
        Assert.Equal("Ana Ruiz", name.Display);
    }

    [Fact]
    public void Unmarked_names_are_not_equal_contribution()
    {
        var names = BibtexNames.Parse("Ana Ruiz* and Bo Chen");

        Assert.True(names[0].EqualContribution);
        Assert.False(names[1].EqualContribution);
    }

    [Fact]
    public void Empty_field_and_dangling_and_give_no_empty_names()
    {
        Assert.Empty(BibtexNames.Parse("   "));
        Assert.Equal(["Ana Ruiz"], BibtexNames.Parse("and Ana Ruiz and").Select(n => n.Display));
    }

    [Fact]
    public void Newlines_between_names_are_whitespace()
    {
        Assert.Equal(["Ana Ruiz", "Bo Chen"], BibtexNames.Parse("Ana Ruiz and\n  Bo Chen").Select(n => n.Display));
    }
}
