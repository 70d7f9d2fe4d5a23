namespace ResearcherProfiles.Core.Entities;

/// <summary>An editable record whose saves are checked against the version the editor loaded.</summary>
public interface IVersioned
{
    /// <summary>Incremented on every save; a form that round-trips an older value is stale.</summary>
    int Version { get; set; }
}

/// <summary>One public profile, reachable at /people/{Slug}.</summary>
public class Researcher : IVersioned
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string DisplayName { get; set; }
    public string? GivenName { get; set; }
    public required string FamilyName { get; set; }
    /// <summary>Other spellings of the name found in author lists ("J. Doe", "Doe, Jane").</summary>
    public List<string> NameVariants { get; set; } = [];
    public string? Pronouns { get; set; }
    public string? Headline { get; set; }
    public string? Affiliation { get; set; }
    public string? Location { get; set; }
    public string? AboutMarkdown { get; set; }
    /// <summary>About as the profile shows it (see <see cref="Text.StoredMarkdown"/>).</summary>
    public string? AboutHtml { get; set; }
    /// <summary>Path of the photo relative to the site root, or null for the initials avatar.</summary>
    public string? PhotoPath { get; set; }

    public string? Email { get; set; }
    public bool ShowEmail { get; set; }
    public string? Phone { get; set; }
    public bool ShowPhone { get; set; }
    public string? Website { get; set; }

    public List<string> Interests { get; set; } = [];
    public List<string> Skills { get; set; } = [];

    /// <summary>A note under the publication list, e.g. "Full list at Google Scholar".</summary>
    public string? PublicationsNote { get; set; }
    /// <summary>The note as the profile shows it (see <see cref="Text.StoredMarkdown"/>).</summary>
    public string? PublicationsNoteHtml { get; set; }
    /// <summary>The stamp of the stored HTML's rendering; null when none is stored (see <see cref="Text.StoredMarkdown"/>).</summary>
    public int? RenderedWith { get; set; }

    /// <summary>
    /// Papers a co-author links this researcher to go straight onto the profile instead of waiting
    /// among the suggestions for the researcher's consent.
    /// </summary>
    public bool AcceptCoauthorPapers { get; set; }

    /// <summary>The researcher's ORCID iD ("0000-0002-1825-0097"), watched for new works.</summary>
    public string? OrcidId { get; set; }
    /// <summary>The researcher's DBLP person id ("31/1161"), watched for new works.</summary>
    public string? DblpPid { get; set; }
    /// <summary>The researcher's OpenAlex author id ("A5023888391"), watched for new works.</summary>
    public string? OpenAlexAuthorId { get; set; }
    /// <summary>Cited-by counts from OpenAlex are read for the profile's papers and shown on it.</summary>
    public bool ShowCitationCounts { get; set; }

    /// <summary>The profile offers a CV (page, PDF and JSON Resume), linked from its header.</summary>
    public bool OfferCv { get; set; } = true;

    /// <summary>Hidden profiles are not shown on the public site.</summary>
    public bool IsHidden { get; set; }
    /// <summary>When the profile was moved to the trash; trashed profiles exist only for restore or purge.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string? OwnerId { get; set; }
    public AppUser? Owner { get; set; }

    public List<ProfileLink> Links { get; set; } = [];
    public List<Education> Education { get; set; } = [];
    public List<Position> Positions { get; set; } = [];
    public List<NewsItem> News { get; set; } = [];
    public List<ProfilePublication> Publications { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
    public List<Award> Awards { get; set; } = [];
    public List<ServiceRole> Service { get; set; } = [];
    public List<Talk> Talks { get; set; } = [];
    public List<WritingItem> Writing { get; set; } = [];
    /// <summary>The owner's section layout; sections without a row take their defaults (<see cref="SectionLayout"/>).</summary>
    public List<ProfileSection> Sections { get; set; } = [];
}

/// <summary>An item in one of a profile's ordered lists; the owner controls order and visibility.</summary>
public abstract class ProfileItem : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int ResearcherId { get; set; }
    public Researcher? Researcher { get; set; }
    public int SortOrder { get; set; }
    public bool IsVisible { get; set; } = true;
}

public class ProfileLink : ProfileItem
{
    public ProfileLinkKind Kind { get; set; }
    /// <summary>Shown instead of the kind's name when set ("Lab page", "CV (PDF)").</summary>
    public string? Label { get; set; }
    public required string Url { get; set; }
}

public class Education : ProfileItem
{
    public required string Degree { get; set; }
    public string? Field { get; set; }
    public required string Institution { get; set; }
    public string? Location { get; set; }
    public string? Advisors { get; set; }
    public PartialDate? Start { get; set; }
    public PartialDate? End { get; set; }
    public string? Description { get; set; }
}

public class Position : ProfileItem
{
    /// <summary>Optional: many CVs name only the employer ("Google, 2016–2019").</summary>
    public string? Title { get; set; }
    public required string Employer { get; set; }
    public string? Location { get; set; }
    public PositionKind Kind { get; set; }
    public PartialDate? Start { get; set; }
    /// <summary>Null means the position is current ("now").</summary>
    public PartialDate? End { get; set; }
    public string? DescriptionMarkdown { get; set; }
    /// <summary>The description as the profile shows it (see <see cref="Text.StoredMarkdown"/>).</summary>
    public string? DescriptionHtml { get; set; }
    /// <summary>The stamp of the stored HTML's rendering (see <see cref="Text.StoredMarkdown"/>).</summary>
    public int? RenderedWith { get; set; }
}

public class NewsItem : ProfileItem
{
    public PartialDate Date { get; set; }
    public required string BodyMarkdown { get; set; }
    /// <summary>The text as the profile shows it (see <see cref="Text.StoredMarkdown"/>).</summary>
    public string? BodyHtml { get; set; }
    /// <summary>The stamp of the stored HTML's rendering (see <see cref="Text.StoredMarkdown"/>).</summary>
    public int? RenderedWith { get; set; }
}

public class Award : ProfileItem
{
    public required string Title { get; set; }
    public string? Issuer { get; set; }
    public int? Year { get; set; }
    public string? Note { get; set; }
}

/// <summary>A service role such as "Area Chair" at a venue over one or more years.</summary>
public class ServiceRole : ProfileItem
{
    public required string Role { get; set; }
    public required string Venue { get; set; }
    public List<int> Years { get; set; } = [];
}

public class Talk : ProfileItem
{
    /// <summary>Optional: CVs often list only where and when a talk was given.</summary>
    public string? Title { get; set; }
    public string? Host { get; set; }
    public string? Location { get; set; }
    public PartialDate? Date { get; set; }
    public string? Url { get; set; }
    public string? SlidesUrl { get; set; }
    public string? VideoUrl { get; set; }
}

/// <summary>An external piece of writing or resource, grouped under a list title ("Blogs on Triton Programming").</summary>
public class WritingItem : ProfileItem
{
    public string? ListTitle { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
    public string? Description { get; set; }
    public PartialDate? Date { get; set; }
}
