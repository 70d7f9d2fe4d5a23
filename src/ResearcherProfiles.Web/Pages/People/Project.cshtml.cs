using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// /people/{slug}/projects/{id}-{words}: one project with its whole write-up, a table of contents
/// of its headings, its people, dates, links and related papers with their authors. The profile
/// shows the short card and links here.
/// </summary>
[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy)]
public class ProjectModel(AppDbContext db, PublicUrl site, HomeProfile home) : PageModel
{
    /// <summary>The page's description: the project's summary, else the start of its write-up, else a sentence naming its owner.</summary>
    public string Description { get; private set; } = string.Empty;

    /// <summary>Headings needed before a write-up gets a table of contents.</summary>
    public const int OutlineFrom = 2;

    public ResearcherHeader Header { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public string NarrativeHtml { get; private set; } = string.Empty;
    public IReadOnlyList<HtmlOutline.Entry> Outline { get; private set; } = [];
    public IReadOnlyList<LinkView> Links { get; private set; } = [];
    public IReadOnlyList<PublicationView> RelatedPublications { get; private set; } = [];

    public string? PublicationLegend => AuthorList.Legend(RelatedPublications.SelectMany(p => p.Authors));

    public async Task<IActionResult> OnGetAsync(string slug, string key, CancellationToken ct)
    {
        var header = await ResearcherHeader.FindAsync(db, home, slug, ct);
        var digits = new string((key ?? string.Empty).TakeWhile(char.IsAsciiDigit).ToArray());
        if (header is null || digits.Length is 0 or > 9 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return NotFound();
        }
        PublicPageTags.MarkProfile(HttpContext, header.Id);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id && p.ResearcherId == header.Id && p.IsVisible, ct);
        // A project whose section the owner hides is not on the public site.
        if (project is null || SectionLayout.SectionShowing(project.Kind, await SectionLayout.LoadAsync(db, header.Id, ct)) is null)
        {
            return NotFound();
        }
        // One address per project: an old title's words, or a query string, move to the current one.
        var path = ProjectView.PathFor(header.Slug, project.Id, project.Title);
        if (Request.Path.Value != path || Request.QueryString.HasValue)
        {
            return RedirectPermanent(path);
        }
        Header = header;
        Project = project;
        (NarrativeHtml, Outline) = HtmlOutline.AddAnchors(
            StoredMarkdown.Html(project.NarrativeHtml, project.RenderedWith, project.NarrativeMarkdown, StoredMarkdown.ProjectNarrativeLevel), "part-");
        Links = (await ProjectView.LinksAsync(db.ProjectLinks.Where(l => l.ProjectId == id), ct))[id].ToList();
        // Related papers are listed only when the owner shows them on the profile, in the project's order.
        var order = await db.ProjectPublications.Where(pp => pp.ProjectId == id).Select(pp => new { pp.PublicationId, pp.SortOrder }).ToListAsync(ct);
        var ids = order.Select(o => o.PublicationId).ToList();
        var rank = order.ToDictionary(o => o.PublicationId, o => o.SortOrder);
        // Their Cite blocks load the BibTeX from the profile's publication list; when the owner hides
        // that list the page carries it itself (a project relates to a handful of papers).
        var citeFromList = header.ShowsPublications;
        RelatedPublications = ids.Count == 0 ? [] : (await PublicationQueries.LoadAsync(
                db, header.Id, PublicationQueries.Visible(db, header.Id).Where(pp => ids.Contains(pp.PublicationId)),
                header.ShowCitationCounts, withBibtex: !citeFromList, ct))
            .OrderBy(p => rank[p.Id])
            .Select(p => citeFromList ? p.CitedFrom(header.Slug) : p)
            .ToList();
        Description = Excerpt.Of(project.Summary, PageHead.DescriptionLength)
            ?? Excerpt.Of(MarkdownRenderer.ToPlainText(project.NarrativeMarkdown), PageHead.DescriptionLength)
            ?? $"A project of {header.DisplayName}";
        ViewData.SetPageHead(new PageHead
        {
            Canonical = site.Absolute(path),
            Card = new SharingCard("article", project.Title, Description),
        });
        return Page();
    }
}
