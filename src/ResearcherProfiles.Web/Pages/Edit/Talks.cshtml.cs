using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

public class TalksModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : SectionEditorPageModel<Talk, TalksModel.TalkInput>(db, access, publicPages)
{
    public override string SectionPath => "talks";
    public override string SectionTitle => "Talks";
    public override string ItemName => "talk";
    public override string ItemNameWithArticle => "a talk";

    protected override Func<Talk, PartialDate?> DateOf => talk => talk.Date;

    public sealed class TalkInput : SectionInput
    {
        [Display(Name = "Title")]
        [StringLength(300, ErrorMessage = "The title is at most {1} characters.")]
        public string? Title { get; set; }

        [Display(Name = "Host")]
        [StringLength(200, ErrorMessage = "The host is at most {1} characters.")]
        public string? Host { get; set; }

        [Display(Name = "Location")]
        [StringLength(200, ErrorMessage = "The location is at most {1} characters.")]
        public string? Location { get; set; }

        [Display(Name = "Date")]
        [PartialDateText]
        public string? Date { get; set; }

        [Display(Name = "Web page")]
        [StringLength(2048, ErrorMessage = "The address is at most {1} characters.")]
        [HttpUrl]
        public string? Url { get; set; }

        [Display(Name = "Slides")]
        [StringLength(2048, ErrorMessage = "The address is at most {1} characters.")]
        [HttpUrl]
        public string? SlidesUrl { get; set; }

        [Display(Name = "Video")]
        [StringLength(2048, ErrorMessage = "The address is at most {1} characters.")]
        [HttpUrl]
        public string? VideoUrl { get; set; }
    }

    protected override Talk NewItem() => new();

    /// <summary>A talk needs something to show it by: its title, or failing that where it was given.</summary>
    protected override void Validate(TalkInput input)
    {
        if (FormText.Clean(input.Title) is null && FormText.Clean(input.Host) is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(TalkInput.Title)}", "Enter the title of the talk, or at least its host.");
        }
    }

    protected override TalkInput ToInput(Talk item) => new()
    {
        Title = item.Title,
        Host = item.Host,
        Location = item.Location,
        Date = FormText.Date(item.Date),
        Url = item.Url,
        SlidesUrl = item.SlidesUrl,
        VideoUrl = item.VideoUrl,
    };

    protected override void Apply(TalkInput input, Talk item)
    {
        item.Title = FormText.Clean(input.Title);
        item.Host = FormText.Clean(input.Host);
        item.Location = FormText.Clean(input.Location);
        item.Date = FormText.Date(input.Date);
        item.Url = FormText.Clean(input.Url);
        item.SlidesUrl = FormText.Clean(input.SlidesUrl);
        item.VideoUrl = FormText.Clean(input.VideoUrl);
    }

    protected override SectionRow ToRow(Talk item) =>
        new(item.Id, item.Title ?? item.Host ?? "Talk",
            string.Join(", ", new[] { item.Title is null ? null : item.Host, item.Date?.ToDisplayString(shortMonth: true) }.Where(s => s is not null)) is { Length: > 0 } detail ? detail : null,
            item.IsVisible);
}
