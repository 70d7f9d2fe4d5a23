using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

public class AwardsModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : SectionEditorPageModel<Award, AwardsModel.AwardInput>(db, access, publicPages)
{
    public override string SectionPath => "awards";
    public override string SectionTitle => "Awards";
    public override string ItemName => "award";
    public override string ItemNameWithArticle => "an award";

    public sealed class AwardInput : SectionInput
    {
        [Display(Name = "Title")]
        [Required(ErrorMessage = "Enter the title of the award.")]
        [StringLength(300, ErrorMessage = "The title is at most {1} characters.")]
        public string? Title { get; set; }

        [Display(Name = "Issuer")]
        [StringLength(200, ErrorMessage = "The issuer is at most {1} characters.")]
        public string? Issuer { get; set; }

        /// <summary>
        /// Text, not a number, so that a range ("2019–2020") gets its own message rather than a
        /// type error: the award keeps one year and the range goes in the note.
        /// </summary>
        [Display(Name = "Year")]
        public string? Year { get; set; }

        [Display(Name = "Note")]
        [StringLength(300, ErrorMessage = "The note is at most {1} characters.")]
        public string? Note { get; set; }
    }

    protected override Award NewItem() => new() { Title = string.Empty };

    protected override AwardInput ToInput(Award item) => new() { Title = item.Title, Issuer = item.Issuer, Year = item.Year?.ToString(CultureInfo.InvariantCulture), Note = item.Note };

    public const string YearRangeMessage = "Enter one year, such as 2020; put a range in the note.";

    protected override void Validate(AwardInput input)
    {
        if (FormText.Clean(input.Year) is not { } year || ParseYear(year) is not null)
        {
            return;
        }
        var key = $"{nameof(Input)}.{nameof(AwardInput.Year)}";
        ModelState.AddModelError(key,
            year.Any(c => c is '-' or '–' or '—' or '/') ? YearRangeMessage
            : year.Length == 4 && year.All(char.IsAsciiDigit) ? $"The year must be between {PartialDate.MinYear} and {PartialDate.MaxYear}."
            : "Enter the year as four digits, such as 2020.");
    }

    private static int? ParseYear(string? text) =>
        FormText.Clean(text) is { Length: 4 } year && year.All(char.IsAsciiDigit)
        && int.Parse(year, CultureInfo.InvariantCulture) is var y and >= PartialDate.MinYear and <= PartialDate.MaxYear
            ? y
            : null;

    protected override void Apply(AwardInput input, Award item)
    {
        item.Title = input.Title!.Trim();
        item.Issuer = FormText.Clean(input.Issuer);
        item.Year = ParseYear(input.Year);
        item.Note = FormText.Clean(input.Note);
    }

    protected override SectionRow ToRow(Award item) =>
        new(item.Id, item.Title,
            string.Join(", ", new[] { item.Issuer, item.Year?.ToString(CultureInfo.InvariantCulture) }.Where(s => s is not null)) is { Length: > 0 } detail ? detail : null,
            item.IsVisible);
}
