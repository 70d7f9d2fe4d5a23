using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

public class PositionsModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : SectionEditorPageModel<Position, PositionsModel.PositionInput>(db, access, publicPages)
{
    public override string SectionPath => "positions";
    public override string SectionTitle => "Experience";
    public override string ItemName => "position";
    public override string ItemNameWithArticle => "a position";
    public override bool HasPreview => true;

    public sealed class PositionInput : SectionInput
    {
        [Display(Name = "Title")]
        [StringLength(200, ErrorMessage = "The title is at most {1} characters.")]
        public string? Title { get; set; }

        [Display(Name = "Employer")]
        [Required(ErrorMessage = "Enter the employer.")]
        [StringLength(200, ErrorMessage = "The employer is at most {1} characters.")]
        public string? Employer { get; set; }

        [Display(Name = "Location")]
        [StringLength(200, ErrorMessage = "The location is at most {1} characters.")]
        public string? Location { get; set; }

        [Display(Name = "Kind")]
        public PositionKind Kind { get; set; }

        [Display(Name = "Start")]
        [PartialDateText]
        public string? Start { get; set; }

        [Display(Name = "End")]
        [PartialDateText(OpenEnd = true)]
        public string? End { get; set; }

        [Display(Name = "Description")]
        [StringLength(5000, ErrorMessage = "The description is at most {1} characters.")]
        [MarkdownText]
        public string? DescriptionMarkdown { get; set; }
    }

    protected override Position NewItem() => new() { Employer = string.Empty };

    protected override PositionInput ToInput(Position item) => new()
    {
        Title = item.Title,
        Employer = item.Employer,
        Location = item.Location,
        Kind = item.Kind,
        Start = FormText.Date(item.Start),
        End = FormText.Date(item.End),
        DescriptionMarkdown = item.DescriptionMarkdown,
    };

    protected override void Validate(PositionInput input) =>
        DateRules.EndNotBeforeStart(ModelState, input.Start, input.End, $"{nameof(Input)}.{nameof(PositionInput.End)}");

    protected override void Apply(PositionInput input, Position item)
    {
        item.Title = FormText.Clean(input.Title);
        item.Employer = input.Employer!.Trim();
        item.Location = FormText.Clean(input.Location);
        item.Kind = input.Kind;
        item.Start = FormText.Date(input.Start);
        item.End = FormText.Date(input.End);
        item.DescriptionMarkdown = FormText.CleanMultiline(input.DescriptionMarkdown);
    }

    protected override SectionRow ToRow(Position item) =>
        new(item.Id, item.Title ?? item.Employer,
            string.Join(" · ", new[] { item.Title is null ? "" : item.Employer, DateRange.Format(item.Start, item.End) }.Where(s => s.Length > 0)),
            item.IsVisible);

    protected override string? PreviewMarkdown(PositionInput input) => input.DescriptionMarkdown;

    protected override int PreviewTopHeadingLevel => MarkdownFields.PositionDescription.TopHeadingLevel;
}
