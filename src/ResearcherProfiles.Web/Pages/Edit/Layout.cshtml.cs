using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// The profile's section layout: the order of its sections, their titles, a short intro above each,
/// which are shown, how many news items show before "show more", and whether each kind of project
/// stands in Projects or forms a section of its own. The public profile and the CV follow it.
/// One form saves every section; Move up / Move down re-render it unsaved (editor-authors.js moves
/// the rows in place, or by dragging, instead). Each section's row carries its own version, so a
/// save over someone else's meanwhile is refused and the form says what changed.
/// </summary>
public class LayoutModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages) : EditorPageModel(access, publicPages)
{
    public const string RowName = "section";

    [BindProperty]
    public LayoutInput Input { get; set; } = new();

    /// <summary>Which row button submitted the form: "section-up-2", "section-down-0".</summary>
    [BindProperty]
    public string? Command { get; set; }

    /// <summary>Where the projects of one kind are shown.</summary>
    public enum ProjectPlacement
    {
        [Display(Name = "In the Projects section")]
        InProjects,
        [Display(Name = "As a section of their own")]
        OwnSection,
        [Display(Name = "Not on the profile")]
        Hidden,
    }

    public static IReadOnlyList<SelectListItem> Placements { get; } = Enum.GetValues<ProjectPlacement>()
        .Select(p => new SelectListItem(typeof(ProjectPlacement).GetField(p.ToString())!
            .GetCustomAttributes(typeof(DisplayAttribute), false).Cast<DisplayAttribute>().Single().Name, p.ToString()))
        .ToList();

    public sealed class LayoutInput
    {
        public List<SectionInputRow> Sections { get; set; } = [];
    }

    public sealed class SectionInputRow
    {
        public ProfileSectionKind Kind { get; set; }

        /// <summary>The version of the section's stored row; 0 while the section has none.</summary>
        public int Version { get; set; }

        [Display(Name = "Title")]
        [StringLength(ProfileSectionLimits.TitleLength, ErrorMessage = "The title is at most {1} characters.")]
        public string? Title { get; set; }

        [Display(Name = "Intro")]
        [StringLength(ProfileSectionLimits.IntroLength, ErrorMessage = "The intro is at most {1} characters.")]
        [MarkdownText]
        public string? IntroMarkdown { get; set; }

        [Display(Name = "Show this section")]
        public bool IsVisible { get; set; } = true;

        [Display(Name = "Show these projects")]
        public ProjectPlacement Placement { get; set; }

        [Display(Name = "News items shown before “show more”")]
        [Range(ProfileSectionLimits.MinItemsShown, ProfileSectionLimits.MaxItemsShown, ErrorMessage = "Show between {1} and {2} news items; leave it empty for 5.")]
        public int? ItemsShown { get; set; }

        public bool IsProjectKind => SectionLayout.ProjectKindOf(Kind) is not null;

        public string DefaultTitle => SectionLayout.DefaultTitle(Kind);

        /// <summary>The section's settings in words, for the message after a refused stale save.</summary>
        public string Summary
        {
            get
            {
                var shown = IsProjectKind
                    ? Placement switch
                    {
                        ProjectPlacement.OwnSection => "own section",
                        ProjectPlacement.Hidden => "hidden",
                        _ => "in Projects",
                    }
                    : IsVisible ? "shown" : "hidden";
                var title = string.IsNullOrWhiteSpace(Title) ? DefaultTitle : Title.Trim();
                var items = ItemsShown is int n ? string.Create(CultureInfo.InvariantCulture, $", {n} shown") : string.Empty;
                var intro = string.IsNullOrWhiteSpace(IntroMarkdown) ? string.Empty : ", with an intro";
                return $"{title} ({shown}{items}{intro})";
            }
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input = ToInput(await SectionLayout.LoadAsync(db, Profile.Id, ct));
        return Page();
    }

    /// <summary>Re-renders the form with a section moved up or down; saves nothing.</summary>
    public IActionResult OnPostMove()
    {
        // The rows have moved: the posted values in ModelState would be rendered at their old places.
        ModelState.Clear();
        Input.Sections = Complete(Input.Sections);
        if (Command is { } command && (command.StartsWith($"{RowName}-up-", StringComparison.Ordinal) || command.StartsWith($"{RowName}-down-", StringComparison.Ordinal)))
        {
            RowCommands.Apply(Input.Sections, command, RowName, Input.Sections.Count, () => new SectionInputRow());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Sections = Complete(Input.Sections);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var stored = await db.ProfileSections.AsTracking().Where(s => s.ResearcherId == Profile.Id).ToListAsync(ct);
        var byKind = stored.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.First());
        // A section saved or removed by someone else since the form was opened: nothing is changed.
        if (Input.Sections.Any(row => (byKind.TryGetValue(row.Kind, out var current) ? current.Version : 0) != row.Version))
        {
            return ShowConflict(stored);
        }
        for (var i = 0; i < Input.Sections.Count; i++)
        {
            var row = Input.Sections[i];
            if (!byKind.TryGetValue(row.Kind, out var section))
            {
                // Version 0 stands for "no row yet" in the form, so a stored row starts at 1.
                section = new ProfileSection { ResearcherId = Profile.Id, Kind = row.Kind, Version = 1 };
                db.ProfileSections.Add(section);
            }
            else
            {
                db.Entry(section).Property(s => s.Version).OriginalValue = row.Version;
            }
            Apply(row, section, i);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e, "ProfileSections", "ResearcherId"))
        {
            db.ChangeTracker.Clear();
            return ShowConflict(await db.ProfileSections.Where(s => s.ResearcherId == Profile.Id).ToListAsync(ct));
        }
        StatusMessage = "Saved the layout. The public profile and the CV follow it.";
        return Redirect($"{EditorSections.Url(Profile.Slug, "layout")}#{FormLanding.Status}");
    }

    /// <summary>Puts every section back to its default title, place and settings; History can bring the layout back.</summary>
    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var stored = await db.ProfileSections.AsTracking().Where(s => s.ResearcherId == Profile.Id).ToListAsync(ct);
        db.ProfileSections.RemoveRange(stored);
        await db.SaveChangesAsync(ct);
        StatusMessage = stored.Count == 0
            ? "The layout already was the default one."
            : "The layout is back to the default. History can bring the previous one back.";
        return Redirect($"{EditorSections.Url(Profile.Slug, "layout")}#{FormLanding.Status}");
    }

    private PageResult ShowConflict(IReadOnlyList<ProfileSection> current)
    {
        var now = ToInput(SectionLayout.Complete(current));
        var versions = now.Sections.ToDictionary(s => s.Kind, s => s.Version);
        // Each section saved meanwhile, with its settings now: a moved section counts, its place changed.
        var posted = Input.Sections.ToDictionary(s => s.Kind, s => s.Version);
        var changes = now.Sections.Where(s => posted.GetValueOrDefault(s.Kind) != s.Version)
            .Select(s => new FieldChange(s.DefaultTitle, s.Summary))
            .ToList();
        // What was typed stays, now based on the current rows, so saving again deliberately replaces them.
        foreach (var row in Input.Sections)
        {
            row.Version = versions.GetValueOrDefault(row.Kind);
        }
        ShowConflictWith(now, changes);
        return Page();
    }

    /// <summary>
    /// The posted rows, each kind once in the posted order (unknown kinds and repeats dropped), with
    /// any kind the post left out added at its default place, so the form always holds every section.
    /// </summary>
    private static List<SectionInputRow> Complete(IReadOnlyList<SectionInputRow> posted)
    {
        var rows = posted.Where(r => Enum.IsDefined(r.Kind)).DistinctBy(r => r.Kind).ToList();
        var order = rows.Select((r, i) => new ProfileSection { Kind = r.Kind, SortOrder = i });
        return SectionLayout.Complete(order)
            .Select(s => rows.FirstOrDefault(r => r.Kind == s.Kind) ?? ToRow(s))
            .ToList();
    }

    private static LayoutInput ToInput(IReadOnlyList<ProfileSection> layout) => new() { Sections = layout.Select(ToRow).ToList() };

    private static SectionInputRow ToRow(ProfileSection s) => new()
    {
        Kind = s.Kind,
        Version = s.Id == 0 ? 0 : s.Version,
        Title = s.Title,
        IntroMarkdown = s.IntroMarkdown,
        IsVisible = s.IsVisible,
        Placement = !s.IsVisible ? ProjectPlacement.Hidden : s.OwnSection ? ProjectPlacement.OwnSection : ProjectPlacement.InProjects,
        ItemsShown = s.Kind == ProfileSectionKind.News ? s.ItemsShown : null,
    };

    private static void Apply(SectionInputRow row, ProfileSection section, int position)
    {
        section.SortOrder = position;
        var title = FormText.Clean(row.Title);
        // A title typed as the default is the default: it then follows the site's wording.
        section.Title = title is null || title == SectionLayout.DefaultTitle(row.Kind) ? null : title;
        section.IntroMarkdown = FormText.CleanMultiline(row.IntroMarkdown);
        if (row.IsProjectKind)
        {
            section.IsVisible = row.Placement != ProjectPlacement.Hidden;
            section.OwnSection = row.Placement == ProjectPlacement.OwnSection;
        }
        else
        {
            section.IsVisible = row.IsVisible;
            section.OwnSection = false;
        }
        section.ItemsShown = row.Kind == ProfileSectionKind.News ? row.ItemsShown : null;
    }
}
