using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Pages.Edit;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// The editor's Markdown fields that the public pages render with <see cref="Core.Text.MarkdownRenderer"/>,
/// by the name their textarea carries in data-markdown-preview: what the live preview renders, at
/// which heading level, and up to which length. The length comes from the field's own
/// <see cref="StringLengthAttribute"/>, so the preview and the save refuse the same texts.
/// </summary>
public static class MarkdownFields
{
    /// <param name="Name">The field's name in data-markdown-preview and in the preview request.</param>
    /// <param name="Label">The field in words, for the preview's label.</param>
    /// <param name="TopHeadingLevel">The level the text's headings start at on the public page.</param>
    /// <param name="MaxLength">The most characters the field keeps.</param>
    public sealed record Field(string Name, string Label, int TopHeadingLevel, int MaxLength)
    {
        public string TooLongMessage(int length) => string.Create(CultureInfo.InvariantCulture,
            $"The preview stops here: the {Label.ToLowerInvariant()} is {length:N0} characters long, and at most {MaxLength:N0} are kept. Shorten it to see the preview again.");
    }

    public static Field About { get; } = From<IndexModel.BasicsInput>(nameof(IndexModel.BasicsInput.AboutMarkdown), "about", "About", StoredMarkdown.AboutLevel);

    public static Field PublicationsNote { get; } = From<IndexModel.BasicsInput>(nameof(IndexModel.BasicsInput.PublicationsNote), "publications-note", "Note", StoredMarkdown.PublicationsNoteLevel);

    public static Field News { get; } = From<NewsModel.NewsInput>(nameof(NewsModel.NewsInput.BodyMarkdown), "news", "Text", StoredMarkdown.NewsLevel);

    /// <summary>Shown in full on the project's own page, right under its title (h1).</summary>
    public static Field ProjectNarrative { get; } = From<ProjectsModel.ProjectInput>(nameof(ProjectsModel.ProjectInput.NarrativeMarkdown), "project-narrative", "Narrative", StoredMarkdown.ProjectNarrativeLevel);

    public static Field PositionDescription { get; } = From<PositionsModel.PositionInput>(nameof(PositionsModel.PositionInput.DescriptionMarkdown), "position-description", "Description", StoredMarkdown.PositionLevel);

    /// <summary>A note above a section, under its title (h2).</summary>
    public static Field SectionIntro { get; } = From<LayoutModel.SectionInputRow>(nameof(LayoutModel.SectionInputRow.IntroMarkdown), "section-intro", "Intro", StoredMarkdown.SectionIntroLevel);

    public static IReadOnlyDictionary<string, Field> ByName { get; } =
        new[] { About, PublicationsNote, News, ProjectNarrative, PositionDescription, SectionIntro }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    private static Field From<TInput>(string property, string name, string label, int topHeadingLevel)
    {
        var limit = typeof(TInput).GetProperty(property)?.GetCustomAttribute<StringLengthAttribute>()
            ?? throw new InvalidOperationException($"{typeof(TInput).Name}.{property} has no length limit to preview within.");
        return new Field(name, label, topHeadingLevel, limit.MaximumLength);
    }
}
