using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// Base of every profile-editor page (routes /edit/{slug}/...). Before any handler runs it checks
/// through <see cref="ProfileAccess"/> that the signed-in user owns the profile or is an
/// administrator: 404 for an unknown slug, 403 for someone else's profile.
/// </summary>
public abstract class EditorPageModel(ProfileAccess access, IOutputCacheStore publicPages) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public EditableProfile Profile { get; private set; } = null!;

    public const string ConcurrentChangeMessage = "Someone changed this at the same time, so nothing was changed. Look at the page again and retry.";

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>
    /// The field values the page's form was opened with (see <see cref="FormSnapshot"/>), posted
    /// back in a hidden field so that a stale save can say what changed meanwhile.
    /// </summary>
    [BindProperty]
    public string? OriginalValues { get; set; }

    /// <summary>Set when a save was refused because someone else changed the record meanwhile: the fields they changed.</summary>
    public IReadOnlyList<FieldChange>? Conflict { get; private set; }

    /// <summary>
    /// The one way every editor form refuses a stale save: the form keeps what the person typed,
    /// now based on the current version (so saving it again deliberately replaces the other
    /// change), and <see cref="Conflict"/> lists the fields that differ from what they opened.
    /// </summary>
    /// <param name="posted">The bound form (its Version is moved on to the current one).</param>
    /// <param name="current">The record as it is now, in the form's shape.</param>
    protected void KeepTypedFormAgainst(SectionInput posted, SectionInput current)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(current);
        posted.Version = current.Version;
        ModelState.Remove($"Input.{nameof(SectionInput.Version)}");
        ShowConflictWith(current);
    }

    /// <summary>
    /// The part of <see cref="KeepTypedFormAgainst"/> every form shares, for forms that carry their
    /// versions otherwise (one per row): lists what differs from what the editor opened (or the
    /// <paramref name="changes"/> the form worked out itself), and takes <paramref name="current"/>
    /// as the form's new starting point.
    /// </summary>
    protected void ShowConflictWith(object current, IReadOnlyList<FieldChange>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        Conflict = changes ?? FormSnapshot.Compare(OriginalValues, current);
        OriginalValues = FormSnapshot.Capture(current);
        // The hidden fields are rendered from ModelState first: drop the posted (stale) value.
        ModelState.Remove(nameof(OriginalValues));
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var (result, profile) = await access.CheckAsync(User, Slug, HttpContext.RequestAborted);
        switch (result)
        {
            case AccessResult.NotFound:
                context.Result = NotFound();
                return;
            case AccessResult.Forbidden:
                context.Result = Forbid();
                return;
        }
        Profile = profile!;
        var changing = HttpMethods.IsPost(Request.Method);
        // The profiles sharing a paper with this one before the change as well as after it: a
        // paper this change removes or joins alters their pages too.
        var db = HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var touched = changing ? await PublicPageTags.ProfilesSharingWithAsync(db, Profile.Id, HttpContext.RequestAborted) : [];
        // The home profile of a single-person site is on every page (the site's name, the home page).
        var everyPage = changing && await HttpContext.RequestServices.GetRequiredService<HomeProfile>().IsChosenAsync(Profile.Id, Profile.Slug, HttpContext.RequestAborted);
        var saved = false;
        void Saved(object? sender, SavedChangesEventArgs e) => saved = true;
        db.SavedChanges += Saved;
        PageHandlerExecutedContext executed;
        try
        {
            executed = await next();
        }
        finally
        {
            db.SavedChanges -= Saved;
        }
        if ((executed.Exception is DbUpdateConcurrencyException || DatabaseErrors.IsContention(executed.Exception)) && !executed.ExceptionHandled)
        {
            // Two changes to the same list or profile at once: the one that lost is refused,
            // not half-applied, and the page says so. Saves of whole forms show the conflict
            // themselves, and are run again when the database rolled them back because another
            // save held the rows they needed (SaveAgain); this covers the buttons (move, hide,
            // delete) and a save that met a deadlock on every try.
            executed.ExceptionHandled = true;
            StatusMessage = ConcurrentChangeMessage;
            executed.Result = Redirect($"{Request.PathBase}{Request.Path}");
            return;
        }
        // After any successful change, visitors see this profile's pages, those it shares papers
        // with and the listings anew; the rest of the site stays cached. A form sent back with
        // its mistakes, having saved nothing, changed nothing a visitor sees.
        var refused = !ModelState.IsValid && !saved;
        if (changing && executed.Exception is null && !refused)
        {
            if (everyPage)
            {
                await publicPages.EvictByTagAsync(PublicPageTags.All, HttpContext.RequestAborted);
                return;
            }
            var after = await PublicPageTags.ProfilesSharingWithAsync(db, Profile.Id, HttpContext.RequestAborted);
            await PublicPageTags.EvictProfilesAsync(publicPages, [.. touched.Union(after)], HttpContext.RequestAborted);
        }
    }
}
