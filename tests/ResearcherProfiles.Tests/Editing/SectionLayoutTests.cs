using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Pages;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>
/// The layout editor (/edit/{slug}/layout) and what follows it: the order, titles, intros and
/// visibility of the profile's sections on the public page, the CV, its PDF and the JSON Resume.
/// </summary>
public sealed class SectionLayoutTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string Form = "form.layout-form";
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private static string Url(string slug) => $"/edit/{slug}/layout";

    /// <summary>The form's row index of each section, by kind, as the page lists them.</summary>
    private static Dictionary<string, int> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll($"{Form} input[type=hidden][name$='].Kind']")
            .Select((input, i) => (Kind: input.GetAttribute("value")!, Index: i))
            .ToDictionary(r => r.Kind, r => r.Index);

    /// <summary>Fields of the row of <paramref name="kind"/>: "Title" becomes "Input.Sections[3].Title".</summary>
    private static Dictionary<string, string> Fields(IHtmlDocument page, string kind, params (string Field, string Value)[] values)
    {
        var index = Rows(page)[kind];
        return values.ToDictionary(v => $"Input.Sections[{index}].{v.Field}", v => v.Value);
    }

    private static Dictionary<string, string> Merge(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient owner, string slug, IHtmlDocument page, Dictionary<string, string> fields) =>
        await owner.SubmitAsync((IHtmlFormElement)page.QuerySelector(Form)!, Url(slug), fields);

    /// <summary>Presses a row's Move button the way a browser without JavaScript does: the form as shown, to its formaction.</summary>
    private static async Task<IHtmlDocument> MoveAsync(HttpClient owner, IHtmlDocument page, string kind, string direction)
    {
        var button = page.QuerySelector($"{Form} li[data-row-text] button[value='section-{direction}-{Rows(page)[kind]}']")!;
        var values = Infrastructure.Accounts.FormValues((IHtmlFormElement)page.QuerySelector(Form)!, new Dictionary<string, string>())
            .Append(new("Command", button.GetAttribute("value")!));
        using var content = new FormUrlEncodedContent(values);
        using var response = await owner.PostAsync(new Uri(button.GetAttribute("formaction")!, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    private static ResearcherBuilder Sample(string name) =>
        CvSamples.FullProfile(name)
            .WithNews("2024-05", "Third news")
            .WithNews("2024-04", "Second news")
            .WithNews("2024-03", "First news")
            .WithProject(new Project { Title = "Open Solver", Kind = ProjectKind.OpenSource })
            .WithProject(new Project { Title = "Field Study", Kind = ProjectKind.Research })
            .With(r => r.AboutMarkdown = "I study water.");

    [Fact]
    public async Task A_profile_without_a_layout_keeps_the_default_order_and_titles()
    {
        var researcher = await Sample("Default Layout").SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        Assert.Equal(["Research interests", "About", "News", "Publications", "Projects", "Education", "Experience", "Awards", "Service", "Talks", "Skills"], page.SectionHeadings);
    }

    [Fact]
    public async Task The_owner_reorders_renames_introduces_and_hides_sections_and_the_profile_and_cv_follow()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(Sample("Layout Owner"));
        var form = await owner.GetDocumentAsync(Url(profile.Slug));
        // Publications to the top without JavaScript: three presses of Move up, each re-rendering the form unsaved.
        for (var i = 0; i < 3; i++)
        {
            form = await MoveAsync(owner, form, "Publications", "up");
        }
        Assert.Equal("Publications", Rows(form).OrderBy(r => r.Value).First().Key);
        Assert.Empty(await factory.ReadAsync(db => db.ProfileSections.Where(s => s.ResearcherId == profile.Id).ToListAsync()));

        using var saved = await SaveAsync(owner, profile.Slug, form, Merge(
            Fields(form, "Publications", ("Title", "  Highlighted Papers "), ("IntroMarkdown", "Full list at [DBLP](https://dblp.org/pid/00/1).")),
            Fields(form, "Awards", ("IsVisible", "false")),
            Fields(form, "News", ("ItemsShown", "2")),
            Fields(form, "ResearchProjects", ("Placement", "OwnSection"), ("Title", "Research experience")),
            Fields(form, "OpenSourceProjects", ("Placement", "Hidden"))));

        saved.AssertRedirectsTo(Url(profile.Slug));
        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.Equal(["Research interests", "Highlighted Papers", "About", "News", "Research experience", "Education", "Experience", "Service", "Talks", "Skills"], page.SectionHeadings);
        Assert.Equal("https://dblp.org/pid/00/1", page.Document.QuerySelector("#publications-heading + .section-intro a")?.GetAttribute("href"));
        Assert.Equal(2, page.Document.QuerySelectorAll("#news-heading ~ ul.news > li").Length);
        Assert.Equal("Show 1 older news item", page.TextOf("#news-heading ~ details summary"));
        Assert.Equal(["River Modelling", "Field Study"], page.TextsOf("#research-projects-heading ~ .project .project-title"));
        Assert.DoesNotContain("Open Solver", page.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Best Paper Award", page.BodyText, StringComparison.Ordinal);

        var cv = await _visitor.GetPageAsync($"/people/{profile.Slug}/cv");
        Assert.Equal(["Highlighted Papers", "Research experience", "Education", "Experience", "Service", "Talks", "Skills"], cv.SectionHeadings);
        Assert.Equal("https://dblp.org/pid/00/1", cv.Document.QuerySelector("#cv-publications + .cv-intro a")?.GetAttribute("href"));

        var hiddenProject = await factory.ReadAsync(db => db.Projects.SingleAsync(p => p.ResearcherId == profile.Id && p.Title == "Open Solver"));
        var projectPage = await _visitor.GetPageAsync($"/people/{profile.Slug}/projects/{hiddenProject.Id}");
        Assert.Equal(HttpStatusCode.NotFound, projectPage.Status);

        using var resume = await _visitor.GetAsync(new Uri($"/people/{profile.Slug}/resume.json", UriKind.Relative));
        using var json = JsonDocument.Parse(await resume.Content.ReadAsStringAsync());
        Assert.Equal(0, json.RootElement.GetProperty("awards").GetArrayLength());
        Assert.DoesNotContain("Open Solver", json.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        var stored = await factory.ReadAsync(db => db.ProfileSections.Where(s => s.ResearcherId == profile.Id).OrderBy(s => s.SortOrder).ToListAsync());
        Assert.Equal(Enum.GetValues<ProfileSectionKind>().Length, stored.Count);
        Assert.Equal(ProfileSectionKind.Publications, stored[0].Kind);
        Assert.Equal("Highlighted Papers", stored[0].Title);
        Assert.Null(stored.Single(s => s.Kind == ProfileSectionKind.News).Title);
    }

    [Fact]
    public async Task Hidden_publications_take_the_full_list_and_its_downloads_with_them()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(Sample("Hidden Papers"));
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetPageAsync($"/people/{profile.Slug}/publications")).Status);
        var form = await owner.GetDocumentAsync(Url(profile.Slug));

        using var saved = await SaveAsync(owner, profile.Slug, form, Fields(form, "Publications", ("IsVisible", "false")));

        saved.AssertRedirectsTo(Url(profile.Slug));
        Assert.DoesNotContain("Newest Paper on Streams", (await _visitor.GetPageAsync($"/people/{profile.Slug}")).BodyText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetPageAsync($"/people/{profile.Slug}/publications")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync(new Uri($"/people/{profile.Slug}/publications.bib", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("Newest Paper on Streams", (await _visitor.GetPageAsync($"/people/{profile.Slug}/cv")).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_uses_the_owners_titles_and_leaves_hidden_sections_out()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(Sample("Pdf Layout"));
        var form = await owner.GetDocumentAsync(Url(profile.Slug));
        using var saved = await SaveAsync(owner, profile.Slug, form, Merge(
            Fields(form, "Talks", ("Title", "Invited Talks")),
            Fields(form, "Awards", ("IsVisible", "false"))));
        saved.AssertRedirectsTo(Url(profile.Slug));

        var pdf = await _visitor.GetByteArrayAsync(new Uri($"/people/{profile.Slug}/cv.pdf", UriKind.Relative));

        var text = PdfText.Read(pdf).Text;
        Assert.Contains("Invited Talks", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Best Paper Award", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Projects_are_grouped_under_their_themes_in_the_order_of_their_first_project()
    {
        var researcher = await new ResearcherBuilder("Group Owner")
            .WithProject(new Project { Title = "Alpha", Group = "Optimization for deep learning", Institution = "Northbridge University" })
            .WithProject(new Project { Title = "Beta", Group = "Robust evaluation" })
            .WithProject(new Project { Title = "Gamma" })
            .WithProject(new Project { Title = "Delta", Group = "Optimization for deep learning" })
            .SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}");
        var cv = await _visitor.GetPageAsync($"/people/{researcher.Slug}/cv");

        Assert.Equal(["Optimization for deep learning", "Robust evaluation"], page.TextsOf("#projects-heading ~ h3.group-heading"));
        // Ungrouped projects lead, without a heading; grouped ones sit one heading level below their group.
        Assert.Equal(["Gamma", "Alpha", "Delta", "Beta"], page.TextsOf("#projects-heading ~ .project .project-title"));
        Assert.Equal("h3", page.Document.QuerySelector("#project-" + await ProjectId(researcher.Id, "Gamma") + " .project-title")!.LocalName);
        Assert.Equal("h4", page.Document.QuerySelector("#project-" + await ProjectId(researcher.Id, "Alpha") + " .project-title")!.LocalName);
        Assert.Contains("Northbridge University", page.TextOf("#project-" + await ProjectId(researcher.Id, "Alpha") + " .item-meta"), StringComparison.Ordinal);
        Assert.Equal(["Optimization for deep learning", "Robust evaluation"], cv.TextsOf("h3.cv-group"));
        Assert.Equal(["Gamma", "Alpha", "Delta", "Beta"], cv.TextsOf("#cv-projects ~ .cv-entries .cv-entry-title"));
        Assert.Contains("Northbridge University", cv.BodyText, StringComparison.Ordinal);
    }

    private Task<int> ProjectId(int researcherId, string title) =>
        factory.ReadAsync(db => db.Projects.Where(p => p.ResearcherId == researcherId && p.Title == title).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Bad_values_get_messages_next_to_their_fields_and_nothing_is_saved()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(Sample("Bad Layout"));
        var form = await owner.GetDocumentAsync(Url(profile.Slug));

        using var response = await SaveAsync(owner, profile.Slug, form, Merge(
            Fields(form, "News", ("ItemsShown", "0")),
            Fields(form, "Talks", ("Title", new string('t', 101))),
            Fields(form, "About", ("IntroMarkdown", new string('x', 2001)))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var rows = Rows(page);
        Assert.Equal("Show between 1 and 100 news items; leave it empty for 5.", page.QuerySelector($"#Input_Sections_{rows["News"]}__ItemsShown-error")?.TextContent);
        Assert.Equal("The title is at most 100 characters.", page.QuerySelector($"#Input_Sections_{rows["Talks"]}__Title-error")?.TextContent);
        Assert.Equal("The intro is at most 2000 characters.", page.QuerySelector($"#Input_Sections_{rows["About"]}__IntroMarkdown-error")?.TextContent);
        // The intro with the error is open, so its message is seen.
        Assert.True(page.QuerySelector($"#Input_Sections_{rows["About"]}__IntroMarkdown")!.Closest("details")!.HasAttribute("open"));
        Assert.Empty(await factory.ReadAsync(db => db.ProfileSections.Where(s => s.ResearcherId == profile.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_save_over_someone_elses_meanwhile_is_refused_and_says_what_changed()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(Sample("Stale Layout"));
        var first = await owner.GetDocumentAsync(Url(profile.Slug));
        var second = await owner.GetDocumentAsync(Url(profile.Slug));
        using var one = await SaveAsync(owner, profile.Slug, first, Fields(first, "Talks", ("Title", "Invited Talks")));
        one.AssertRedirectsTo(Url(profile.Slug));

        using var two = await SaveAsync(owner, profile.Slug, second, Fields(second, "Awards", ("Title", "Honours")));

        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        var page = await two.ReadDocumentAsync();
        Assert.Contains("changed by someone else", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invited Talks", page.QuerySelector(".conflict-changes")!.TextContent, StringComparison.Ordinal);
        var stored = await factory.ReadAsync(db => db.ProfileSections.Where(s => s.ResearcherId == profile.Id).ToListAsync());
        Assert.Equal("Invited Talks", stored.Single(s => s.Kind == ProfileSectionKind.Talks).Title);
        Assert.Null(stored.Single(s => s.Kind == ProfileSectionKind.Awards).Title);

        // The form kept what was typed, now based on the current rows: saving it again is deliberate and goes through.
        using var again = await SaveAsync(owner, profile.Slug, page, []);
        again.AssertRedirectsTo(Url(profile.Slug));
        var after = await factory.ReadAsync(db => db.ProfileSections.Where(s => s.ResearcherId == profile.Id).ToListAsync());
        Assert.Equal("Honours", after.Single(s => s.Kind == ProfileSectionKind.Awards).Title);
    }

    [Fact]
    public async Task Odd_posts_never_fail_and_every_section_is_stored_once()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(Sample("Odd Layout"));
        var token = await owner.TokenFromAsync(Url(profile.Slug));

        using var response = await owner.PostAsync(Url(profile.Slug), new Dictionary<string, string>
        {
            ["Input.Sections[0].Kind"] = "Talks",
            ["Input.Sections[0].Title"] = "First",
            ["Input.Sections[1].Kind"] = "Talks",
            ["Input.Sections[1].Title"] = "Again",
            ["Input.Sections[2].Kind"] = "999",
            ["Input.Sections[3].Kind"] = "Skills",
            ["Input.Sections[3].Version"] = "-4",
            ["Command"] = "section-remove-0",
        }, token);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{response.StatusCode}");
        using var moved = await owner.PostAsync(Url(profile.Slug) + "?handler=Move", new Dictionary<string, string>
        {
            ["Input.Sections[0].Kind"] = "News",
            ["Command"] = "section-remove-0",
        }, token);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(Enum.GetValues<ProfileSectionKind>().Length, Rows(await moved.ReadDocumentAsync()).Count);
        var stored = await factory.ReadAsync(db => db.ProfileSections.Where(s => s.ResearcherId == profile.Id).ToListAsync());
        Assert.True(stored.Count is 0 || stored.GroupBy(s => s.Kind).All(g => g.Count() == 1));
    }

    [Fact]
    public async Task Nobody_changes_another_profiles_layout()
    {
        var (victim, _) = await factory.OwnedProfileAsync(Sample("Layout Victim"));
        var (own, intruder) = await factory.OwnedProfileAsync(new ResearcherBuilder("Layout Intruder"));
        var token = await intruder.TokenFromAsync(Url(own.Slug));

        using var view = await intruder.GetAsync(new Uri(Url(victim.Slug), UriKind.Relative));
        using var save = await intruder.PostAsync(Url(victim.Slug), new Dictionary<string, string> { ["Input.Sections[0].Kind"] = "Awards", ["Input.Sections[0].IsVisible"] = "false" }, token);
        using var reset = await intruder.PostAsync(Url(victim.Slug) + "?handler=Reset", [], token);

        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Empty(await factory.ReadAsync(db => db.ProfileSections.Where(s => s.ResearcherId == victim.Id).ToListAsync()));
    }

    [Fact]
    public async Task Restoring_the_default_layout_is_in_the_history_and_can_be_undone()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(Sample("Reset Layout"));
        var form = await owner.GetDocumentAsync(Url(profile.Slug));
        using var saved = await SaveAsync(owner, profile.Slug, form, Fields(form, "Talks", ("Title", "Invited Talks")));
        saved.AssertRedirectsTo(Url(profile.Slug));

        using var reset = await owner.SubmitToAsync(Url(profile.Slug), Url(profile.Slug) + "?handler=Reset", new Dictionary<string, string>(), Form);

        reset.AssertRedirectsTo(Url(profile.Slug));
        Assert.Equal("Talks", (await _visitor.GetPageAsync($"/people/{profile.Slug}")).SectionHeadings[^2]);
        var history = await owner.GetPageAsync($"/edit/{profile.Slug}/history");
        Assert.Contains("Invited Talks", history.BodyText, StringComparison.Ordinal);
        var undo = (IHtmlFormElement)history.Document.QuerySelectorAll("form").First(f => f.GetAttribute("action")?.Contains("undo", StringComparison.OrdinalIgnoreCase) == true);
        using var undone = await owner.UndoThroughConfirmationAsync($"/edit/{profile.Slug}/history", undo);
        Assert.Contains("Invited Talks", (await _visitor.GetPageAsync($"/people/{profile.Slug}")).SectionHeadings);
    }

    [Fact]
    public async Task The_layout_editor_and_a_profile_with_intros_and_groups_are_valid_HTML()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(Sample("Valid Layout")
            .WithProject(new Project { Title = "Grouped", Group = "A theme" }));
        var form = await owner.GetDocumentAsync(Url(profile.Slug));
        using var saved = await SaveAsync(owner, profile.Slug, form, Merge(
            Fields(form, "Publications", ("IntroMarkdown", "Full list at **DBLP**.")),
            Fields(form, "OpenSourceProjects", ("Placement", "OwnSection"))));
        saved.AssertRedirectsTo(Url(profile.Slug));
        using var invalid = await SaveAsync(owner, profile.Slug, form, Fields(form, "News", ("ItemsShown", "1000")));

        var pages = new Dictionary<string, string>
        {
            ["layout form"] = await owner.GetStringAsync(new Uri(Url(profile.Slug), UriKind.Relative)),
            ["layout form with errors"] = await invalid.Content.ReadAsStringAsync(),
            ["profile"] = await _visitor.GetStringAsync(new Uri($"/people/{profile.Slug}", UriKind.Relative)),
            ["cv"] = await _visitor.GetStringAsync(new Uri($"/people/{profile.Slug}/cv", UriKind.Relative)),
        };

        Assert.Empty(await HtmlChecker.ErrorsAsync(pages));
    }
}

/// <summary>The demo site shows a layout of its own: the project-heavy profile.</summary>
public sealed class DemoLayoutTests(HtmlValidityTests.DemoSiteFactory factory) : IClassFixture<HtmlValidityTests.DemoSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task The_demo_project_heavy_profile_leads_with_its_projects_and_gives_open_source_work_its_own_section()
    {
        var page = await _visitor.GetPageAsync($"/people/{ResearcherProfiles.Demo.DemoSlugs.ProjectHeavy}");

        Assert.Equal(["Research interests", "About", "Projects", "Open-source projects", "News"], page.SectionHeadings.Take(5));
        Assert.Contains("page of its own", page.TextOf("#projects-heading + .section-intro"), StringComparison.Ordinal);
        Assert.Equal(["Tools for long-context models"], page.TextsOf("#open-source-projects-heading ~ h3.group-heading"));
    }
}
