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

    public sealed class AwardInput : SectionInput
    {
        [Display(Name = "Title")]
        [Required(ErrorMessage = "Enter the title of the award.")]
        [StringLength(300, ErrorMessage = "The title is at most {1} characters.")]
        public string? Title { get; set; }

        [Display(Name = "Issuer")]
        [StringLength(200, ErrorMessage = "The issuer is at most {1} characters.")]
        public string? Issuer { get; set; }

        [Display(Name = "Year")]
        [Range(PartialDate.MinYear, PartialDate.MaxYear, ErrorMessage = "The year must be between {1} and {2}.")]
        public int? Year { get; set; }

        [Display(Name = "Note")]
        [StringLength(300, ErrorMessage = "The note is at most {1} characters.")]
        public string? Note { get; set; }
    }

    protected override Award NewItem() => new() { Title = string.Empty };

    protected override AwardInput ToInput(Award item) => new() { Title = item.Title, Issuer = item.Issuer, Year = item.Year, Note = item.Note };

    protected override void Apply(AwardInput input, Award item)
    {
        item.Title = input.Title!.Trim();
        item.Issuer = FormText.Clean(input.Issuer);
        item.Year = input.Year;
        item.Note = FormText.Clean(input.Note);
    }

    protected override SectionRow ToRow(Award item) =>
        new(item.Id, item.Title,
            string.Join(", ", new[] { item.Issuer, item.Year?.ToString(CultureInfo.InvariantCulture) }.Where(s => s is not null)) is { Length: > 0 } detail ? detail : null,
            item.IsVisible);
}
