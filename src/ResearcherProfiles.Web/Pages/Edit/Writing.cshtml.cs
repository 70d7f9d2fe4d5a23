using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

public class WritingModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : SectionEditorPageModel<WritingItem, WritingModel.WritingInput>(db, access, publicPages)
{
    public override string SectionPath => "writing";
    public override string SectionTitle => "Writing";
    public override string ItemName => "writing link";
    public override string ItemNameWithArticle => "a writing link";

    /// <summary>The list titles in use, offered as suggestions so items land in the same list.</summary>
    public IReadOnlyList<string> ListTitles => [.. Rows.Select(r => r.Detail).OfType<string>().Distinct(StringComparer.Ordinal)];

    public sealed class WritingInput : SectionInput
    {
        [Display(Name = "List title")]
        [StringLength(200, ErrorMessage = "The list title is at most {1} characters.")]
        public string? ListTitle { get; set; }

        [Display(Name = "Title")]
        [Required(ErrorMessage = "Enter the title.")]
        [StringLength(300, ErrorMessage = "The title is at most {1} characters.")]
        public string? Title { get; set; }

        [Display(Name = "Address (URL)")]
        [Required(ErrorMessage = "Enter the address.")]
        [StringLength(2048, ErrorMessage = "The address is at most {1} characters.")]
        [HttpUrl]
        public string? Url { get; set; }

        [Display(Name = "Description")]
        [StringLength(500, ErrorMessage = "The description is at most {1} characters.")]
        public string? Description { get; set; }

        [Display(Name = "Date")]
        [PartialDateText]
        public string? Date { get; set; }
    }

    protected override WritingItem NewItem() => new() { Title = string.Empty, Url = string.Empty };

    protected override WritingInput ToInput(WritingItem item) => new()
    {
        ListTitle = item.ListTitle,
        Title = item.Title,
        Url = item.Url,
        Description = item.Description,
        Date = FormText.Date(item.Date),
    };

    protected override void Apply(WritingInput input, WritingItem item)
    {
        item.ListTitle = FormText.Clean(input.ListTitle);
        item.Title = input.Title!.Trim();
        item.Url = input.Url!.Trim();
        item.Description = FormText.CleanMultiline(input.Description);
        item.Date = FormText.Date(input.Date);
    }

    protected override SectionRow ToRow(WritingItem item) => new(item.Id, item.Title, item.ListTitle, item.IsVisible);
}
