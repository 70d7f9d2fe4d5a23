namespace ResearcherProfiles.Core.Entities;

public class Project : ProfileItem
{
    public required string Title { get; set; }
    /// <summary>The owner's role: "project led by", "core contributor", "inventor of ...".</summary>
    public string? Role { get; set; }
    public ProjectKind Kind { get; set; }
    /// <summary>
    /// An optional group or theme ("Optimization for deep learning"): the profile and the CV show
    /// each group as a sub-heading, groups in the order their first project has in the list.
    /// </summary>
    public string? Group { get; set; }
    /// <summary>Where the work was done: a lab, a university, a company.</summary>
    public string? Institution { get; set; }
    public string? Summary { get; set; }
    public string? NarrativeMarkdown { get; set; }
    /// <summary>The narrative as the project's page shows it (see <see cref="Text.StoredMarkdown"/>).</summary>
    public string? NarrativeHtml { get; set; }
    /// <summary>The stamp of the stored HTML's rendering (see <see cref="Text.StoredMarkdown"/>).</summary>
    public int? RenderedWith { get; set; }
    public string? Mentors { get; set; }
    public string? Collaborators { get; set; }
    public PartialDate? Start { get; set; }
    /// <summary>Null with a start date means the project is ongoing ("present").</summary>
    public PartialDate? End { get; set; }
    public string? Status { get; set; }
    /// <summary>A popularity figure such as "1k stars on GitHub".</summary>
    public string? Popularity { get; set; }

    public List<ProjectLink> Links { get; set; } = [];
    public List<ProjectPublication> RelatedPublications { get; set; } = [];
}

public class ProjectLink
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int SortOrder { get; set; }
    public ProjectLinkKind Kind { get; set; }
    public string? Label { get; set; }
    public required string Url { get; set; }
}

public class ProjectPublication
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int PublicationId { get; set; }
    public Publication? Publication { get; set; }
    public int SortOrder { get; set; }
}
