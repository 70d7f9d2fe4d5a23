using System.Globalization;
using System.Text.Json.Nodes;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Hosting;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// The machine-readable description of a paper page: Highwire Press citation_* meta tags, which
/// Google Scholar's inclusion guidelines ask for, and schema.org ScholarlyArticle JSON-LD.
/// </summary>
public static class PaperMetadata
{
    /// <summary>The citation_* tags in the order Google Scholar's examples use; authors in byline order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> CitationTags(PaperView paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var tags = new List<KeyValuePair<string, string>>();
        Add("citation_title", paper.Title);
        foreach (var author in paper.Authors)
        {
            Add("citation_author", author.Name);
        }
        if (paper.Year is int year)
        {
            Add("citation_publication_date", paper.Month is int month and >= 1 and <= 12
                ? $"{year:D4}/{month:D2}"
                : year.ToString("D4", CultureInfo.InvariantCulture));
        }
        var venueTag = paper.Type switch
        {
            PublicationType.Journal => "citation_journal_title",
            PublicationType.BookChapter => "citation_inbook_title",
            _ => "citation_conference_title",
        };
        Add(venueTag, paper.PublishedIn);
        if (paper.Type == PublicationType.Thesis)
        {
            Add("citation_dissertation_institution", paper.Publisher);
        }
        Add("citation_volume", paper.Volume);
        Add("citation_issue", paper.Number);
        var (firstPage, lastPage) = paper.PageRange;
        Add("citation_firstpage", firstPage);
        Add("citation_lastpage", lastPage);
        Add("citation_publisher", paper.Publisher);
        Add("citation_pdf_url", paper.PdfUrl);
        Add("citation_doi", paper.Doi);
        Add("citation_arxiv_id", paper.ArxivId);
        Add("citation_abstract", paper.Abstract);
        return tags;

        void Add(string name, string? content)
        {
            if (!string.IsNullOrWhiteSpace(content))
            {
                tags.Add(new(name, content));
            }
        }
    }

    /// <summary>
    /// A schema.org ScholarlyArticle as JSON, safe to write unencoded inside
    /// &lt;script type="application/ld+json"&gt;. On-site authors get their profile's address.
    /// </summary>
    /// <param name="site">The site's public address, which on-site authors' addresses start with.</param>
    /// <param name="home">The profile the home page shows, whose address is the site's own.</param>
    public static string JsonLd(PaperView paper, string canonicalUrl, PublicUrl site, HomeProfileView? home)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(site);
        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ScholarlyArticle",
            ["@id"] = canonicalUrl,
            ["url"] = canonicalUrl,
            ["headline"] = paper.Title,
            ["name"] = paper.Title,
            ["author"] = new JsonArray([.. paper.Authors.Select(a =>
            {
                var person = new JsonObject { ["@type"] = "Person", ["name"] = a.Name };
                if (a.Slug is not null)
                {
                    person["url"] = site.Absolute(HomeProfile.PathOf(home, a.Slug));
                }
                return (JsonNode)person;
            })]),
        };
        Set("datePublished", paper.IsoDate);
        if (paper.PublishedIn is string venue)
        {
            var container = new JsonObject
            {
                ["@type"] = paper.Type switch
                {
                    PublicationType.Journal => "Periodical",
                    PublicationType.BookChapter => "Book",
                    _ => "CreativeWork",
                },
                ["name"] = venue,
            };
            if (paper.VenueShort is not null && paper.VenueShort != venue)
            {
                container["alternateName"] = paper.VenueShort;
            }
            article["isPartOf"] = container;
        }
        if (paper.Publisher is not null)
        {
            article["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = paper.Publisher };
        }
        var (firstPage, lastPage) = paper.PageRange;
        Set("pageStart", firstPage);
        Set("pageEnd", lastPage);
        var identifiers = new JsonArray();
        var sameAs = new JsonArray();
        if (paper.Doi is not null)
        {
            identifiers.Add(new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "DOI", ["value"] = paper.Doi });
            sameAs.Add(paper.DoiUrl);
        }
        if (paper.ArxivId is not null)
        {
            identifiers.Add(new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "arXiv", ["value"] = paper.ArxivId });
            sameAs.Add(paper.ArxivUrl);
        }
        if (identifiers.Count > 0)
        {
            article["identifier"] = identifiers;
            article["sameAs"] = sameAs;
        }
        Set("abstract", paper.Abstract);
        Set("description", paper.Summary);
        if (paper.Keywords.Count > 0)
        {
            article["keywords"] = string.Join(", ", paper.Keywords);
        }
        return StructuredData.ForScript(article);

        void Set(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                article[name] = value;
            }
        }
    }
}
