using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// The owner's backup of the profile's publications: every paper, hidden ones too, as BibTeX with
/// everything the site keeps that its import reads back (see <see cref="BibtexWriter.WriteBackup"/>).
/// An editor page, so only the owner and administrators get it; the public export is
/// /people/{slug}/publications.bib.
/// </summary>
public sealed class PublicationBackupModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Three queries whatever the number of papers: the entries, then all their authors, then all their links.
        var entries = await db.ProfilePublications
            .Where(pp => pp.ResearcherId == Profile.Id)
            .OrderBy(pp => pp.SortOrder)
            .Include(pp => pp.Publication!).ThenInclude(p => p.Authors.OrderBy(a => a.Position))
            .Include(pp => pp.Publication!).ThenInclude(p => p.Links.OrderBy(l => l.SortOrder))
            .AsSplitQuery()
            .ToListAsync(ct);
        // Hidden papers and the owner's private marks are in it: no shared cache may keep a copy.
        Response.Headers.CacheControl = "private, no-store";
        var date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(Encoding.UTF8.GetBytes(BibtexWriter.WriteBackup(entries)), "application/x-bibtex; charset=utf-8", $"{Profile.Slug}-publications-backup-{date}.bib");
    }
}
