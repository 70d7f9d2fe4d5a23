using Microsoft.AspNetCore.Mvc.Rendering;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Editing;

/// <summary>The parts of the profile editor, in the order the editor's navigation lists them.</summary>
public static class EditorSections
{
    /// <param name="ItemType">The kind of record the section lists (its entity's type name), when it is a list.</param>
    public sealed record Section(string Path, string Title, string? ItemType = null);

    public static IReadOnlyList<Section> All { get; } =
    [
        new("", "Basics"),
        new("photo", "Photo"),
        new("links", "Links", nameof(ProfileLink)),
        new("education", "Education", nameof(Education)),
        new("positions", "Experience", nameof(Position)),
        new("news", "News", nameof(NewsItem)),
        new("publications", "Publications", nameof(ProfilePublication)),
        new("projects", "Projects", nameof(Project)),
        new("awards", "Awards", nameof(Award)),
        new("service", "Service", nameof(ServiceRole)),
        new("talks", "Talks", nameof(Talk)),
        new("writing", "Writing", nameof(WritingItem)),
        new("layout", "Layout", nameof(ProfileSection)),
        new("history", "History"),
    ];

    public static string Url(string slug, string path) => path.Length == 0 ? $"/edit/{slug}" : $"/edit/{slug}/{path}";
}

/// <summary>The heading and navigation every editor page starts with (partial _EditorHeader).</summary>
/// <param name="CurrentPath">The section's path in <see cref="EditorSections.All"/>, marked as the current page.</param>
/// <param name="Title">The page's heading; by default the section's title.</param>
public sealed record EditorHeaderView(EditableProfile Profile, string CurrentPath, string? Title = null)
{
    public string Heading => Title ?? EditorSections.All.FirstOrDefault(s => s.Path == CurrentPath)?.Title ?? string.Empty;

    /// <summary>The page has a form: the navigation then says that switching sections does not keep what is typed.</summary>
    public bool HasForm { get; init; }
}

/// <summary>Choices for the editor's select boxes, in words.</summary>
public static class EditorChoices
{
    public static IReadOnlyList<SelectListItem> LinkKinds { get; } = Enum.GetValues<ProfileLinkKind>()
        .Select(k => new SelectListItem(k == ProfileLinkKind.Other ? "Other" : Pages.LinkLabels.For(k), k.ToString()))
        .ToList();

    public static IReadOnlyList<SelectListItem> PositionKinds { get; } = Enum.GetValues<PositionKind>()
        .Select(k => new SelectListItem(k switch
        {
            PositionKind.Job => "Job",
            PositionKind.Other => "Other",
            _ => Pages.LinkLabels.For(k),
        }, k.ToString()))
        .ToList();

    /// <summary>Suggestions for the service role field; any other role may be typed.</summary>
    public static IReadOnlyList<string> ServiceRoles { get; } =
    [
        "Reviewer / Program Committee Member", "Area Chair", "Senior Area Chair", "Editor", "Action Editor", "Organizer",
        "Student Seminar Co-Chair",
    ];
}
