using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Data.Configurations;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Web.Admin;

/// <summary>The names and slug an administrator gives a profile they create for someone.</summary>
public class NewProfileInput
{
    public const string SlugPattern = ProfileSlug.Pattern;
    public const string SlugFormatMessage = "Use lowercase letters, digits and single hyphens, e.g. ada-lovelace.";
    public const string SlugTakenMessage = "Another profile already uses this slug.";

    [Display(Name = "Display name")]
    [Required(ErrorMessage = "Enter the name shown on the profile.")]
    [StringLength(200, ErrorMessage = "The display name is at most {1} characters.")]
    public string? DisplayName { get; set; }

    [Display(Name = "Given name")]
    [StringLength(100, ErrorMessage = "The given name is at most {1} characters.")]
    public string? GivenName { get; set; }

    [Display(Name = "Family name")]
    [Required(ErrorMessage = "Enter the family name; the directory is sorted by it.")]
    [StringLength(100, ErrorMessage = "The family name is at most {1} characters.")]
    public string? FamilyName { get; set; }

    [Required(ErrorMessage = "Enter the slug, the last part of the profile's address.")]
    [StringLength(ResearcherConfiguration.SlugMaxLength, ErrorMessage = "The slug is at most {1} characters.")]
    [RegularExpression(SlugPattern, ErrorMessage = SlugFormatMessage)]
    public string? Slug { get; set; }

    /// <summary>Adds an error under <paramref name="prefix"/>.Slug when the slug is taken, in the trash included.</summary>
    public async Task CheckSlugIsFreeAsync(AppDbContext db, ModelStateDictionary modelState, string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        var key = SlugKey(prefix);
        if (modelState.GetFieldValidationState(key) != ModelValidationState.Valid || Slug is null)
        {
            return;
        }
        if (ProfileSlug.IsReserved(Slug))
        {
            modelState.AddModelError(key, ProfileSlug.ReservedMessage(Slug));
        }
        else if (await db.Researchers.AnyAsync(r => r.Slug == Slug, ct))
        {
            modelState.AddModelError(key, SlugTakenMessage);
        }
    }

    /// <summary>
    /// True, with the same message as <see cref="CheckSlugIsFreeAsync"/>, when <paramref name="exception"/>
    /// is the unique index refusing the slug: someone took it between the check and the save.
    /// </summary>
    public static bool SlugTakenMeanwhile(DbUpdateException exception, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (!DatabaseErrors.IsUniqueViolation(exception, "Researchers", "Slug"))
        {
            return false;
        }
        modelState.AddModelError(SlugKey(prefix), SlugTakenMessage);
        return true;
    }

    private static string SlugKey(string prefix) => $"{prefix}.{nameof(Slug)}";

    public Researcher ToResearcher(DateTimeOffset now) => new()
    {
        DisplayName = DisplayName!.Trim(),
        GivenName = string.IsNullOrWhiteSpace(GivenName) ? null : GivenName.Trim(),
        FamilyName = FamilyName!.Trim(),
        Slug = Slug!,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
