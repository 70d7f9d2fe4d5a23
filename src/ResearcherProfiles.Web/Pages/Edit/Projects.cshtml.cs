using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// The profile's projects, each with its own link rows and the profile's papers it relates to.
/// The link rows are the shared editor (<see cref="LinkRows"/>): their buttons submit the form to the
/// LinkRow handler, which re-renders it with the change applied, unsaved, so no JavaScript is needed.
/// Related papers can only be chosen from this profile's own list.
/// </summary>
public class ProjectsModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : SectionEditorPageModel<Project, ProjectsModel.ProjectInput>(db, access, publicPages)
{
    private const int LinkRowsShown = 3;

    /// <summary>Groups offered as suggestions: enough for any real profile, bounded for a huge one.</summary>
    public const int GroupsSuggested = 50;

    public override string SectionPath => "projects";
    public override string SectionTitle => "Projects";
    public override string ItemName => "project";
    public override string ItemNameWithArticle => "a project";
    public override bool HasPreview => true;

    public static IReadOnlyList<SelectListItem> Kinds { get; } = Enum.GetValues<ProjectKind>()
        .Select(k => new SelectListItem(LinkLabels.For(k), k.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> LinkKinds { get; } = LinkRows.KindChoices<ProjectLinkKind>(LinkLabels.For);

    /// <summary>Which link-row button submitted the form: "add-link", "link-remove-2".</summary>
    [BindProperty]
    public string? Command { get; set; }

    /// <summary>The papers of this profile's list, in its order: the only ones a project can relate to.</summary>
    public IReadOnlyList<PublicationChoice> Publications { get; private set; } = [];

    public sealed record PublicationChoice(int Id, string Title, int? Year);

    /// <summary>
    /// The groups this profile's projects already use, spelled exactly as stored, in the order of
    /// their first project: offered on the form so that a project joins a group rather than starting
    /// a new one with another spelling.
    /// </summary>
    public IReadOnlyList<string> Groups { get; private set; } = [];

    public sealed class ProjectInput : SectionInput
    {
        [Display(Name = "Title")]
        [Required(ErrorMessage = "Enter the title of the project.")]
        [StringLength(300, ErrorMessage = "The title is at most {1} characters.")]
        public string? Title { get; set; }

        [Display(Name = "Your role")]
        [StringLength(300, ErrorMessage = "The role is at most {1} characters.")]
        public string? Role { get; set; }

        [Display(Name = "Kind")]
        public ProjectKind Kind { get; set; }

        [Display(Name = "Group or theme")]
        [StringLength(ProjectLimits.GroupLength, ErrorMessage = "The group is at most {1} characters.")]
        public string? Group { get; set; }

        [Display(Name = "Institution")]
        [StringLength(ProjectLimits.InstitutionLength, ErrorMessage = "The institution is at most {1} characters.")]
        public string? Institution { get; set; }

        [Display(Name = "Summary")]
        [StringLength(500, ErrorMessage = "The summary is at most {1} characters.")]
        public string? Summary { get; set; }

        [Display(Name = "Narrative")]
        [StringLength(50_000, ErrorMessage = "The narrative is at most {1} characters.")]
        [MarkdownText]
        public string? NarrativeMarkdown { get; set; }

        [Display(Name = "Advisors and mentors")]
        [StringLength(300, ErrorMessage = "The advisors and mentors are at most {1} characters.")]
        public string? Mentors { get; set; }

        [Display(Name = "Collaborators")]
        [StringLength(500, ErrorMessage = "The collaborators are at most {1} characters.")]
        public string? Collaborators { get; set; }

        [Display(Name = "Start")]
        [PartialDateText]
        public string? Start { get; set; }

        [Display(Name = "End")]
        [PartialDateText(OpenEnd = true)]
        public string? End { get; set; }

        [Display(Name = "Status")]
        [StringLength(200, ErrorMessage = "The status is at most {1} characters.")]
        public string? Status { get; set; }

        [Display(Name = "Popularity")]
        [StringLength(100, ErrorMessage = "The popularity is at most {1} characters.")]
        public string? Popularity { get; set; }

        public List<LinkRowInput<ProjectLinkKind>> Links { get; set; } = [];

        public List<int> RelatedPublicationIds { get; set; } = [];

        /// <summary>The links in words, so that a stale save can say they changed (see <see cref="FormSnapshot"/>).</summary>
        [Display(Name = "Links")]
        public string LinkSummary => LinkRows.Summary(Links, LinkLabels.For);

        /// <summary>The related papers' titles, filled from the stored project for the same purpose; never posted.</summary>
        [BindNever]
        [Display(Name = "Related publications")]
        public string? RelatedTitles { get; set; }
    }

    /// <summary>
    /// The profile's papers and groups are loaded once the access check has passed: the papers for the
    /// form and for <see cref="Apply"/>, the groups for the form's suggestions.
    /// </summary>
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return base.OnPageHandlerExecutionAsync(context, async () =>
        {
            Publications = await Db.ProfilePublications
                .Where(pp => pp.ResearcherId == Profile.Id)
                .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.PublicationId)
                .Select(pp => new PublicationChoice(pp.PublicationId, pp.Publication!.Title, pp.Publication.Year))
                .ToListAsync(HttpContext.RequestAborted);
            // Grouped in SQL by the stored text, so two spellings stay two suggestions and the owner sees both.
            Groups = await Db.Projects
                .Where(p => p.ResearcherId == Profile.Id && p.Group != null)
                .GroupBy(p => p.Group!)
                .Select(g => new { Group = g.Key, First = g.Min(p => p.SortOrder) })
                .OrderBy(g => g.First).ThenBy(g => g.Group)
                .Take(GroupsSuggested)
                .Select(g => g.Group)
                .ToListAsync(HttpContext.RequestAborted);
            return await next();
        });
    }

    /// <summary>Re-renders the form as typed with a link row added or removed; saves nothing.</summary>
    public async Task<IActionResult> OnPostLinkRowAsync(CancellationToken ct)
    {
        if (Id is int id && !await OwnItems.AnyAsync(i => i.Id == id, ct))
        {
            return NotFound();
        }
        // The rows may have moved: the posted values in ModelState would be rendered at their old positions.
        ModelState.Clear();
        RowCommands.Apply(Input.Links, Command, LinkRows.RowName, LinkRows.MaxRows, () => new LinkRowInput<ProjectLinkKind>());
        return await PageAsync(ct);
    }

    /// <summary>The link rows' view: their buttons post to the LinkRow handler at this page's address.</summary>
    public LinkRowsView LinkRowsView => LinkRowsView.For(
        "Code, website, demo, video, …", Input.Links, LinkKinds, fragment => RowCommands.ActionUrl(Request, fragment, "LinkRow"));

    // Deleting or editing a project loads its rows tracked, so they are changed, recorded and restorable with it.
    protected override IQueryable<Project> OwnItems =>
        base.OwnItems.Include(p => p.Links).Include(p => p.RelatedPublications).AsSplitQuery();

    protected override IQueryable<Project> OrderedItems =>
        Db.Projects.Where(p => p.ResearcherId == Profile.Id).OrderBy(p => p.SortOrder).ThenBy(p => p.Id);

    protected override Project NewItem() => new() { Title = string.Empty };

    protected override ProjectInput NewInput() => new() { Links = LinkRows.Blank<ProjectLinkKind>(LinkRowsShown) };

    protected override ProjectInput ToInput(Project item)
    {
        var titles = Publications.ToDictionary(p => p.Id, p => p.Title);
        var links = item.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new LinkRowInput<ProjectLinkKind> { Kind = l.Kind, Label = l.Label, Url = l.Url })
            .ToList();
        var related = item.RelatedPublications.OrderBy(r => r.SortOrder).Select(r => r.PublicationId).ToList();
        return new ProjectInput
        {
            Title = item.Title,
            Role = item.Role,
            Kind = item.Kind,
            Group = item.Group,
            Institution = item.Institution,
            Summary = item.Summary,
            NarrativeMarkdown = item.NarrativeMarkdown,
            Mentors = item.Mentors,
            Collaborators = item.Collaborators,
            Start = FormText.Date(item.Start),
            End = FormText.Date(item.End),
            Status = item.Status,
            Popularity = item.Popularity,
            Links = [.. links, .. LinkRows.Blank<ProjectLinkKind>(Math.Max(1, LinkRowsShown - links.Count))],
            RelatedPublicationIds = related,
            RelatedTitles = string.Join("; ", related.Where(titles.ContainsKey).Select(id => titles[id])),
        };
    }

    protected override void Validate(ProjectInput input)
    {
        DateRules.EndNotBeforeStart(ModelState, input.Start, input.End, $"{nameof(Input)}.{nameof(ProjectInput.End)}");
        LinkRows.Validate(ModelState, LinkRowsView.Prefix, input.Links, "A project");
    }

    protected override void Apply(ProjectInput input, Project item)
    {
        item.Title = input.Title!.Trim();
        item.Role = FormText.Clean(input.Role);
        item.Kind = input.Kind;
        item.Group = FormText.Clean(input.Group);
        item.Institution = FormText.Clean(input.Institution);
        item.Summary = FormText.Clean(input.Summary);
        item.NarrativeMarkdown = FormText.CleanMultiline(input.NarrativeMarkdown);
        item.Mentors = FormText.Clean(input.Mentors);
        item.Collaborators = FormText.Clean(input.Collaborators);
        item.Start = FormText.Date(input.Start);
        item.End = FormText.Date(input.End);
        item.Status = FormText.Clean(input.Status);
        item.Popularity = FormText.Clean(input.Popularity);

        var before = RowsText(item);
        ReplaceLinks(item, LinkRows.ToSave(input.Links));
        ReplaceRelated(item, input.RelatedPublicationIds);
        if (item.Id != 0 && RowsText(item) != before)
        {
            // The project's version covers its rows too, so a form opened before a links-only change is stale.
            Db.Entry(item).Property(p => p.Version).IsModified = true;
        }
    }

    protected override SectionRow ToRow(Project item) =>
        new(item.Id, item.Title,
            string.Join(" · ", new[] { item.Group ?? string.Empty, LinkLabels.For(item.Kind), DateRange.Format(item.Start, item.End, "present") }.Where(s => s.Length > 0)),
            item.IsVisible);

    protected override string? PreviewMarkdown(ProjectInput input) => input.NarrativeMarkdown;

    protected override int PreviewTopHeadingLevel => MarkdownFields.ProjectNarrative.TopHeadingLevel;

    /// <summary>Rewrites the link rows position by position, so unchanged links record no change.</summary>
    private void ReplaceLinks(Project project, List<LinkRowInput<ProjectLinkKind>> links)
    {
        var existing = project.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToList();
        for (var i = 0; i < links.Count; i++)
        {
            var row = i < existing.Count ? existing[i] : new ProjectLink { Url = string.Empty };
            row.SortOrder = i;
            row.Kind = links[i].Kind;
            row.Label = links[i].Label;
            row.Url = links[i].Url!;
            if (i >= existing.Count)
            {
                project.Links.Add(row);
            }
        }
        foreach (var row in existing.Skip(links.Count))
        {
            project.Links.Remove(row);
            Db.Remove(row);
        }
    }

    /// <summary>
    /// Relates the project to the checked papers of this profile's list, in the list's order. Ids of
    /// papers not on the list are ignored; a relation to a paper the profile no longer lists is not
    /// on the form, so it is left as it is.
    /// </summary>
    private void ReplaceRelated(Project project, List<int> checkedIds)
    {
        var wanted = Publications.Select(p => p.Id).Where(checkedIds.Contains).ToList();
        var own = Publications.Select(p => p.Id).ToHashSet();
        foreach (var row in project.RelatedPublications.Where(r => own.Contains(r.PublicationId) && !wanted.Contains(r.PublicationId)).ToList())
        {
            project.RelatedPublications.Remove(row);
            Db.Remove(row);
        }
        for (var i = 0; i < wanted.Count; i++)
        {
            var row = project.RelatedPublications.FirstOrDefault(r => r.PublicationId == wanted[i]);
            if (row is null)
            {
                project.RelatedPublications.Add(new ProjectPublication { PublicationId = wanted[i], SortOrder = i });
            }
            else if (row.SortOrder != i)
            {
                row.SortOrder = i;
            }
        }
    }

    private static string RowsText(Project project) =>
        string.Join('\n', project.Links.OrderBy(l => l.SortOrder).Select(l => $"{l.Kind}|{l.Label}|{l.Url}"))
        + "\n--\n"
        + string.Join('\n', project.RelatedPublications.OrderBy(r => r.PublicationId).Select(r => $"{r.PublicationId}|{r.SortOrder}"));
}
