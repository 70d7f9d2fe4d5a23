using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// Connects a profile to the researcher's ids at ORCID, DBLP and OpenAlex: the background sync then
/// watches them for new works, which wait in the review queue. "Import from …" lists everything a
/// source has, through the BibTeX import's preview. Citation counts are switched on here too.
/// </summary>
public sealed class PublicationSourcesModel(AppDbContext db, OrcidClient orcid, DblpClient dblp, OpenAlexClient openAlex, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    public const string OrcidMessage = "This is not an ORCID iD: it has 16 digits (the last may be X) in groups of four, like 0000-0002-1825-0097, and its last digit must agree with the others.";
    public const string DblpMessage = "This is not a DBLP person id: it is the part of your DBLP page's address after /pid/, like 31/1161 or h/GeoffreyEHinton.";
    public const string OpenAlexMessage = "This is not an OpenAlex author id: it is an A followed by digits, like A5023888391, or its openalex.org address.";

    public sealed class ConnectionsInput : SectionInput
    {
        [Display(Name = "ORCID iD")]
        [StringLength(ResearcherIds.MaxLength, ErrorMessage = "An ORCID iD is at most {1} characters long.")]
        public string? OrcidId { get; set; }

        [Display(Name = "DBLP person id")]
        [StringLength(ResearcherIds.MaxLength, ErrorMessage = "A DBLP person id is at most {1} characters long.")]
        public string? DblpPid { get; set; }

        [Display(Name = "OpenAlex author id")]
        [StringLength(ResearcherIds.MaxLength, ErrorMessage = "An OpenAlex author id is at most {1} characters long.")]
        public string? OpenAlexAuthorId { get; set; }

        [Display(Name = "Show how often my papers are cited, with counts read from OpenAlex")]
        public bool ShowCitationCounts { get; set; }
    }

    [BindProperty]
    public ConnectionsInput Input { get; set; } = new();

    /// <summary>Fields filled in from the profile's own ORCID or DBLP link, not yet saved.</summary>
    public IReadOnlyList<string> FilledFromLinks { get; private set; } = [];

    public SourceSyncState? State { get; private set; }

    /// <summary>The sources whose id is saved, in the order the page lists them.</summary>
    public IReadOnlyList<(WorkSource Source, string Service)> Connected { get; private set; } = [];

    /// <summary>Whether citation counts are read for the profile (as saved).</summary>
    public bool ReadsCitations { get; private set; }

    /// <summary>After "Import from …": the source asked, what it listed, and the works as BibTeX for the import's preview.</summary>
    public (string Service, WorkList Works, string? Bibtex)? Listing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var researcher = await db.Researchers.FirstAsync(r => r.Id == Profile.Id, ct);
        Input = ToInput(researcher);
        OriginalValues = FormSnapshot.Capture(Input);
        await FillFromLinksAsync(ct);
        await LoadStateAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var orcidId = Read(Input.OrcidId, ResearcherIds.NormalizeOrcid, nameof(ConnectionsInput.OrcidId), OrcidMessage);
        var dblpPid = Read(Input.DblpPid, ResearcherIds.NormalizeDblpPid, nameof(ConnectionsInput.DblpPid), DblpMessage);
        var openAlexId = Read(Input.OpenAlexAuthorId, ResearcherIds.NormalizeOpenAlexAuthor, nameof(ConnectionsInput.OpenAlexAuthorId), OpenAlexMessage);
        if (!ModelState.IsValid)
        {
            await LoadStateAsync(ct);
            return Page();
        }
        var researcher = await db.Researchers.AsTracking().FirstAsync(r => r.Id == Profile.Id, ct);
        if (researcher.Version != Input.Version)
        {
            KeepTypedFormAgainst(Input, ToInput(researcher));
            await LoadStateAsync(ct);
            return Page();
        }
        db.Entry(researcher).Property(r => r.Version).OriginalValue = Input.Version;
        var changed = researcher.OrcidId != orcidId || researcher.DblpPid != dblpPid || researcher.OpenAlexAuthorId != openAlexId
            || researcher.ShowCitationCounts != Input.ShowCitationCounts;
        researcher.OrcidId = orcidId;
        researcher.DblpPid = dblpPid;
        researcher.OpenAlexAuthorId = openAlexId;
        researcher.ShowCitationCounts = Input.ShowCitationCounts;
        if (changed)
        {
            researcher.UpdatedAt = DateTimeOffset.UtcNow;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            KeepTypedFormAgainst(Input, ToInput(await db.Researchers.FirstAsync(r => r.Id == Profile.Id, ct)));
            await LoadStateAsync(ct);
            return Page();
        }
        var watching = (orcidId ?? dblpPid ?? openAlexId) is not null || Input.ShowCitationCounts;
        if (watching && changed)
        {
            await PaperSync.ScheduleAsync(db, Profile.Id, DateTime.UtcNow, ct);
        }
        StatusMessage = !changed ? "Nothing changed."
            : watching ? "Saved. New papers are looked for within a few minutes and then daily; they wait for you under New papers found."
            : "Saved. No source is watched for new papers now.";
        return RedirectToPage(null, null, new { slug = Profile.Slug }, FormLanding.Status);
    }

    /// <summary>Lists every work the chosen source has for the saved id, for the import's preview; nothing is saved.</summary>
    public async Task<IActionResult> OnPostImportAsync([FromForm] WorkSource source, CancellationToken ct)
    {
        var researcher = await db.Researchers.FirstAsync(r => r.Id == Profile.Id, ct);
        Input = ToInput(researcher);
        OriginalValues = FormSnapshot.Capture(Input);
        ModelState.Clear();
        await LoadStateAsync(ct);
        var service = PaperSync.ServiceName(source);
        var id = source switch
        {
            WorkSource.Orcid => researcher.OrcidId,
            WorkSource.Dblp => researcher.DblpPid,
            _ => researcher.OpenAlexAuthorId,
        };
        if (id is null)
        {
            StatusMessage = $"Save your {service} id first; then its works can be imported.";
            return RedirectToPage(null, null, new { slug = Profile.Slug }, FormLanding.Status);
        }
        var works = source switch
        {
            WorkSource.Orcid => await orcid.WorksAsync(id, ct),
            WorkSource.Dblp => await dblp.WorksAsync(id, ct),
            _ => await openAlex.WorksAsync(id, ct),
        };
        var bibtex = works.Works.Count == 0 ? null : FetchedBibtex.Write(works.Works.Select(w => w.Paper));
        Listing = (service, works, bibtex);
        return Page();
    }

    private string? Read(string? text, Func<string, string?> normalize, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var id = normalize(text);
        if (id is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }
        return id;
    }

    private async Task FillFromLinksAsync(CancellationToken ct)
    {
        if (Input.OrcidId is not null && Input.DblpPid is not null)
        {
            return;
        }
        var links = await db.ProfileLinks.Where(l => l.ResearcherId == Profile.Id && (l.Kind == ProfileLinkKind.Orcid || l.Kind == ProfileLinkKind.Dblp))
            .OrderBy(l => l.SortOrder).Select(l => new { l.Kind, l.Url }).ToListAsync(ct);
        var filled = new List<string>();
        if (Input.OrcidId is null && links.Where(l => l.Kind == ProfileLinkKind.Orcid).Select(l => ResearcherIds.NormalizeOrcid(l.Url)).FirstOrDefault(i => i is not null) is { } orcidId)
        {
            Input.OrcidId = orcidId;
            filled.Add("ORCID iD");
        }
        if (Input.DblpPid is null && links.Where(l => l.Kind == ProfileLinkKind.Dblp).Select(l => ResearcherIds.NormalizeDblpPid(l.Url)).FirstOrDefault(i => i is not null) is { } pid)
        {
            Input.DblpPid = pid;
            filled.Add("DBLP person id");
        }
        FilledFromLinks = filled;
    }

    private async Task LoadStateAsync(CancellationToken ct)
    {
        State = await db.SourceSyncStates.FirstOrDefaultAsync(s => s.ResearcherId == Profile.Id, ct);
        var ids = await db.Researchers.Where(r => r.Id == Profile.Id).Select(r => new { r.OrcidId, r.DblpPid, r.OpenAlexAuthorId, r.ShowCitationCounts }).SingleAsync(ct);
        ReadsCitations = ids.ShowCitationCounts;
        Connected = new[] { (WorkSource.Orcid, ids.OrcidId), (WorkSource.Dblp, ids.DblpPid), (WorkSource.OpenAlex, ids.OpenAlexAuthorId) }
            .Where(c => c.Item2 is not null).Select(c => (c.Item1, PaperSync.ServiceName(c.Item1))).ToList();
    }

    private static ConnectionsInput ToInput(Researcher r) => new()
    {
        Version = r.Version,
        OrcidId = r.OrcidId,
        DblpPid = r.DblpPid,
        OpenAlexAuthorId = r.OpenAlexAuthorId,
        ShowCitationCounts = r.ShowCitationCounts,
    };
}
