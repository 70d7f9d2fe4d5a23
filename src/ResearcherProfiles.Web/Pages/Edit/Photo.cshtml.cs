using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// Uploads, replaces or removes the profile photo. An upload is stored re-encoded, without the
/// metadata it came with (<see cref="PhotoImages"/>). A replaced or removed photo's file is
/// deleted: a photo someone took down should not stay reachable at its old address.
/// </summary>
// Twice the largest photo is read, so that a photo somewhat over the limit gets the size message
// next to the field; a larger request is refused unread, with a page that says it was too large.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class PhotoModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages, IConfiguration configuration, IWebHostEnvironment environment)
    : EditorPageModel(access, publicPages)
{
    private const long MaxRequestBytes = 2 * PhotoFiles.MaxBytes + 64 * 1024;
    public const string WrongTypeMessage = "The photo must be a JPEG, PNG or WebP image.";
    public const string TooLargeMessage = "The photo is larger than 5 MB. Choose a smaller image.";
    public const string MissingMessage = "Choose an image file to upload.";
    public const string RemovedMessage = "Photo removed. The profile shows your initials.";

    [BindProperty]
    [Display(Name = "Photo file")]
    public IFormFile? Upload { get; set; }

    public string? PhotoPath { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var format = await CheckAsync(Upload, ct);
        if (format is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        PhotoImages.Result photo;
        await using (var content = Upload!.OpenReadStream())
        {
            photo = PhotoImages.Reencode(content, format);
        }
        if (photo.Error is not null)
        {
            ModelState.AddModelError(nameof(Upload), photo.Error);
            await LoadAsync(ct);
            return Page();
        }
        var directory = PhotoFiles.Directory(configuration, environment);
        using var encoded = new MemoryStream(photo.Content!, writable: false);
        var path = await PhotoFiles.SaveAsync(directory, encoded, format, ct);
        string? replaced;
        try
        {
            // Another save of the profile in between (another upload, an edit): the photo is set again on what it saved.
            replaced = await SaveAgain.OnConflictAsync(db, async () =>
            {
                var researcher = await db.Researchers.AsTracking().FirstAsync(r => r.Id == Profile.Id, ct);
                var before = researcher.PhotoPath;
                researcher.PhotoPath = path;
                researcher.UpdatedAt = DateTimeOffset.UtcNow;
                await db.SaveChangesAsync(ct);
                return before;
            });
        }
        catch
        {
            // Not saved: the file no profile refers to goes.
            PhotoFiles.Delete(directory, path);
            throw;
        }
        PhotoFiles.Delete(directory, replaced);
        StatusMessage = "Photo uploaded. The public profile shows it now.";
        return Redirect($"/edit/{Profile.Slug}/photo#{FormLanding.Status}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var removed = await SaveAgain.OnConflictAsync(db, async () =>
        {
            var researcher = await db.Researchers.AsTracking().FirstAsync(r => r.Id == Profile.Id, ct);
            var before = researcher.PhotoPath;
            if (before is not null)
            {
                researcher.PhotoPath = null;
                researcher.UpdatedAt = DateTimeOffset.UtcNow;
                await db.SaveChangesAsync(ct);
            }
            return before;
        });
        if (removed is not null)
        {
            PhotoFiles.Delete(PhotoFiles.Directory(configuration, environment), removed);
        }
        StatusMessage = RemovedMessage;
        return Redirect($"/edit/{Profile.Slug}/photo#{FormLanding.Status}");
    }

    /// <returns>The detected format, or null after adding the reason to ModelState.</returns>
    private async Task<PhotoFormat?> CheckAsync(IFormFile? upload, CancellationToken ct)
    {
        const string key = nameof(Upload);
        if (!ModelState.IsValid)
        {
            return null;
        }
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError(key, MissingMessage);
            return null;
        }
        if (upload.Length > PhotoFiles.MaxBytes)
        {
            ModelState.AddModelError(key, TooLargeMessage);
            return null;
        }
        var head = new byte[PhotoFiles.SignatureLength];
        await using var stream = upload.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var format = PhotoFiles.Detect(head.AsSpan(0, read));
        if (format is null)
        {
            ModelState.AddModelError(key, WrongTypeMessage);
        }
        return format;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        PhotoPath = await db.Researchers.Where(r => r.Id == Profile.Id).Select(r => r.PhotoPath).FirstAsync(ct);
}
