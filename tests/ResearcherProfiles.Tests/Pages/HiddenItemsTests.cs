using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>Items the owner hid (IsVisible = false) stay off the public pages, in every section.</summary>
public sealed class HiddenItemsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    public static TheoryData<string> Sections => new()
    {
        "links", "news", "publications", "projects", "education", "positions", "awards", "service", "talks", "writing",
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task Hidden_items_are_not_shown_but_visible_ones_are(string section)
    {
        var builder = new ResearcherBuilder("Hiding Person");
        AddItem(builder, section, "Visible thing", visible: true);
        AddItem(builder, section, "Hidden thing", visible: false);
        var researcher = await builder.SaveAsync(factory);

        var profile = await _visitor.GetPageAsync($"/people/{researcher.Slug}");
        var publications = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        var html = profile.Document.DocumentElement.OuterHtml;
        Assert.Contains("Visible thing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden thing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-thing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden thing", publications.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task A_section_whose_items_are_all_hidden_is_omitted(string section)
    {
        var builder = new ResearcherBuilder("Empty Sections");
        AddItem(builder, section, "Hidden thing", visible: false);
        var researcher = await builder.SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Empty(page.SectionHeadings);
        Assert.Null(page.Document.QuerySelector("nav.profile-links"));
    }

    [Fact]
    public async Task Hidden_publications_are_not_counted()
    {
        var researcher = await new ResearcherBuilder("Counting Person")
            .WithPublication("Shown A", p => p.Owner())
            .WithPublication("Hidden B", p => p.Owner(), highlighted: true, visible: false)
            .WithPublication("Shown C", p => p.Owner())
            .SaveAsync(factory);

        var profile = await _visitor.GetPageAsync($"/people/{researcher.Slug}");
        var list = await _visitor.GetPageAsync($"/people/{researcher.Slug}/publications");

        Assert.Equal("All publications (2)", profile.TextOf(".more-link a"));
        Assert.Equal("2 publications", list.TextOf(".page-summary"));
    }

    [Fact]
    public async Task A_publication_hidden_by_one_coauthor_still_shows_on_the_other_profile()
    {
        var hider = await new ResearcherBuilder("Hiding Coauthor").SaveAsync(factory);
        var shower = await new ResearcherBuilder("Showing Coauthor").SaveAsync(factory);
        await new PublicationBuilder("Joint Paper Seen Once")
            .Author(hider).Author(shower)
            .ShownOn(hider, highlighted: true, visible: false)
            .ShownOn(shower, highlighted: true)
            .SaveAsync(factory);

        var hiderPage = await _visitor.GetPageAsync($"/people/{hider.Slug}/publications");
        var showerPage = await _visitor.GetPageAsync($"/people/{shower.Slug}");

        Assert.DoesNotContain("Joint Paper Seen Once", hiderPage.BodyText, StringComparison.Ordinal);
        Assert.Contains("Joint Paper Seen Once", showerPage.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_related_publication_hidden_on_the_profile_is_not_listed_under_the_project()
    {
        var researcher = await new ResearcherBuilder("Project Hider")
            .WithPublication("Secret Related Paper", p => p.Owner(), visible: false)
            .WithPublication("Open Related Paper", p => p.Owner())
            .WithProject(new Project { Title = "Project With Two Papers" }, "Secret Related Paper", "Open Related Paper")
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(["Open Related Paper"], page.Section("Projects")!.QuerySelectorAll(".related a").Select(a => a.CleanText()));
    }

    private static void AddItem(ResearcherBuilder builder, string section, string text, bool visible)
    {
        var slug = text.ToLowerInvariant().Replace(' ', '-');
        switch (section)
        {
            case "links":
                builder.WithLink(ProfileLinkKind.Other, $"https://example.org/{slug}", label: text, visible: visible);
                break;
            case "news":
                builder.WithNews("2024-01", text, visible);
                break;
            case "publications":
                builder.WithPublication(text, p => p.Owner(), highlighted: true, visible: visible);
                break;
            case "projects":
                builder.WithProject(new Project { Title = text, IsVisible = visible, Links = [new ProjectLink { Url = $"https://example.org/{slug}", SortOrder = 0 }] });
                break;
            case "education":
                builder.WithEducation(new Education { Degree = text, Institution = "Some University", IsVisible = visible });
                break;
            case "positions":
                builder.WithPosition(new Position { Title = text, Employer = "Some Company", IsVisible = visible });
                break;
            case "awards":
                builder.WithAward(new Award { Title = text, IsVisible = visible });
                break;
            case "service":
                builder.WithService("Reviewer", text, visible, 2024);
                break;
            case "talks":
                builder.WithTalk(new Talk { Title = text, SlidesUrl = $"https://example.org/{slug}", IsVisible = visible });
                break;
            case "writing":
                builder.WithWriting(new WritingItem { ListTitle = $"{text} list", Title = text, Url = $"https://example.org/{slug}", IsVisible = visible });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown section.");
        }
    }
}
