using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Entities;

/// <summary>
/// One scholarly record, shared by every on-site author: it appears on each linked profile
/// through <see cref="ProfilePublication"/>.
/// </summary>
public class Publication : IVersioned
{
    private string title = string.Empty;

    public int Id { get; set; }
    public int Version { get; set; }

    public required string Title
    {
        get => title;
        set
        {
            title = value;
            TitleKey = ScholarlyIds.TitleKey(value);
        }
    }

    /// <summary>
    /// The title reduced to lowercase letters and digits without accents, kept in step with
    /// <see cref="Title"/>: with the year it finds the same paper written differently. Null only
    /// for rows saved before keys existed, until start-up fills them in.
    /// </summary>
    public string? TitleKey { get; private set; }
    public string? VenueName { get; set; }
    public string? VenueShort { get; set; }
    public int? Year { get; set; }
    public int? Month { get; set; }
    public PublicationType Type { get; set; }
    public PublicationStatus Status { get; set; }
    public List<string> Badges { get; set; } = [];
    public string? Doi { get; set; }
    public string? ArxivId { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }
    public string? Abstract { get; set; }
    public string? Volume { get; set; }
    public string? Number { get; set; }
    public string? Pages { get; set; }
    public string? Publisher { get; set; }
    public string? Note { get; set; }
    public List<string> Keywords { get; set; } = [];
    /// <summary>The BibTeX key the paper was imported with, reused when it is exported.</summary>
    public string? CitationKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<PublicationAuthor> Authors { get; set; } = [];
    public List<PublicationLink> Links { get; set; } = [];
    public List<ProfilePublication> Profiles { get; set; } = [];
}

/// <summary>An author in a publication's ordered author list.</summary>
public class PublicationAuthor
{
    public int Id { get; set; }
    public int PublicationId { get; set; }
    public Publication? Publication { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    /// <summary>The on-site researcher this author is, when known.</summary>
    public int? ResearcherId { get; set; }
    public Researcher? Researcher { get; set; }
    public bool EqualContribution { get; set; }
    public bool Corresponding { get; set; }
}

public class PublicationLink
{
    public int Id { get; set; }
    public int PublicationId { get; set; }
    public Publication? Publication { get; set; }
    public int SortOrder { get; set; }
    public PublicationLinkKind Kind { get; set; }
    public string? Label { get; set; }
    public required string Url { get; set; }
}

/// <summary>A publication as listed on one profile: that owner's order, visibility and selection.</summary>
public class ProfilePublication : ProfileItem
{
    public int PublicationId { get; set; }
    public Publication? Publication { get; set; }
    public bool IsHighlighted { get; set; }
}

/// <summary>
/// A paper a co-author linked this researcher to: it waits here, off the public profile, until the
/// researcher adds it to their profile or dismisses it. Nobody puts a paper on someone else's
/// profile without that person's consent.
/// </summary>
public class PublicationSuggestion
{
    public int Id { get; set; }
    /// <summary>The researcher the paper is suggested to.</summary>
    public int ResearcherId { get; set; }
    public Researcher? Researcher { get; set; }
    public int PublicationId { get; set; }
    public Publication? Publication { get; set; }
    /// <summary>The profile whose editor linked this researcher as an author, if it still exists.</summary>
    public int? SuggestedByResearcherId { get; set; }
    public Researcher? SuggestedByResearcher { get; set; }
    /// <summary>The account that made the link, as its user name.</summary>
    public string? SuggestedByUserName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
