using ResearcherProfiles.Core.Citations;
using static ResearcherProfiles.Tests.Core.Citations.CitationSamples;

namespace ResearcherProfiles.Tests.Core.Citations;

public sealed class CitationKeysTests
{
    [Theory]
    [InlineData("Mira Castellanos", 2023, "Learning to Rank Things", "castellanos2023learning")]
    [InlineData("Mira Castellanos", 2023, "The Art of Reading: A Study", "castellanos2023art")]
    [InlineData("Mira Castellanos", 2023, "On the Use of Footnotes", "castellanos2023use")]
    [InlineData("Mira Castellanos", 2023, "BERT: Pre-training of Deep Transformers", "castellanos2023bert")]
    [InlineData("José de la Cruz", 2021, "Über Fußnoten", "cruz2021uber")]
    [InlineData("Martin Luther King, Jr.", 1963, "I Have a Dream", "king1963i")]
    [InlineData("Martin Luther King Jr.", 1963, "Why We Can't Wait", "king1963we")]
    [InlineData("Hans Christian Ørsted", 1820, "Experiments", "orsted1820experiments")]
    [InlineData("Łukasz Kaiser", 2017, "Attention", "kaiser2017attention")]
    [InlineData("Plato", 2000, "Republic", "plato2000republic")]
    [InlineData("李伟", 2022, "深度学习 for Graphs", "2022graphs")]
    public void Generated_keys_are_family_name_year_and_first_significant_title_word(string author, int year, string title, string key)
    {
        var publication = Paper(title, author);
        publication.Year = year;

        Assert.Equal(key, CitationKeys.Generate(publication));
    }

    [Fact]
    public void The_first_author_is_the_one_with_the_lowest_position()
    {
        var publication = Paper("Results", "Ana Ruiz", "Bo Chen");
        publication.Authors.Reverse();

        Assert.Equal("ruiz2023results", CitationKeys.Generate(publication));
    }

    [Fact]
    public void Et_al_is_never_the_first_author_of_a_key()
    {
        var publication = Paper("Results", "et al.", "Ana Ruiz");

        Assert.Equal("ruiz2023results", CitationKeys.Generate(publication));
    }

    [Fact]
    public void A_paper_without_authors_year_or_latin_title_still_has_a_key()
    {
        var publication = Paper("深度学习");
        publication.Year = null;

        Assert.Equal("publication", CitationKeys.Generate(publication));
    }

    [Fact]
    public void The_imported_key_is_used_when_there_is_one()
    {
        var publication = Paper("Results", "Ana Ruiz");
        publication.CitationKey = "Ruiz:2023:Results";

        Assert.Equal("Ruiz:2023:Results", CitationKeys.For(publication));
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("comma,key")]
    [InlineData("brace{key")]
    [InlineData("percent%key")]
    [InlineData("")]
    public void An_imported_key_that_would_break_an_entry_is_replaced(string stored)
    {
        var publication = Paper("Results", "Ana Ruiz");
        publication.CitationKey = stored;

        Assert.Equal("ruiz2023results", CitationKeys.For(publication));
    }

    [Fact]
    public void Repeated_keys_get_letter_suffixes_in_order()
    {
        var papers = Enumerable.Range(0, 4).Select(_ => Paper("Results", "Ana Ruiz")).ToList();

        Assert.Equal(["ruiz2023results", "ruiz2023resultsa", "ruiz2023resultsb", "ruiz2023resultsc"], CitationKeys.Assign(papers));
    }

    [Fact]
    public void Stored_keys_keep_their_key_and_generated_keys_make_way_for_them()
    {
        var generated = Paper("Results", "Ana Ruiz");
        var stored = Paper("Other Results", "Bo Chen");
        stored.CitationKey = "RUIZ2023RESULTS";

        Assert.Equal(["ruiz2023resultsa", "RUIZ2023RESULTS"], CitationKeys.Assign([generated, stored]));
    }

    [Fact]
    public void Two_papers_imported_with_the_same_key_are_told_apart()
    {
        var first = Paper("One");
        var second = Paper("Two");
        first.CitationKey = second.CitationKey = "smith2020";

        Assert.Equal(["smith2020", "smith2020a"], CitationKeys.Assign([first, second]));
    }

    [Fact]
    public void Suffixes_go_on_past_z()
    {
        var papers = Enumerable.Range(0, 29).Select(_ => Paper("Results", "Ana Ruiz")).ToList();

        var keys = CitationKeys.Assign(papers);

        Assert.Equal(["ruiz2023resultsz", "ruiz2023resultsaa", "ruiz2023resultsab"], keys.Skip(26));
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
