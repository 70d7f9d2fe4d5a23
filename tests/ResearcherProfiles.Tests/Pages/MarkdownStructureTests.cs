using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// Every Markdown field keeps its headings below the title of the section or item that shows it,
/// on the public pages and in the editor's preview alike.
/// </summary>
public sealed class MarkdownStructureTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    /// <summary>Every Markdown heading level, top to bottom.</summary>
    internal const string AllLevels = "# One\n\ntext\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\nlast";

    /// <summary>Where each field's text sits on the profile page, and the level of the title above it.</summary>
    public static TheoryData<string, string, int> ProfileFields => new()
    {
        { "about", "section[aria-labelledby='about-heading']", 2 },
        { "news", ".news-body", 2 },
        { "publications-note", ".publications-note", 2 },
        { "project-narrative", ".project-narrative", 1 },
        { "position-description", ".timeline-item .item-detail.prose", 3 },
    };

    internal static ResearcherBuilder WithEveryMarkdownField(ResearcherBuilder builder, string markdown) => builder
        .With(r =>
        {
            r.AboutMarkdown = markdown;
            r.PublicationsNote = markdown;
        })
        .WithNews("2024-05", markdown)
        .WithPosition(new Position { Title = "Research scientist", Employer = "Lumen Research", DescriptionMarkdown = markdown })
        .WithProject(new Project { Title = "Long documents", Summary = "Reading long documents.", NarrativeMarkdown = markdown })
        .WithPublication("A paper with a note", p => p.Owner());

    [Theory]
    [MemberData(nameof(ProfileFields))]
    public async Task Each_field_on_the_profile_starts_one_level_below_its_title_and_keeps_every_level_apart(string field, string container, int titleLevel)
    {
        var profile = await WithEveryMarkdownField(new ResearcherBuilder($"Heading {field}"), AllLevels).SaveAsync(factory);

        var page = await PageOfAsync(profile.Slug, field);

        var levels = MarkdownHeadingLevels(page.Document.QuerySelector(container)!);
        var top = titleLevel + 1;
        Assert.Equal(new[] { top, top + 1, top + 2, top + 3, top + 4, top + 5 }.Select(l => Math.Min(l, 6)), levels);
        Assert.Equal(top, MarkdownFieldsLevel(field));
    }

    [Fact]
    public async Task The_publication_list_page_shows_the_note_below_its_h1()
    {
        var profile = await WithEveryMarkdownField(new ResearcherBuilder("Nora Note"), AllLevels).SaveAsync(factory);

        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}/publications");

        Assert.Equal(["h1"], page.Document.QuerySelectorAll("main h1").Select(h => h.LocalName));
        Assert.Equal([2, 3, 4, 5, 6, 6], MarkdownHeadingLevels(page.Document.QuerySelector(".publications-note")!));
    }

    [Fact]
    public async Task A_text_that_starts_at_a_lower_level_still_starts_right_below_the_title()
    {
        var profile = await new ResearcherBuilder("Lower Start").With(r => r.AboutMarkdown = "## Research\n\n### Methods\n\ntext").SaveAsync(factory);

        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");

        Assert.Equal([3, 4], MarkdownHeadingLevels(page.Document.QuerySelector("section[aria-labelledby='about-heading']")!));
    }

    [Theory]
    [MemberData(nameof(ProfileFields))]
    public async Task The_preview_of_each_field_has_the_headings_of_the_public_page(string field, string container, int titleLevel)
    {
        var (profile, owner) = await factory.OwnedProfileAsync(WithEveryMarkdownField(new ResearcherBuilder($"Preview {field}"), AllLevels));
        var token = await owner.TokenFromAsync($"/edit/{profile.Slug}");

        using var response = await owner.PostAsync($"/edit/{profile.Slug}/preview",
            new Dictionary<string, string> { ["field"] = field, ["text"] = AllLevels }, token);
        var preview = new HtmlParser().ParseDocument($"<!DOCTYPE html><body>{await response.Content.ReadAsStringAsync()}</body>").Body!;
        var page = await PageOfAsync(profile.Slug, field);

        var publicLevels = MarkdownHeadingLevels(page.Document.QuerySelector(container)!);
        Assert.Equal(publicLevels, MarkdownHeadingLevels(preview));
        Assert.True(publicLevels.Min() > titleLevel);
    }

    [Fact]
    public async Task Without_the_new_tab_option_no_link_on_the_profile_opens_a_new_tab()
    {
        var profile = await LinkedProfile(new ResearcherBuilder("Same Tab")).SaveAsync(factory);

        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");

        Assert.NotEmpty(page.Document.QuerySelectorAll("main a[href^='https://']"));
        Assert.Empty(page.Document.QuerySelectorAll("a[target]"));
        Assert.DoesNotContain("opens in a new tab", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A profile with links of every kind: to other sites, to the site itself, relative and mailto.</summary>
    internal static ResearcherBuilder LinkedProfile(ResearcherBuilder builder) => builder
        .With(r =>
        {
            r.Email = "owner@example.org";
            r.ShowEmail = true;
            r.Website = "https://owner.example.org/";
            r.AboutMarkdown = "Read [the paper](https://papers.example.com/1), [my list](http://localhost/people/someone/publications), "
                + "[relative](/people/someone), <https://auto.example.com/x> and [write](mailto:owner@example.org).";
        })
        .WithLink(ProfileLinkKind.GitHub, "https://github.example.com/owner")
        .WithPublication("A linked paper", p => p.Owner().Link(PublicationLinkKind.Code, "https://code.example.com/repo"), highlighted: true);

    /// <summary>The public page that shows <paramref name="field"/>: the profile, or for a project's write-up the project's own page.</summary>
    private async Task<HtmlPage> PageOfAsync(string slug, string field)
    {
        var visitor = factory.CreateVisitor();
        var profile = await visitor.GetPageAsync($"/people/{slug}");
        return field == "project-narrative"
            ? await visitor.GetPageAsync(profile.Document.QuerySelector(".project-title a")!.GetAttribute("href")!)
            : profile;
    }

    private static int MarkdownFieldsLevel(string field) => MarkdownFields.ByName[field].TopHeadingLevel;

    /// <summary>The levels of the rendered text's headings in <paramref name="container"/>, without a section's own title ("…-heading").</summary>
    internal static IReadOnlyList<int> MarkdownHeadingLevels(IElement container) =>
        container.QuerySelectorAll("h1, h2, h3, h4, h5, h6")
            .Where(h => h.GetAttribute("id")?.EndsWith("-heading", StringComparison.Ordinal) != true)
            .Select(h => h.LocalName[1] - '0')
            .ToList();
}
