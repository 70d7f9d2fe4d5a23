using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>A project's own page: the whole write-up with its contents, people, links and related papers.</summary>
public sealed class ProjectPageTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string Narrative = "## The problem\n\nSearch is *slow*.\n\n## Why it is hard\n\nScale.\n\n### Fish & <Chips>\n\nA detail.\n\n## Results\n\nFaster.";

    private static Project Engine(string title = "Analytical Engine", bool visible = true) => new()
    {
        Title = title,
        Role = "Project lead",
        Kind = ProjectKind.Research,
        Summary = "A general-purpose computer, on paper.",
        NarrativeMarkdown = Narrative,
        Mentors = "Charles Babbage",
        Collaborators = "Mary Somerville",
        Status = "Preparing submission",
        Start = new PartialDate(2022, 7),
        IsVisible = visible,
        Links = [new ProjectLink { Kind = ProjectLinkKind.Code, Url = "https://example.org/engine" }],
    };

    private async Task<(Researcher Profile, int ProjectId)> SeedAsync(string name, Project project, bool hiddenProfile = false)
    {
        var profile = await new ResearcherBuilder(name)
            .With(r => r.IsHidden = hiddenProfile)
            .WithPublication("Notes on the Engine", p => p.Owner().Author("Charles Babbage"))
            .WithPublication("An Unrelated Paper", p => p.Owner())
            .WithProject(project, "Notes on the Engine")
            .SaveAsync(factory);
        var id = await factory.ReadAsync(db => db.Projects.Where(p => p.ResearcherId == profile.Id).Select(p => p.Id).SingleAsync());
        return (profile, id);
    }

    [Fact]
    public async Task The_profile_card_leads_to_a_page_with_the_whole_write_up()
    {
        var (profile, id) = await SeedAsync("Ada Projects", Engine());
        var visitor = factory.CreateVisitor();

        var card = (await visitor.GetPageAsync($"/people/{profile.Slug}")).Document.QuerySelector($"#project-{id}")!;
        var path = $"/people/{profile.Slug}/projects/{id}-analytical-engine";
        Assert.Equal(path, card.QuerySelector(".project-title a")!.GetAttribute("href"));
        Assert.Equal(path, card.QuerySelector(".more-link a")!.GetAttribute("href"));
        Assert.Null(card.QuerySelector(".project-narrative"));

        var page = await visitor.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var d = page.Document;
        Assert.Equal("Analytical Engine", d.QuerySelector("h1")!.CleanText());
        Assert.Equal(["The problem", "Why it is hard", "Fish & <Chips>", "Results"], d.QuerySelectorAll(".project-outline a").Select(a => a.CleanText()));
        Assert.All(d.QuerySelectorAll(".project-outline a"), a => Assert.NotNull(d.GetElementById(a.GetAttribute("href")![1..])));
        Assert.Equal("Fish & <Chips>", d.QuerySelector(".project-narrative h3")!.CleanText());
        Assert.Equal(3, d.QuerySelectorAll(".project-narrative h2").Length);
        Assert.Contains("Charles Babbage", d.QuerySelector(".project-people")!.CleanText(), StringComparison.Ordinal);
        Assert.Contains("Jul 2022 – present", d.QuerySelector(".item-meta")!.CleanText(), StringComparison.Ordinal);
        Assert.Equal("https://example.org/engine", d.QuerySelector(".pub-links a")!.GetAttribute("href"));
        var related = Assert.Single(d.QuerySelectorAll("#related-heading ~ .pub"));
        Assert.Equal("Notes on the Engine", related.QuerySelector(".pub-title")!.CleanText());
        Assert.Contains("Charles Babbage", related.QuerySelector(".pub-authors")!.CleanText(), StringComparison.Ordinal);
        Assert.NotNull(related.QuerySelector(".pub-authors strong"));
        Assert.Equal($"/people/{profile.Slug}", d.QuerySelectorAll(".breadcrumbs a")[1].GetAttribute("href"));
    }

    [Fact]
    public async Task Other_words_or_a_query_move_to_the_one_address_and_unknown_projects_are_not_found()
    {
        var (profile, id) = await SeedAsync("Ben Addresses", Engine());
        var (other, otherId) = await SeedAsync("Cy Elsewhere", Engine("Difference Engine"));
        var visitor = factory.CreateVisitor();
        var path = $"/people/{profile.Slug}/projects/{id}-analytical-engine";

        foreach (var moved in new[] { $"/people/{profile.Slug}/projects/{id}", $"/people/{profile.Slug}/projects/{id}-old-title", $"{path}?x=1" })
        {
            using var response = await visitor.GetAsync(new Uri(moved, UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(path, response.Headers.Location!.OriginalString);
        }
        foreach (var missing in new[] { $"/people/{profile.Slug}/projects/{otherId}-difference-engine", $"/people/{profile.Slug}/projects/abc", $"/people/{profile.Slug}/projects/99999999999999", $"/people/nobody-here/projects/{id}" })
        {
            using var response = await visitor.GetAsync(new Uri(missing, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.NotEqual(profile.Id, other.Id);
    }

    [Fact]
    public async Task Hidden_projects_and_hidden_profiles_have_no_page()
    {
        var (shown, hiddenProject) = await SeedAsync("Dee Hidden Project", Engine(visible: false));
        var (hiddenProfile, project) = await SeedAsync("Eve Hidden Profile", Engine(), hiddenProfile: true);
        var visitor = factory.CreateVisitor();

        using var first = await visitor.GetAsync(new Uri($"/people/{shown.Slug}/projects/{hiddenProject}-analytical-engine", UriKind.Relative));
        using var second = await visitor.GetAsync(new Uri($"/people/{hiddenProfile.Slug}/projects/{project}-analytical-engine", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }

    [Fact]
    public async Task A_related_papers_page_lists_the_projects_it_belongs_to()
    {
        var (profile, id) = await SeedAsync("Fay Papers", Engine());
        var (_, hidden) = await SeedAsync("Gus Hidden", Engine("Secret Engine", visible: false));
        var paperId = await factory.ReadAsync(db => db.ProfilePublications
            .Where(pp => pp.ResearcherId == profile.Id && pp.Publication!.Title == "Notes on the Engine").Select(pp => pp.PublicationId).SingleAsync());

        var paper = (await factory.CreateVisitor().GetPageAsync($"/publications/{paperId}/notes-on-the-engine")).Document;

        var projects = paper.QuerySelector(".paper-projects")!;
        Assert.Equal($"/people/{profile.Slug}/projects/{id}-analytical-engine", projects.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Analytical Engine (Fay Papers)", projects.CleanText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Engine", paper.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(id, hidden);
    }

    [Fact]
    public async Task The_project_page_is_valid_HTML()
    {
        var (profile, id) = await SeedAsync("Hal Valid", Engine());
        var html = await factory.CreateVisitor().GetStringAsync(new Uri($"/people/{profile.Slug}/projects/{id}-analytical-engine", UriKind.Relative));

        Assert.Contains("Fish &amp; &lt;Chips&gt;", html, StringComparison.Ordinal);
        Assert.Empty(await HtmlChecker.ErrorsAsync(new Dictionary<string, string> { ["project"] = html }));
    }
}
