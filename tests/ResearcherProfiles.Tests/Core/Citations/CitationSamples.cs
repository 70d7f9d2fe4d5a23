using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Tests.Core.Citations;

/// <summary>Publications built in memory for the writer tests.</summary>
internal static class CitationSamples
{
    public static Publication Paper(string title = "Learning to Rank Things", params string[] authors)
    {
        var publication = new Publication { Title = title, Year = 2023, Type = PublicationType.Conference };
        foreach (var author in authors)
        {
            publication.Authors.Add(new PublicationAuthor { Name = author, Position = publication.Authors.Count });
        }
        return publication;
    }

    /// <summary>A paper with every field and every kind of link filled in, with text that needs escaping.</summary>
    public static Publication Full()
    {
        var publication = Paper(
            "Needles & Haystacks: 100% Recall at $0 with GPT-4 -- A {Study} of C# ~ x^2 \\ Long Contexts",
            "Mira Castellanos", "José de la Cruz", "Martin Luther King, Jr.", "Łukasz Kaiser", "Plato", "李伟");
        publication.VenueName = "Annual Meeting of the Association for Computational Linguistics";
        publication.VenueShort = "ACL";
        publication.Month = 5;
        publication.Status = PublicationStatus.Accepted;
        publication.Badges = ["Outstanding Paper", "Oral"];
        publication.Doi = "10.18653/v1/2023.acl-long.1";
        publication.ArxivId = "2403.16952";
        publication.Url = "https://aclanthology.org/2023.acl-long.1/";
        publication.Abstract = "We look for needles.\n\nThen we find 50% of them_all.";
        publication.Volume = "1";
        publication.Number = "3";
        publication.Pages = "12–34";
        publication.Publisher = "Association for Computational Linguistics";
        publication.Note = "Extended version of a workshop paper";
        publication.Keywords = ["long context", "retrieval"];
        publication.CitationKey = "castellanos2023needles";
        AddLink(publication, PublicationLinkKind.Pdf, "https://example.org/needles.pdf");
        AddLink(publication, PublicationLinkKind.Code, "https://github.com/example/needles");
        AddLink(publication, PublicationLinkKind.Slides, "https://example.org/slides.pdf");
        AddLink(publication, PublicationLinkKind.ProjectPage, "https://needles.example.org/~mira/");
        AddLink(publication, PublicationLinkKind.BlogPost, "https://blog.example.org/needles");
        AddLink(publication, PublicationLinkKind.Benchmark, "https://bench.example.org/?q=needles&page=2");
        AddLink(publication, PublicationLinkKind.Video, "https://video.example.org/needles");
        AddLink(publication, PublicationLinkKind.Poster, "https://example.org/poster.pdf");
        AddLink(publication, PublicationLinkKind.Dataset, "https://data.example.org/needles_v2");
        return publication;
    }

    public static Publication AddLink(Publication publication, PublicationLinkKind kind, string url, string? label = null)
    {
        publication.Links.Add(new PublicationLink { Kind = kind, Url = url, Label = label, SortOrder = publication.Links.Count });
        return publication;
    }
}
