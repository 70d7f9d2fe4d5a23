using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

public class EducationModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : SectionEditorPageModel<Education, EducationModel.EducationInput>(db, access, publicPages)
{
    public override string SectionPath => "education";
    public override string SectionTitle => "Education";
    public override string ItemName => "degree";
    public override string ItemNameWithArticle => "a degree";

    public sealed class EducationInput : SectionInput
    {
        [Display(Name = "Degree")]
        [Required(ErrorMessage = "Enter the degree.")]
        [StringLength(200, ErrorMessage = "The degree is at most {1} characters.")]
        public string? Degree { get; set; }

        [Display(Name = "Field")]
        [StringLength(200, ErrorMessage = "The field is at most {1} characters.")]
        public string? Field { get; set; }

        [Display(Name = "Institution")]
        [Required(ErrorMessage = "Enter the institution.")]
        [StringLength(200, ErrorMessage = "The institution is at most {1} characters.")]
        public string? Institution { get; set; }

        [Display(Name = "Location")]
        [StringLength(200, ErrorMessage = "The location is at most {1} characters.")]
        public string? Location { get; set; }

        [Display(Name = "Advisors")]
        [StringLength(300, ErrorMessage = "The advisors are at most {1} characters.")]
        public string? Advisors { get; set; }

        [Display(Name = "Start")]
        [PartialDateText]
        public string? Start { get; set; }

        [Display(Name = "End")]
        [PartialDateText]
        public string? End { get; set; }

        [Display(Name = "Description")]
        [StringLength(2000, ErrorMessage = "The description is at most {1} characters.")]
        public string? Description { get; set; }
    }

    protected override Education NewItem() => new() { Degree = string.Empty, Institution = string.Empty };

    protected override EducationInput ToInput(Education item) => new()
    {
        Degree = item.Degree,
        Field = item.Field,
        Institution = item.Institution,
        Location = item.Location,
        Advisors = item.Advisors,
        Start = FormText.Date(item.Start),
        End = FormText.Date(item.End),
        Description = item.Description,
    };

    protected override void Validate(EducationInput input) =>
        DateRules.EndNotBeforeStart(ModelState, input.Start, input.End, $"{nameof(Input)}.{nameof(EducationInput.End)}");

    protected override void Apply(EducationInput input, Education item)
    {
        item.Degree = input.Degree!.Trim();
        item.Field = FormText.Clean(input.Field);
        item.Institution = input.Institution!.Trim();
        item.Location = FormText.Clean(input.Location);
        item.Advisors = FormText.Clean(input.Advisors);
        item.Start = FormText.Date(input.Start);
        item.End = FormText.Date(input.End);
        item.Description = FormText.CleanMultiline(input.Description);
    }

    protected override SectionRow ToRow(Education item) =>
        new(item.Id, item.Field is null ? item.Degree : $"{item.Degree} in {item.Field}",
            string.Join(" · ", new[] { item.Institution, DateRange.Format(item.Start, item.End, "present") }.Where(s => s.Length > 0)),
            item.IsVisible);
}
