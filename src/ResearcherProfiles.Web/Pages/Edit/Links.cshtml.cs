using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

public class LinksModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : SectionEditorPageModel<ProfileLink, LinksModel.LinkInput>(db, access, publicPages)
{
    public override string SectionPath => "links";
    public override string SectionTitle => "Links";
    public override string ItemName => "link";
    public override string ItemNameWithArticle => "a link";

    public sealed class LinkInput : SectionInput
    {
        [Display(Name = "Kind")]
        public ProfileLinkKind Kind { get; set; }

        [Display(Name = "Label")]
        [StringLength(100, ErrorMessage = "The label is at most {1} characters.")]
        public string? Label { get; set; }

        [Display(Name = "Address (URL)")]
        [Required(ErrorMessage = "Enter the link's address.")]
        [StringLength(2048, ErrorMessage = "The address is at most {1} characters.")]
        [HttpUrl]
        public string? Url { get; set; }
    }

    protected override ProfileLink NewItem() => new() { Url = string.Empty };

    protected override LinkInput ToInput(ProfileLink item) => new() { Kind = item.Kind, Label = item.Label, Url = item.Url };

    protected override void Apply(LinkInput input, ProfileLink item)
    {
        item.Kind = input.Kind;
        item.Label = FormText.Clean(input.Label);
        item.Url = input.Url!.Trim();
    }

    protected override SectionRow ToRow(ProfileLink item) =>
        new(item.Id, item.Label ?? LinkLabels.For(item.Kind), item.Url, item.IsVisible);
}
