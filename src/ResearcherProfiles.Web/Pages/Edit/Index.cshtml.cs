using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Data.Configurations;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>The editor's home: the navigation to every section and the profile's own fields.</summary>
public class IndexModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages) : EditorPageModel(access, publicPages)
{
    public const string SlugTakenMessage = "Another profile already uses this address.";
    private const string SlugPattern = ProfileSlug.Pattern;
    private const int MaxListEntries = 50;
    private const int MaxEntryLength = 100;

    [BindProperty]
    public BasicsInput Input { get; set; } = new();

    public string? PreviewHtml { get; private set; }

    public sealed class BasicsInput : SectionInput
    {
        [Display(Name = "Display name")]
        [Required(ErrorMessage = "Enter the name shown on the profile.")]
        [StringLength(200, ErrorMessage = "The display name is at most {1} characters.")]
        public string? DisplayName { get; set; }

        [Display(Name = "Given name")]
        [StringLength(100, ErrorMessage = "The given name is at most {1} characters.")]
        public string? GivenName { get; set; }

        [Display(Name = "Family name")]
        [Required(ErrorMessage = "Enter the family name; the directory sorts by it.")]
        [StringLength(100, ErrorMessage = "The family name is at most {1} characters.")]
        public string? FamilyName { get; set; }

        [Display(Name = "Pronouns")]
        [StringLength(40, ErrorMessage = "The pronouns are at most {1} characters.")]
        public string? Pronouns { get; set; }

        [Display(Name = "Profile address")]
        [Required(ErrorMessage = "Enter the profile's address.")]
        [StringLength(ResearcherConfiguration.SlugMaxLength, ErrorMessage = "The address is at most {1} characters.")]
        [RegularExpression(SlugPattern, ErrorMessage = "Use lowercase letters, digits and single hyphens between them, e.g. ada-lovelace.")]
        public string? Slug { get; set; }

        [Display(Name = "Headline")]
        [StringLength(300, ErrorMessage = "The headline is at most {1} characters.")]
        public string? Headline { get; set; }

        [Display(Name = "Affiliation")]
        [StringLength(300, ErrorMessage = "The affiliation is at most {1} characters.")]
        public string? Affiliation { get; set; }

        [Display(Name = "Location")]
        [StringLength(200, ErrorMessage = "The location is at most {1} characters.")]
        public string? Location { get; set; }

        [Display(Name = "Email")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, e.g. name@example.org.")]
        [VisibleEmail]
        [StringLength(254, ErrorMessage = "The email address is at most {1} characters.")]
        public string? Email { get; set; }

        [Display(Name = "Show the email address on the public profile")]
        public bool ShowEmail { get; set; }

        [Display(Name = "Phone")]
        [StringLength(50, ErrorMessage = "The phone number is at most {1} characters.")]
        public string? Phone { get; set; }

        [Display(Name = "Show the phone number on the public profile")]
        public bool ShowPhone { get; set; }

        [Display(Name = "Website")]
        [StringLength(2048, ErrorMessage = "The website address is at most {1} characters.")]
        [HttpUrl]
        public string? Website { get; set; }

        [Display(Name = "Research interests")]
        public string? Interests { get; set; }

        [Display(Name = "Skills")]
        public string? Skills { get; set; }

        [Display(Name = "Other spellings of your name")]
        public string? NameVariants { get; set; }

        [Display(Name = "Offer a CV: link the CV page, its PDF and a JSON Resume from the profile")]
        public bool OfferCv { get; set; }

        [Display(Name = "Note under the publication list")]
        [StringLength(500, ErrorMessage = "The note is at most {1} characters.")]
        [MarkdownText]
        public string? PublicationsNote { get; set; }

        [Display(Name = "About")]
        [StringLength(20_000, ErrorMessage = "The About text is at most {1} characters.")]
        [MarkdownText]
        public string? AboutMarkdown { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var researcher = await db.Researchers.FirstAsync(r => r.Id == Profile.Id, ct);
        Input = ToInput(researcher);
        OriginalValues = FormSnapshot.Capture(Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var slug = Input.Slug?.Trim();
        const string slugKey = $"{nameof(Input)}.{nameof(BasicsInput.Slug)}";
        if (ModelState.GetFieldValidationState(slugKey) != ModelValidationState.Invalid && slug is not null)
        {
            // A profile that already has a reserved address keeps it; only choosing one is refused.
            if (slug != Profile.Slug && ProfileSlug.IsReserved(slug))
            {
                ModelState.AddModelError(slugKey, ProfileSlug.ReservedMessage(slug));
            }
            else if (await db.Researchers.AnyAsync(r => r.Slug == slug && r.Id != Profile.Id, ct))
            {
                ModelState.AddModelError(slugKey, SlugTakenMessage);
            }
        }
        CheckList(Input.Interests, commas: true, nameof(BasicsInput.Interests), "interest");
        CheckList(Input.Skills, commas: false, nameof(BasicsInput.Skills), "skill");
        CheckList(Input.NameVariants, commas: false, nameof(BasicsInput.NameVariants), "name");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // A save rolled back because another held the rows it needed (a co-author's import holding
        // the author lists a new address rewrites) is run again: it reads the profile afresh, so
        // a change someone made meanwhile is still shown as a conflict, never overwritten.
        return await SaveAgain.OnConflictAsync(db, () => SaveAsync(slugKey, ct));
    }

    private async Task<IActionResult> SaveAsync(string slugKey, CancellationToken ct)
    {
        var researcher = await db.Researchers.AsTracking().FirstAsync(r => r.Id == Profile.Id, ct);
        if (researcher.Version != Input.Version)
        {
            return ShowConflict(researcher);
        }
        db.Entry(researcher).Property(r => r.Version).OriginalValue = Input.Version;
        Apply(Input, researcher);
        if (db.Entry(researcher).State == EntityState.Modified)
        {
            researcher.UpdatedAt = DateTimeOffset.UtcNow;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ShowConflict(await db.Researchers.FirstAsync(r => r.Id == Profile.Id, ct));
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e, "Researchers", "Slug"))
        {
            // Another profile took the address between the check above and this save.
            ModelState.AddModelError(slugKey, SlugTakenMessage);
            return Page();
        }
        StatusMessage = "Saved. The public profile shows the change.";
        return Redirect($"{EditorSections.Url(researcher.Slug, string.Empty)}#{FormLanding.Status}");
    }

    /// <summary>Shows the About text as the public page will; changes nothing.</summary>
    public IActionResult OnPostPreview()
    {
        ModelState.Clear();
        PreviewHtml = MarkdownRenderer.ToHtml(Input.AboutMarkdown, MarkdownFields.About.TopHeadingLevel);
        return Page();
    }

    private void CheckList(string? text, bool commas, string field, string noun)
    {
        var entries = FormText.Lines(text, commas);
        var key = $"{nameof(Input)}.{field}";
        if (entries.Count > MaxListEntries)
        {
            ModelState.AddModelError(key, $"List at most {MaxListEntries} entries.");
        }
        else if (entries.FirstOrDefault(e => e.Length > MaxEntryLength) is { } tooLong)
        {
            ModelState.AddModelError(key, $"Each {noun} is at most {MaxEntryLength} characters; “{tooLong[..20]}…” is longer.");
        }
    }

    private PageResult ShowConflict(Researcher current)
    {
        KeepTypedFormAgainst(Input, ToInput(current));
        return Page();
    }

    private static BasicsInput ToInput(Researcher r) => new()
    {
        Version = r.Version,
        DisplayName = r.DisplayName,
        GivenName = r.GivenName,
        FamilyName = r.FamilyName,
        Pronouns = r.Pronouns,
        Slug = r.Slug,
        Headline = r.Headline,
        Affiliation = r.Affiliation,
        Location = r.Location,
        Email = r.Email,
        ShowEmail = r.ShowEmail,
        Phone = r.Phone,
        ShowPhone = r.ShowPhone,
        Website = r.Website,
        Interests = FormText.Lines(r.Interests),
        Skills = FormText.Lines(r.Skills),
        NameVariants = FormText.Lines(r.NameVariants),
        OfferCv = r.OfferCv,
        PublicationsNote = r.PublicationsNote,
        AboutMarkdown = r.AboutMarkdown,
    };

    private static void Apply(BasicsInput input, Researcher r)
    {
        r.DisplayName = input.DisplayName!.Trim();
        r.GivenName = FormText.Clean(input.GivenName);
        r.FamilyName = input.FamilyName!.Trim();
        r.Pronouns = FormText.Clean(input.Pronouns);
        r.Slug = input.Slug!.Trim();
        r.Headline = FormText.Clean(input.Headline);
        r.Affiliation = FormText.Clean(input.Affiliation);
        r.Location = FormText.Clean(input.Location);
        r.Email = FormText.Clean(input.Email);
        r.ShowEmail = input.ShowEmail;
        r.Phone = FormText.Clean(input.Phone);
        r.ShowPhone = input.ShowPhone;
        r.Website = FormText.Clean(input.Website);
        r.Interests = FormText.Lines(input.Interests, commas: true);
        r.Skills = FormText.Lines(input.Skills);
        r.NameVariants = FormText.Lines(input.NameVariants);
        r.OfferCv = input.OfferCv;
        r.PublicationsNote = FormText.Clean(input.PublicationsNote);
        r.AboutMarkdown = FormText.CleanMultiline(input.AboutMarkdown);
    }
}
