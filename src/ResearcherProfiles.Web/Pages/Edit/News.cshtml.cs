using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

public class NewsModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : SectionEditorPageModel<NewsItem, NewsModel.NewsInput>(db, access, publicPages)
{
    public override string SectionPath => "news";
    public override string SectionTitle => "News";
    public override string ItemName => "news item";
    public override string ItemNameWithArticle => "a news item";
    public override bool HasPreview => true;

    protected override Func<NewsItem, PartialDate?> DateOf => item => item.Date;

    /// <summary>The editor's list shows the start of each item's text.</summary>
    private const int ListedLength = 120;

    public sealed class NewsInput : SectionInput
    {
        [Display(Name = "Date")]
        [Required(ErrorMessage = "Enter the date of the news item.")]
        [PartialDateText]
        public string? Date { get; set; }

        [Display(Name = "Text")]
        [Required(ErrorMessage = "Enter the text of the news item.")]
        [StringLength(2000, ErrorMessage = "The text is at most {1} characters.")]
        [MarkdownText]
        public string? BodyMarkdown { get; set; }
    }

    protected override NewsItem NewItem() => new() { BodyMarkdown = string.Empty };

    protected override NewsInput NewInput() => new() { Date = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture) };

    protected override NewsInput ToInput(NewsItem item) => new() { Date = item.Date.ToIsoString(), BodyMarkdown = item.BodyMarkdown };

    protected override void Apply(NewsInput input, NewsItem item)
    {
        item.Date = FormText.Date(input.Date)!.Value;
        item.BodyMarkdown = FormText.CleanMultiline(input.BodyMarkdown)!;
    }

    protected override SectionRow ToRow(NewsItem item)
    {
        var text = MarkdownRenderer.ToPlainText(item.BodyMarkdown);
        return new(item.Id, text.Length <= ListedLength ? text : string.Concat(text.AsSpan(0, ListedLength - 1), "…"),
            item.Date.ToDisplayString(shortMonth: true), item.IsVisible);
    }

    protected override string? PreviewMarkdown(NewsInput input) => input.BodyMarkdown;
}
