using System.Text.Json;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Entities;
using static ResearcherProfiles.Tests.Core.Citations.CitationSamples;

namespace ResearcherProfiles.Tests.Core.Citations;

public sealed class CslJsonWriterTests
{
    private static JsonElement One(Publication publication, bool includeAbstract = true)
    {
        using var json = JsonDocument.Parse(CslJsonWriter.Write([publication], includeAbstract));
        return Assert.Single(json.RootElement.EnumerateArray()).Clone();
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) ? value.GetString() : null;

    /// <summary>given, particle, family and suffix put back together the way the site displays them.</summary>
    private static string DisplayName(JsonElement author)
    {
        if (author.TryGetProperty("literal", out var literal))
        {
            return literal.GetString()!;
        }
        var parts = new[] { Text(author, "given"), Text(author, "non-dropping-particle"), Text(author, "family") }.Where(p => !string.IsNullOrEmpty(p));
        var suffix = Text(author, "suffix");
        return string.Join(' ', parts) + (suffix is null ? "" : ", " + suffix);
    }

    [Fact]
    public void An_item_carries_every_field_under_its_csl_name()
    {
        var item = One(Full());

        Assert.Equal("castellanos2023needles", Text(item, "id"));
        Assert.Equal("paper-conference", Text(item, "type"));
        Assert.Equal(Full().Title, Text(item, "title"));
        Assert.Equal("Annual Meeting of the Association for Computational Linguistics", Text(item, "container-title"));
        Assert.Equal("ACL", Text(item, "container-title-short"));
        Assert.Equal("10.18653/v1/2023.acl-long.1", Text(item, "DOI"));
        Assert.Equal("https://aclanthology.org/2023.acl-long.1/", Text(item, "URL"));
        Assert.Equal("We look for needles. Then we find 50% of them_all.", Text(item, "abstract"));
        Assert.Equal(("1", "3", "12–34"), (Text(item, "volume"), Text(item, "issue"), Text(item, "page")));
        Assert.Equal("Association for Computational Linguistics", Text(item, "publisher"));
        Assert.Equal("Extended version of a workshop paper", Text(item, "note"));
        Assert.Equal("long context, retrieval", Text(item, "keyword"));
        Assert.Equal(("arXiv", "2403.16952"), (Text(item, "archive"), Text(item, "archive_location")));
        Assert.Equal([2023, 5], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
    }

    [Fact]
    public void Authors_are_split_into_family_given_particle_and_suffix_or_kept_literal()
    {
        var authors = One(Full()).GetProperty("author").EnumerateArray()
            .Select(a => string.Join("; ", a.EnumerateObject().Select(p => $"{p.Name}: {p.Value.GetString()}")));

        Assert.Equal(
            [
                "family: Castellanos; given: Mira",
                "family: Cruz; given: José; non-dropping-particle: de la",
                "family: King; given: Martin Luther; suffix: Jr.",
                "family: Kaiser; given: Łukasz",
                "literal: Plato",
                "literal: 李伟",
            ],
            authors);
    }

    [Fact]
    public void A_trailing_et_al_is_left_out_of_the_authors()
    {
        var authors = One(Paper("T", "Ana Ruiz", "Bo Chen", "et al.")).GetProperty("author").EnumerateArray();

        Assert.Equal(["Ruiz", "Chen"], authors.Select(a => a.GetProperty("family").GetString()));
    }

    [Fact]
    public void Links_go_in_custom_with_their_kind()
    {
        var publication = Paper("T");
        AddLink(publication, PublicationLinkKind.Code, "https://github.com/example/code");
        AddLink(publication, PublicationLinkKind.ProjectPage, "https://example.org/project", label: "Project");
        AddLink(publication, PublicationLinkKind.Pdf, "javascript:alert(1)");

        var links = One(publication).GetProperty("custom").GetProperty("links").EnumerateArray().ToList();

        Assert.Equal(
            [("code", "https://github.com/example/code", null), ("project-page", "https://example.org/project", "Project")],
            links.Select(l => (Text(l, "kind"), Text(l, "url"), Text(l, "label"))));
    }

    [Theory]
    [InlineData(PublicationType.Conference, "paper-conference")]
    [InlineData(PublicationType.Workshop, "paper-conference")]
    [InlineData(PublicationType.InvitedPaper, "paper-conference")]
    [InlineData(PublicationType.Journal, "article-journal")]
    [InlineData(PublicationType.BookChapter, "chapter")]
    [InlineData(PublicationType.Thesis, "thesis")]
    [InlineData(PublicationType.Preprint, "article")]
    [InlineData(PublicationType.Other, "document")]
    public void Each_type_has_its_csl_type(PublicationType type, string cslType)
    {
        var publication = Paper("T");
        publication.Type = type;

        Assert.Equal(cslType, Text(One(publication), "type"));
    }

    [Fact]
    public void Missing_values_are_left_out()
    {
        var item = One(new Publication { Title = "Bare" });

        Assert.Equal(["id", "type", "title"], item.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_year_without_a_month_is_one_date_part()
    {
        var parts = One(Paper("T")).GetProperty("issued").GetProperty("date-parts")[0];

        Assert.Equal([2023], parts.EnumerateArray().Select(p => p.GetInt32()));
    }

    [Fact]
    public void The_abstract_can_be_left_out() => Assert.Null(Text(One(Full(), includeAbstract: false), "abstract"));

    [Fact]
    public void Ids_are_unique_within_the_file_and_match_the_bibtex_keys()
    {
        var papers = new[] { Paper("Results", "Ana Ruiz"), Paper("Results", "Ana Ruiz") };

        using var json = JsonDocument.Parse(CslJsonWriter.Write(papers));

        Assert.Equal(["ruiz2023results", "ruiz2023resultsa"], json.RootElement.EnumerateArray().Select(i => Text(i, "id")));
    }

    [Fact]
    public void Letters_are_written_as_they_are_not_as_escapes()
    {
        var json = CslJsonWriter.Write([Paper("Über Fußnoten", "José de la Cruz")]);

        Assert.Contains("\"title\": \"Über Fußnoten\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_then_parse_gives_back_the_same_paper()
    {
        var original = Full();

        var item = One(original);

        Assert.Equal(original.Title, Text(item, "title"));
        Assert.Equal(original.Authors.Select(a => a.Name), item.GetProperty("author").EnumerateArray().Select(DisplayName));
        Assert.Equal(original.VenueName, Text(item, "container-title"));
        var date = item.GetProperty("issued").GetProperty("date-parts")[0];
        Assert.Equal((original.Year, original.Month), (date[0].GetInt32(), date[1].GetInt32()));
        Assert.Equal(original.Doi, Text(item, "DOI"));
        Assert.Equal(original.ArxivId, Text(item, "archive_location"));
        Assert.Equal(
            original.Links.OrderBy(l => l.SortOrder).Select(l => l.Url),
            item.GetProperty("custom").GetProperty("links").EnumerateArray().Select(l => Text(l, "url")));
    }
}
