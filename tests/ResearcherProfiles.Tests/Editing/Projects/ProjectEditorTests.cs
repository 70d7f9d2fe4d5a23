using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Projects;

/// <summary>The projects editor through its real forms: links, related papers, Markdown narrative, validation, staleness and ownership.</summary>
public sealed class ProjectEditorTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string Form = "form.item-form";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static ResearcherBuilder WithPapers(string name) => new ResearcherBuilder(name)
        .WithPublication("Dense retrieval at scale", p => p.Owner())
        .WithPublication("A survey of rerankers", p => p.Owner());

    private Task<int> PublicationIdAsync(int researcherId, string title) =>
        factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId && pp.Publication!.Title == title)
            .Select(pp => pp.PublicationId).SingleAsync());

    private Task<Project> ProjectAsync(int researcherId) =>
        factory.ReadAsync(db => db.Projects.AsNoTracking().Include(p => p.Links).Include(p => p.RelatedPublications)
            .SingleAsync(p => p.ResearcherId == researcherId));

    private static Dictionary<string, string> FullProject(int relatedId) => new()
    {
        ["Input.Title"] = "OpenRetrieval",
        ["Input.Role"] = "Project lead",
        ["Input.Kind"] = "OpenSource",
        ["Input.Summary"] = "A toolkit for dense retrieval.",
        ["Input.NarrativeMarkdown"] = "# Approach\n\nWe index **billions** of passages.\n\n## Results\n\nFast.",
        ["Input.Mentors"] = "Prof. Grace Hopper",
        ["Input.Collaborators"] = "Alan Turing",
        ["Input.Start"] = "2022-03",
        ["Input.End"] = "",
        ["Input.Status"] = "Active",
        ["Input.Popularity"] = "1k stars on GitHub",
        ["Input.Links[0].Kind"] = "Code",
        ["Input.Links[0].Url"] = "https://github.com/example/openretrieval",
        ["Input.Links[1].Kind"] = "Demo",
        ["Input.Links[1].Label"] = "Try it",
        ["Input.Links[1].Url"] = "https://demo.example.org/",
        ["Input.RelatedPublicationIds"] = Id(relatedId),
    };

    [Fact]
    public async Task A_project_with_narrative_links_and_a_related_paper_shows_on_the_public_page()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(WithPapers("Proj Ect"));
        var paper = await PublicationIdAsync(profile.Id, "Dense retrieval at scale");
        var url = $"/edit/{profile.Slug}/projects";
        var form = await owner.GetDocumentAsync(url);
        Assert.Equal(3, form.QuerySelectorAll("li.link-row").Length);
        Assert.Equal(2, form.QuerySelectorAll("input[name='Input.RelatedPublicationIds']").Length);

        (await owner.SubmitFormAsync(url, FullProject(paper), Form)).AssertRedirectsTo(url);

        var stored = await ProjectAsync(profile.Id);
        Assert.Equal(["https://github.com/example/openretrieval", "https://demo.example.org/"], stored.Links.OrderBy(l => l.SortOrder).Select(l => l.Url));
        Assert.Equal([paper], stored.RelatedPublications.Select(r => r.PublicationId));
        Assert.Null(stored.End);
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        var project = page.Document.QuerySelector($"#project-{stored.Id}")!;
        Assert.Equal("OpenRetrieval", project.QuerySelector(".project-title")!.CleanText());
        Assert.Equal("Project lead", project.QuerySelector(".project-role")!.CleanText());
        var meta = project.QuerySelector(".item-meta")!.CleanText();
        Assert.Contains("Open source", meta, StringComparison.Ordinal);
        Assert.Contains("Mar 2022 – present", meta, StringComparison.Ordinal);
        Assert.Equal("Active", project.QuerySelector(".project-status")!.CleanText());
        Assert.Equal("1k stars on GitHub", project.QuerySelector(".popularity")!.CleanText());
        var projectPage = project.QuerySelector(".more-link a")!.GetAttribute("href")!;
        Assert.Equal(projectPage, project.QuerySelector(".project-title a")!.GetAttribute("href"));
        var full = (await factory.CreateVisitor().GetPageAsync(projectPage)).Document;
        Assert.Equal("Approach", full.QuerySelector(".project-narrative h2")!.CleanText());
        Assert.Equal("Results", full.QuerySelector(".project-narrative h3")!.CleanText());
        Assert.Equal("billions", full.QuerySelector(".project-narrative strong")!.CleanText());
        Assert.Equal(["Code", "Try it"], project.QuerySelectorAll(".pub-links a").Select(a => a.CleanText()));
        Assert.Equal("Dense retrieval at scale", project.QuerySelector(".related a")!.CleanText());
        Assert.DoesNotContain("A survey of rerankers", project.CleanText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_project_prefills_its_rows_and_replaces_links_and_related_papers()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(WithPapers("Edit Project"));
        var dense = await PublicationIdAsync(profile.Id, "Dense retrieval at scale");
        var survey = await PublicationIdAsync(profile.Id, "A survey of rerankers");
        var url = $"/edit/{profile.Slug}/projects";
        (await owner.SubmitFormAsync(url, FullProject(dense), Form)).AssertRedirectsTo(url);
        var id = (await ProjectAsync(profile.Id)).Id;

        var form = await owner.GetDocumentAsync($"{url}/{id}");
        Assert.Equal("https://demo.example.org/", ((IHtmlInputElement)form.QuerySelector("#Input_Links_1__Url")!).Value);
        Assert.Equal("Try it", ((IHtmlInputElement)form.QuerySelector("#Input_Links_1__Label")!).Value);
        Assert.Equal(3, form.QuerySelectorAll("li.link-row").Length);
        Assert.True(((IHtmlInputElement)form.QuerySelector($"#related-{dense}")!).IsChecked);
        Assert.False(((IHtmlInputElement)form.QuerySelector($"#related-{survey}")!).IsChecked);

        // Clear the first link, relate the survey instead of the paper, end the project.
        (await owner.SubmitFormAsync($"{url}/{id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "OpenRetrieval 2",
            ["Input.End"] = "2024-06",
            ["Input.Links[0].Url"] = "",
            ["Input.RelatedPublicationIds"] = Id(survey),
        }, Form)).AssertRedirectsTo(url);

        var stored = await ProjectAsync(profile.Id);
        Assert.Equal("OpenRetrieval 2", stored.Title);
        Assert.Equal(new PartialDate(2024, 6), stored.End);
        var link = Assert.Single(stored.Links);
        Assert.Equal(("Try it", "https://demo.example.org/", 0), (link.Label, link.Url, link.SortOrder));
        Assert.Equal([survey], stored.RelatedPublications.Select(r => r.PublicationId));
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        Assert.Contains("Mar 2022 – Jun 2024", page.TextOf($"#project-{id} .item-meta"), StringComparison.Ordinal);
        Assert.Equal("A survey of rerankers", page.TextOf($"#project-{id} .related a"));
    }

    [Fact]
    public async Task Add_another_link_shows_one_more_row_keeps_what_was_typed_and_saves_nothing()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/projects";
        var fields = new Dictionary<string, string>
        {
            ["Command"] = "add-link",
            ["Input.Title"] = "Many links",
            ["Input.Links[0].Url"] = "https://one.example.org/",
            ["Input.Links[1].Url"] = "https://two.example.org/",
            ["Input.Links[2].Url"] = "https://three.example.org/",
        };

        using var response = await owner.SubmitToAsync(url, $"{url}?handler=LinkRow", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(4, page.QuerySelectorAll("li.link-row").Length);
        Assert.Equal("Many links", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        Assert.Equal("https://three.example.org/", ((IHtmlInputElement)page.QuerySelector("#Input_Links_2__Url")!).Value);
        Assert.Null(page.QuerySelector(".form-errors"));
        Assert.Empty(await factory.ItemsAsync("projects", profile.Id));
        var form = (IHtmlFormElement)page.QuerySelector(Form)!;
        Assert.Equal($"{url}#form-errors", form.GetAttribute("action"));

        (await owner.SubmitAsync(form, url, new Dictionary<string, string> { ["Input.Links[3].Url"] = "https://four.example.org/" }))
            .AssertRedirectsTo(url);
        Assert.Equal(["https://one.example.org/", "https://two.example.org/", "https://three.example.org/", "https://four.example.org/"],
            (await ProjectAsync(profile.Id)).Links.OrderBy(l => l.SortOrder).Select(l => l.Url));
    }

    [Fact]
    public async Task The_first_submit_button_of_the_form_saves_so_the_enter_key_does_not_add_a_row()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();

        var form = (await owner.GetDocumentAsync($"/edit/{profile.Slug}/projects")).QuerySelector(Form)!;

        var first = form.QuerySelector("button[type=submit]")!;
        Assert.Null(first.GetAttribute("formaction"));
        Assert.Null(first.GetAttribute("name"));
    }

    public static TheoryData<string, string, string> Rules => new()
    {
        { "Input.Title", "", "Enter the title of the project." },
        { "Input.Title", new string('x', 301), "The title is at most 300 characters." },
        { "Input.Summary", new string('x', 501), "The summary is at most 500 characters." },
        { "Input.Start", "Spring 2022", "Enter a date such as 2016, Sep 2016 or 2016-09." },
        { "Input.End", "2022-02", "The end cannot be before the start." },
        { "Input.Links[1].Url", "javascript:alert(1)", "Enter a web address starting with http:// or https://." },
        { "Input.Links[1].Url", "ftp://files.example.org/x", "Enter a web address starting with http:// or https://." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Invalid_input_is_explained_next_to_the_field_and_saves_nothing(string field, string value, string message)
    {
        var (profile, owner) = await factory.OwnedProfileAsync(WithPapers("Invalid Project"));
        var paper = await PublicationIdAsync(profile.Id, "Dense retrieval at scale");
        var url = $"/edit/{profile.Slug}/projects";

        using var response = await owner.SubmitFormAsync(url, new Dictionary<string, string>(FullProject(paper)) { [field] = value }, Form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var id = field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
        Assert.Equal(message, page.QuerySelector($"#{id}-error")?.TextContent.Trim());
        var input = page.QuerySelector($"#{id}")!;
        Assert.Contains($"{id}-error", input.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(message, page.QuerySelector(".form-errors[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(value, (input.GetAttribute("value") ?? input.TextContent).Trim());
        // The rest of the form comes back as typed, related paper included.
        Assert.True(((IHtmlInputElement)page.QuerySelector($"#related-{paper}")!).IsChecked);
        Assert.Empty(await factory.ItemsAsync("projects", profile.Id));
        Assert.Equal(0, await factory.ReadAsync(db => db.ProjectLinks.CountAsync(l => l.Project!.ResearcherId == profile.Id)));
    }

    [Fact]
    public async Task A_link_row_with_a_label_but_no_address_is_refused_and_an_invalid_edit_changes_nothing()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Half Link")
            .WithProject(new Project { Title = "Kept as is", Links = [new ProjectLink { Url = "https://kept.example.org/" }] }));
        var id = (await ProjectAsync(profile.Id)).Id;
        var url = $"/edit/{profile.Slug}/projects/{id}";

        using var response = await owner.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Changed",
            ["Input.Links[0].Url"] = "https://changed.example.org/",
            ["Input.Links[1].Label"] = "Slides",
        }, Form);

        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter the link's web address, or clear its label.", page.QuerySelector("#Input_Links_1__Url-error")!.TextContent.Trim());
        var stored = await ProjectAsync(profile.Id);
        Assert.Equal("Kept as is", stored.Title);
        Assert.Equal("https://kept.example.org/", Assert.Single(stored.Links).Url);
    }

    [Fact]
    public async Task A_form_opened_before_someone_changed_only_the_links_is_stale()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Stale Links")
            .WithProject(new Project { Title = "Shared project", Links = [new ProjectLink { Url = "https://old.example.org/" }] }));
        var id = (await ProjectAsync(profile.Id)).Id;
        var url = $"/edit/{profile.Slug}/projects/{id}";
        var stale = (IHtmlFormElement)(await owner.GetDocumentAsync(url)).QuerySelector(Form)!;

        var admin = await factory.SignedInAdminAsync();
        (await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Links[0].Url"] = "https://theirs.example.org/" }, Form))
            .AssertRedirectsTo($"/edit/{profile.Slug}/projects");

        using var response = await owner.SubmitAsync(stale, url, new Dictionary<string, string> { ["Input.Title"] = "My title" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("was changed by someone else since you opened it", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Links", page.QuerySelector(".conflict-changes dt")!.CleanText());
        Assert.Contains("https://theirs.example.org/", page.QuerySelector(".conflict-changes dd")!.TextContent, StringComparison.Ordinal);
        var stored = await ProjectAsync(profile.Id);
        Assert.Equal("Shared project", stored.Title);
        Assert.Equal("https://theirs.example.org/", Assert.Single(stored.Links).Url);
    }

    [Fact]
    public async Task Another_profiles_publication_id_posted_as_related_is_not_linked()
    {
        var other = await new ResearcherBuilder("Other Author").WithPublication("Not on your list", p => p.Owner()).SaveAsync(factory);
        var foreign = await PublicationIdAsync(other.Id, "Not on your list");
        var (profile, owner) = await factory.OwnedProfileAsync(WithPapers("Own Papers"));
        var own = await PublicationIdAsync(profile.Id, "Dense retrieval at scale");
        var url = $"/edit/{profile.Slug}/projects";
        var document = await owner.GetDocumentAsync(url);
        var token = ((IHtmlInputElement)document.QuerySelector($"{Form} input[name={EditorClient.TokenField}]")!).Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "Sneaky"),
            new("Input.RelatedPublicationIds", Id(own)),
            new("Input.RelatedPublicationIds", Id(foreign)),
        };

        (await owner.PostAsync(url, fields, token)).AssertRedirectsTo(url);

        Assert.Equal([own], (await ProjectAsync(profile.Id)).RelatedPublications.Select(r => r.PublicationId));
        Assert.Equal(0, await factory.ReadAsync(db => db.ProjectPublications.CountAsync(r => r.PublicationId == foreign)));
    }

    [Fact]
    public async Task Deleting_a_project_records_its_links_and_related_papers_so_history_restores_it_whole()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(WithPapers("Restore Whole")
            .WithProject(new Project { Title = "Whole project", Links = [new ProjectLink { Kind = ProjectLinkKind.Code, Url = "https://code.example.org/" }] },
                "A survey of rerankers"));
        var id = (await ProjectAsync(profile.Id)).Id;
        var url = $"/edit/{profile.Slug}/projects";

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{id} form.delete")).AssertRedirectsTo(url);

        Assert.Empty(await factory.ItemsAsync("projects", profile.Id));
        var deleted = await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == profile.Id && r.Action == RevisionAction.Deleted)
            .Select(r => r.EntityType).ToListAsync());
        Assert.Equal(["Project", "ProjectLink", "ProjectPublication"], deleted.Order());

        var history = $"/edit/{profile.Slug}/history";
        var entry = (await owner.GetDocumentAsync(history)).QuerySelector(".history-entry")!;
        (await owner.SubmitAsync((IHtmlFormElement)entry.QuerySelector("form")!, history, new Dictionary<string, string>())).Dispose();

        var restored = await ProjectAsync(profile.Id);
        Assert.Equal((id, "Whole project"), (restored.Id, restored.Title));
        Assert.Equal("https://code.example.org/", Assert.Single(restored.Links).Url);
        Assert.Equal([await PublicationIdAsync(profile.Id, "A survey of rerankers")], restored.RelatedPublications.Select(r => r.PublicationId));
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        Assert.Equal("A survey of rerankers", page.TextOf($"#project-{id} .related a"));
    }

    [Fact]
    public async Task Preview_renders_the_narrative_and_saves_nothing()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/projects";

        using var response = await owner.SubmitToAsync(url, $"{url}?handler=Preview",
            new Dictionary<string, string> { ["Input.Title"] = "Previewed", ["Input.NarrativeMarkdown"] = "# Approach\n\nSee [code](https://example.org/c)." });

        var page = await response.ReadDocumentAsync();
        var preview = page.QuerySelector(".editor-preview .prose")!;
        Assert.Equal("Approach", preview.QuerySelector("h2")!.CleanText());
        Assert.Equal("https://example.org/c", preview.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(3, page.QuerySelectorAll("li.link-row").Length);
        Assert.Empty(await factory.ItemsAsync("projects", profile.Id));
    }
}

/// <summary>The link-row handler (Add another link, Remove), which the section-wide authorization matrix does not list.</summary>
public sealed class ProjectAddLinkAuthorizationTests(EditorWorld world) : IClassFixture<EditorWorld>
{
    private static string AddLinkUrl(Researcher profile, int? id = null) =>
        $"/edit/{profile.Slug}/projects{(id is int i ? $"/{i.ToString(CultureInfo.InvariantCulture)}" : "")}?handler=LinkRow";

    private static readonly KeyValuePair<string, string>[] Fields = [new("Input.Title", "Injected"), new("Command", "add-link")];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var response = await world.Anonymous.PostAsync(AddLinkUrl(world.A), Fields, token: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_researcher_gets_403()
    {
        var token = await world.OwnerB.TokenFromAsync($"/edit/{world.B.Slug}/projects");

        using var response = await world.OwnerB.PostAsync(AddLinkUrl(world.A, world.ItemsOfA["projects"]), Fields, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Another_profiles_project_under_your_own_profile_is_not_found()
    {
        var token = await world.OwnerA.TokenFromAsync($"/edit/{world.A.Slug}/projects");

        using var response = await world.OwnerA.PostAsync(AddLinkUrl(world.A, world.ItemsOfB["projects"]), Fields, token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        using var response = await world.OwnerA.PostAsync(AddLinkUrl(world.A), Fields, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_owner_gets_the_form_back_with_one_more_row()
    {
        var token = await world.OwnerA.TokenFromAsync($"/edit/{world.A.Slug}/projects");

        using var response = await world.OwnerA.PostAsync(AddLinkUrl(world.A, world.ItemsOfA["projects"]), Fields, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await response.ReadDocumentAsync()).QuerySelectorAll("li.link-row"));
    }
}
