namespace ResearcherProfiles.Core.Entities;

/// <summary>The sections a public profile (and its CV) can show, in their default order.</summary>
public enum ProfileSectionKind
{
    About,
    News,
    Publications,
    Projects,
    /// <summary>Research projects, when the owner shows them as a section of their own.</summary>
    ResearchProjects,
    OpenSourceProjects,
    IndustryProjects,
    ResourceLists,
    Education,
    Experience,
    Awards,
    Service,
    Talks,
    Skills,
    Writing,
}

/// <summary>
/// The owner's settings for one section of their profile: its place (<see cref="ProfileItem.SortOrder"/>),
/// its title, a short Markdown intro above it and whether it is shown. A profile without rows shows
/// every section with its defaults; the layout form saves a row for every kind.
/// </summary>
public class ProfileSection : ProfileItem
{
    public ProfileSectionKind Kind { get; set; }
    /// <summary>Null for the default title ("Selected publications", "News").</summary>
    public string? Title { get; set; }
    /// <summary>A short Markdown note above the section ("Full list at Google Scholar").</summary>
    public string? IntroMarkdown { get; set; }
    /// <summary>The intro as the profile shows it (see <see cref="Text.StoredMarkdown"/>).</summary>
    public string? IntroHtml { get; set; }
    /// <summary>The stamp of the stored HTML's rendering (see <see cref="Text.StoredMarkdown"/>).</summary>
    public int? RenderedWith { get; set; }
    /// <summary>News only: items shown before "show more"; null for the default.</summary>
    public int? ItemsShown { get; set; }
    /// <summary>
    /// Project kinds only: their projects form a section of their own ("Open-source projects")
    /// instead of standing in the Projects section.
    /// </summary>
    public bool OwnSection { get; set; }
}

/// <summary>Lengths and ranges of the layout's settings, shared by the database and the form.</summary>
public static class ProfileSectionLimits
{
    public const int TitleLength = 100;
    public const int IntroLength = 2000;
    public const int MinItemsShown = 1;
    public const int MaxItemsShown = 100;
}

/// <summary>Lengths of a project's short fields, shared by the database and the form.</summary>
public static class ProjectLimits
{
    public const int GroupLength = 200;
    public const int InstitutionLength = 200;
}
