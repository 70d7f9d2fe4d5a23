using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// BibTeX import in two steps: the pasted or uploaded text is previewed entry by entry (new,
/// already on the site, already on the profile, repeated, or broken), then the chosen entries are
/// imported in one transaction. The preview carries the text it showed, and the import plans that
/// text again, so what is saved is checked against the site as it is at that moment.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
// Every previewed entry posts its own checkbox: a long .bib file sends many more values than a usual form.
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes, ValueCountLimit = 50_000)]
public sealed class PublicationImportModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    // A form-encoded copy of the largest text, with room for the framing around it.
    private const int MaxRequestBytes = 3 * BibtexImporter.MaxLength + 64 * 1024;
    public const string EmptyMessage = "Paste BibTeX entries or choose a .bib file.";
    public const string BinaryMessage = "The file is not a text file; BibTeX files are plain text.";
    public const string NoEntriesMessage = "No BibTeX entries were found. Entries begin with @, e.g. @article{key, title = {...}, ...}.";
    public static readonly string TooLongMessage = $"The BibTeX is longer than {BibtexImporter.MaxLength / (1024 * 1024)} MB; import it in parts.";

    [BindProperty]
    [Display(Name = "BibTeX")]
    public string? Bibtex { get; set; }

    [BindProperty]
    [Display(Name = "Or upload a .bib file")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    [Display(Name = "Use abstracts as summaries")]
    public bool AbstractsAsSummaries { get; set; }

    private BibtexMappingOptions Options => new(AbstractsAsSummaries);

    /// <summary>The indexes of the previewed entries the person ticked.</summary>
    [BindProperty]
    public List<int> Chosen { get; set; } = [];

    public ImportPlan? Plan { get; private set; }

    /// <summary>Each importable entry as it will appear on the profile, by index.</summary>
    public IReadOnlyDictionary<int, PublicationView> Views { get; private set; } = new Dictionary<int, PublicationView>();

    public string? Notice { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var text = await ReadSourceAsync(ct);
        if (text is null)
        {
            return Page();
        }
        var plan = await new BibtexImporter(db).PlanAsync(Profile.Id, text, Options, ct);
        if (plan.Candidates.Count == 0)
        {
            ModelState.AddModelError(nameof(Bibtex), NoEntriesMessage);
            return Page();
        }
        Bibtex = text;
        Plan = plan;
        Views = await ViewsAsync(plan, ct);
        // The preview shows the text as read (an uploaded file included), not what was posted.
        ModelState.Remove(nameof(Bibtex));
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Bibtex) || Bibtex.Length > BibtexImporter.MaxLength)
        {
            return BadRequest();
        }
        if (Chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(Chosen), "Tick at least one entry to import.");
            Plan = await new BibtexImporter(db).PlanAsync(Profile.Id, Bibtex, Options, ct);
            Views = await ViewsAsync(Plan, ct);
            return Page();
        }
        // The import plans again from the text as it saves, so a save that lost a race (a co-author's
        // save holding the same papers' rows) is simply run again.
        var outcome = await SaveAgain.OnConflictAsync(db, () => new BibtexImporter(db).ImportAsync(Profile.Id, Bibtex, Chosen.ToHashSet(), Options, ct));
        StatusMessage = Summary(outcome);
        return RedirectToPage("/Edit/Publications", null, new { slug = Profile.Slug }, FormLanding.Status);
    }

    private static string Summary(ImportOutcome outcome)
    {
        var parts = new List<string>();
        if (outcome.Created > 0)
        {
            parts.Add($"Imported {Count(outcome.Created, "new publication")}.");
        }
        if (outcome.Joined > 0)
        {
            parts.Add($"Added {Count(outcome.Joined, "publication")} already on the site to your profile.");
        }
        if (outcome.Skipped > 0)
        {
            parts.Add(outcome.Skipped == 1
                ? "Skipped 1 entry that was already on your profile by then."
                : $"Skipped {Count(outcome.Skipped, "entry", "entries")} that were already on your profile by then.");
        }
        if (outcome.Refused > 0)
        {
            parts.Add(outcome.Refused == 1
                ? "Left out 1 entry that cannot be imported: a conflict with a paper on the site, or an entry that could not be read (the preview says which)."
                : $"Left out {Count(outcome.Refused, "entry", "entries")} that cannot be imported: conflicts with papers on the site, or entries that could not be read (the preview says which).");
        }
        return parts.Count == 0 ? "Nothing was imported." : string.Join(" ", parts);
    }

    public static string Count(int n, string singular, string? plural = null) =>
        $"{n:N0} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>The text to preview: the uploaded file when there is one, checked to be text, otherwise the pasted text.</summary>
    private async Task<string?> ReadSourceAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > BibtexImporter.MaxLength)
            {
                ModelState.AddModelError(nameof(Upload), TooLongMessage);
                return null;
            }
            var bytes = new byte[Upload.Length];
            await using (var stream = Upload.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                ModelState.AddModelError(nameof(Upload), BinaryMessage);
                return null;
            }
            try
            {
                // The same cleaning as every typed field: an uploaded file skips the form's value providers.
                return ControlCharacters.Strip(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes));
            }
            catch (DecoderFallbackException)
            {
                // Older .bib files are often Latin-1, where every byte is a character.
                Notice = "The file is not UTF-8, so it was read as Latin-1 (ISO 8859-1). Check that accented letters look right below.";
                return ControlCharacters.Strip(Encoding.Latin1.GetString(bytes));
            }
        }
        if (string.IsNullOrWhiteSpace(Bibtex))
        {
            ModelState.AddModelError(nameof(Bibtex), EmptyMessage);
            return null;
        }
        if (Bibtex.Length > BibtexImporter.MaxLength)
        {
            ModelState.AddModelError(nameof(Bibtex), TooLongMessage);
            return null;
        }
        return Bibtex;
    }

    private async Task<Dictionary<int, PublicationView>> ViewsAsync(ImportPlan plan, CancellationToken ct)
    {
        var linked = plan.Candidates.Where(c => c.Mapped is not null)
            .SelectMany(c => c.Mapped!.Publication.Authors.Select(a => a.ResearcherId))
            .OfType<int>().Distinct().ToList();
        var slugs = await db.Researchers
            .Where(r => linked.Contains(r.Id) && !r.IsHidden && r.DeletedAt == null)
            .ToDictionaryAsync(r => r.Id, r => r.Slug, ct);
        return plan.Candidates.Where(c => c.Mapped is not null).ToDictionary(c => c.Index, c =>
        {
            var p = c.Mapped!.Publication;
            var authors = p.Authors.Select(a => new AuthorView(
                a.Name,
                a.ResearcherId is int id && id != Profile.Id ? slugs.GetValueOrDefault(id) : null,
                a.ResearcherId == Profile.Id,
                a.EqualContribution,
                a.Corresponding)).ToList();
            var links = p.Links.Select(l => new LinkView(l.Label ?? LinkLabels.For(l.Kind), l.Url)).ToList();
            return new PublicationView(0, p.Title, authors, p.VenueName, p.VenueShort, p.Year, p.Month, p.Type, p.Status,
                p.Badges, links, p.Summary, c.Mapped.Selected) { MarkHighlighted = true };
        });
    }
}
