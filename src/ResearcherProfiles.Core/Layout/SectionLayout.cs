using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Layout;

/// <summary>
/// The one registry of a profile's sections: their default order and titles, which project kind
/// each project section holds, and the owner's layout completed with defaults. The public profile,
/// the CV (page, PDF, JSON Resume) and the layout editor all read sections through here.
/// </summary>
public static class SectionLayout
{
    /// <summary>News items shown before "show more" unless the owner chose another number.</summary>
    public const int DefaultNewsShown = 5;

    public static IReadOnlyList<ProfileSectionKind> DefaultOrder { get; } = Enum.GetValues<ProfileSectionKind>();

    public static string DefaultTitle(ProfileSectionKind kind) => kind switch
    {
        ProfileSectionKind.About => "About",
        ProfileSectionKind.News => "News",
        ProfileSectionKind.Publications => "Publications",
        ProfileSectionKind.Projects => "Projects",
        ProfileSectionKind.ResearchProjects => "Research projects",
        ProfileSectionKind.OpenSourceProjects => "Open-source projects",
        ProfileSectionKind.IndustryProjects => "Industry projects",
        ProfileSectionKind.ResourceLists => "Resource lists",
        ProfileSectionKind.Education => "Education",
        ProfileSectionKind.Experience => "Experience",
        ProfileSectionKind.Awards => "Awards",
        ProfileSectionKind.Service => "Service",
        ProfileSectionKind.Talks => "Talks",
        ProfileSectionKind.Skills => "Skills",
        _ => "Writing",
    };

    /// <summary>The default title of a kind given by name (as the history stores it); null for an unknown name.</summary>
    public static string? DefaultTitle(string? kindName) =>
        Enum.TryParse<ProfileSectionKind>(kindName, out var kind) && Enum.IsDefined(kind) ? DefaultTitle(kind) : null;

    /// <summary>The project kind a project section holds, or null for every other section.</summary>
    public static ProjectKind? ProjectKindOf(ProfileSectionKind kind) => kind switch
    {
        ProfileSectionKind.ResearchProjects => ProjectKind.Research,
        ProfileSectionKind.OpenSourceProjects => ProjectKind.OpenSource,
        ProfileSectionKind.IndustryProjects => ProjectKind.Industry,
        ProfileSectionKind.ResourceLists => ProjectKind.ResourceList,
        _ => null,
    };

    public static ProfileSectionKind SectionOf(ProjectKind kind) => kind switch
    {
        ProjectKind.OpenSource => ProfileSectionKind.OpenSourceProjects,
        ProjectKind.Industry => ProfileSectionKind.IndustryProjects,
        ProjectKind.ResourceList => ProfileSectionKind.ResourceLists,
        _ => ProfileSectionKind.ResearchProjects,
    };

    /// <summary>The section's title as shown: the owner's, or the default.</summary>
    public static string TitleOf(ProfileSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Title ?? DefaultTitle(section.Kind);
    }

    /// <summary>The id of a section's heading: "news", "open-source-projects".</summary>
    public static string Anchor(ProfileSectionKind kind) =>
        Anchors.TryGetValue(kind, out var anchor) ? anchor : AnchorOf(kind);

    /// <summary>The id of a section's heading on the profile: "news-heading".</summary>
    public static string HeadingId(ProfileSectionKind kind) =>
        HeadingIds.TryGetValue(kind, out var id) ? id : AnchorOf(kind) + "-heading";

    // Every uncached profile names each of its sections' headings: worked out once per kind.
    private static readonly FrozenDictionary<ProfileSectionKind, string> Anchors =
        Enum.GetValues<ProfileSectionKind>().ToFrozenDictionary(kind => kind, AnchorOf);

    private static readonly FrozenDictionary<ProfileSectionKind, string> HeadingIds =
        Enum.GetValues<ProfileSectionKind>().ToFrozenDictionary(kind => kind, kind => AnchorOf(kind) + "-heading");

    private static string AnchorOf(ProfileSectionKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The profile's layout, every kind present once, in the owner's order (one query).</summary>
    public static async Task<IReadOnlyList<ProfileSection>> LoadAsync(AppDbContext db, int researcherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Complete(await StoredSections.For(db)(db, researcherId).ToListAsync(ct));
    }

    // Compiled: every uncached profile, CV and project page reads the layout.
    private static readonly CompiledQuery<Func<AppDbContext, int, IAsyncEnumerable<ProfileSection>>> StoredSections = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int researcherId) => db.ProfileSections.Where(s => s.ResearcherId == researcherId)));

    /// <summary>
    /// The stored rows in their order, with every missing kind added (unsaved, with its defaults)
    /// right after the kind that precedes it in the default order, so that a section added to the
    /// site later lands where it belongs rather than at the end.
    /// </summary>
    public static IReadOnlyList<ProfileSection> Complete(IEnumerable<ProfileSection> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        // The first row of each known kind, in the owner's order (kinds are unique, so the order is total).
        var list = new List<ProfileSection>(DefaultOrder.Count);
        foreach (var section in stored)
        {
            if (Enum.IsDefined(section.Kind) && IndexOf(list, section.Kind) < 0)
            {
                list.Add(section);
            }
        }
        list.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : a.Kind.CompareTo(b.Kind));
        // Kinds are added in the default order, so when a kind is missing the one before it in that
        // order is already in the list: the missing kind goes right after it (or first).
        for (var i = 0; i < DefaultOrder.Count; i++)
        {
            if (IndexOf(list, DefaultOrder[i]) < 0)
            {
                list.Insert(i == 0 ? 0 : IndexOf(list, DefaultOrder[i - 1]) + 1, new ProfileSection { Kind = DefaultOrder[i] });
            }
        }
        return list;
    }

    private static int IndexOf(List<ProfileSection> sections, ProfileSectionKind kind)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Kind == kind)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The section that shows projects of <paramref name="kind"/>: their own section when the owner
    /// made it one, otherwise Projects; null when the owner hid either.
    /// </summary>
    public static ProfileSectionKind? SectionShowing(ProjectKind kind, IReadOnlyList<ProfileSection> layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var own = layout.FirstOrDefault(s => s.Kind == SectionOf(kind));
        if (own is { OwnSection: true })
        {
            return own.IsVisible ? own.Kind : null;
        }
        var projects = layout.FirstOrDefault(s => s.Kind == ProfileSectionKind.Projects);
        return (own?.IsVisible ?? true) && (projects?.IsVisible ?? true) ? ProfileSectionKind.Projects : null;
    }

    /// <summary>How many news items show before "show more".</summary>
    public static int NewsShown(IReadOnlyList<ProfileSection> layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.FirstOrDefault(s => s.Kind == ProfileSectionKind.News)?.ItemsShown ?? DefaultNewsShown;
    }

    public static bool IsShown(ProfileSectionKind kind, IReadOnlyList<ProfileSection> layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.FirstOrDefault(s => s.Kind == kind)?.IsVisible ?? true;
    }
}
