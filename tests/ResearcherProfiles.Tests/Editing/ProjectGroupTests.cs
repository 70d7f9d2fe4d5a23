using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>A project's group or theme and its institution: through the editor's real form, on the project's own page, and only on one's own projects.</summary>
public sealed class ProjectGroupTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string Form = "form.item-form";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<Project> ProjectAsync(int researcherId, string title) =>
        factory.ReadAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.ResearcherId == researcherId && p.Title == title));

    /// <summary>The project's page, found the way a visitor with an old link would: its id alone moves to the one address.</summary>
    private async Task<(string Html, IHtmlDocument Document)> ProjectPageAsync(string slug, int id)
    {
        var visitor = factory.CreateVisitor();
        using var moved = await visitor.GetAsync(new Uri($"/people/{slug}/projects/{Id(id)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        var html = await visitor.GetStringAsync(moved.Headers.Location!);
        return (html, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html));
    }

    [Fact]
    public async Task Group_and_institution_are_saved_trimmed_and_shown_encoded_on_the_project_page()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Gus Grouped"));
        var url = $"/edit/{profile.Slug}/projects";

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Sharper optimizers",
            ["Input.Kind"] = "Research",
            ["Input.Group"] = "  Optimization <for> deep learning & friends  ",
            ["Input.Institution"] = "\tLab \"Q\" & Co, Northbridge University ",
        }, Form)).AssertRedirectsTo(url);

        var stored = await ProjectAsync(profile.Id, "Sharper optimizers");
        Assert.Equal("Optimization <for> deep learning & friends", stored.Group);
        Assert.Equal("Lab \"Q\" & Co, Northbridge University", stored.Institution);

        var form = await owner.GetDocumentAsync($"{url}/{Id(stored.Id)}");
        Assert.Equal("Optimization <for> deep learning & friends", ((IHtmlInputElement)form.QuerySelector("#Input_Group")!).Value);
        Assert.Equal("Lab \"Q\" & Co, Northbridge University", ((IHtmlInputElement)form.QuerySelector("#Input_Institution")!).Value);
        Assert.Equal("Group or theme", form.QuerySelector("label[for=Input_Group]")!.CleanText());
        Assert.Equal("Institution", form.QuerySelector("label[for=Input_Institution]")!.CleanText());
        Assert.Contains("Optimization <for> deep learning & friends", form.QuerySelector($"#item-{Id(stored.Id)}")!.CleanText(), StringComparison.Ordinal);

        var (html, page) = await ProjectPageAsync(profile.Slug, stored.Id);
        Assert.Equal("Part of: Optimization <for> deep learning & friends", page.QuerySelector(".project-group")!.CleanText());
        Assert.Equal("Lab \"Q\" & Co, Northbridge University", page.QuerySelector(".item-meta .project-institution")!.CleanText());
        Assert.Contains("Optimization &lt;for&gt; deep learning &amp; friends", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<for>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emptied_group_and_institution_are_stored_as_nothing_and_the_page_shows_neither()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ned Nogroup")
            .WithProject(new Project { Title = "Ungrouped at last", Group = "Old theme", Institution = "Old lab" }));
        var id = (await ProjectAsync(profile.Id, "Ungrouped at last")).Id;
        var url = $"/edit/{profile.Slug}/projects/{Id(id)}";

        (await owner.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Group"] = "   ", ["Input.Institution"] = "" }, Form))
            .AssertRedirectsTo($"/edit/{profile.Slug}/projects");

        var stored = await ProjectAsync(profile.Id, "Ungrouped at last");
        Assert.Null(stored.Group);
        Assert.Null(stored.Institution);
        var (_, page) = await ProjectPageAsync(profile.Slug, id);
        Assert.Null(page.QuerySelector(".project-group"));
        Assert.Null(page.QuerySelector(".project-institution"));
    }

    [Theory]
    [InlineData("Input.Group", "The group is at most 200 characters.")]
    [InlineData("Input.Institution", "The institution is at most 200 characters.")]
    public async Task Too_long_a_value_is_explained_next_to_the_field_and_saves_nothing(string field, string message)
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Lon Gvalue"));
        var url = $"/edit/{profile.Slug}/projects";
        var value = new string('g', 201);

        using var response = await owner.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "Too long", [field] = value }, Form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var id = field.Replace('.', '_');
        Assert.Equal(message, page.QuerySelector($"#{id}-error")!.CleanText());
        var input = (IHtmlInputElement)page.QuerySelector($"#{id}")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains($"{id}-error", input.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(value, input.Value);
        Assert.Contains(message, page.QuerySelector(".form-errors[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await factory.ItemsAsync("projects", profile.Id));
    }

    [Fact]
    public async Task The_group_field_suggests_this_profiles_groups_as_spelled_in_list_order_and_never_another_profiles()
    {
        await new ResearcherBuilder("Olga Other").WithProject(new Project { Title = "Theirs", Group = "Someone else's theme" }).SaveAsync(factory);
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Sue Suggest")
            .WithProject(new Project { Title = "First", Group = "Sparse models" })
            .WithProject(new Project { Title = "Second", Group = "Optimization for deep learning" })
            .WithProject(new Project { Title = "Third" })
            .WithProject(new Project { Title = "Fourth", Group = "Sparse models" })
            .WithProject(new Project { Title = "Fifth", Group = "sparse models" }));
        var id = (await ProjectAsync(profile.Id, "Third")).Id;

        foreach (var url in new[] { $"/edit/{profile.Slug}/projects", $"/edit/{profile.Slug}/projects/{Id(id)}" })
        {
            var form = (await owner.GetDocumentAsync(url)).QuerySelector(Form)!;
            var list = form.QuerySelector("#Input_Group")!.GetAttribute("list")!;
            var options = form.QuerySelectorAll($"datalist#{list} option").Select(o => o.GetAttribute("value")).ToList();
            Assert.Equal(["Sparse models", "Optimization for deep learning", "sparse models"], options);
        }
    }

    [Fact]
    public async Task A_form_opened_before_someone_changed_the_group_names_it_in_the_conflict()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Stan Stale")
            .WithProject(new Project { Title = "Contested", Group = "Before" }));
        var id = (await ProjectAsync(profile.Id, "Contested")).Id;
        var url = $"/edit/{profile.Slug}/projects/{Id(id)}";
        var stale = (IHtmlFormElement)(await owner.GetDocumentAsync(url)).QuerySelector(Form)!;

        var admin = await factory.SignedInAdminAsync();
        (await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Group"] = "Theirs", ["Input.Institution"] = "Their lab" }, Form))
            .AssertRedirectsTo($"/edit/{profile.Slug}/projects");

        using var response = await owner.SubmitAsync(stale, url, new Dictionary<string, string> { ["Input.Group"] = "Mine" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var changes = page.QuerySelectorAll(".conflict-changes dt").Select(dt => dt.CleanText()).ToList();
        Assert.Equal(["Group or theme", "Institution"], changes);
        Assert.Equal("now: Theirs", page.QuerySelectorAll(".conflict-changes dd")[0].CleanText());
        Assert.Equal("Mine", ((IHtmlInputElement)page.QuerySelector("#Input_Group")!).Value);
        Assert.Equal("Theirs", (await ProjectAsync(profile.Id, "Contested")).Group);
    }

    [Fact]
    public async Task A_researcher_cannot_set_the_group_or_institution_of_another_profiles_project()
    {
        var (mine, me) = await factory.OwnedProfileAsync(new ResearcherBuilder("Mia Mine").WithProject(new Project { Title = "My project" }));
        var (theirs, _) = await factory.OwnedProfileAsync(new ResearcherBuilder("Theo Theirs").WithProject(new Project { Title = "Their project" }));
        var theirId = (await ProjectAsync(theirs.Id, "Their project")).Id;
        var token = await me.TokenFromAsync($"/edit/{mine.Slug}/projects");
        KeyValuePair<string, string>[] fields = [new("Input.Title", "Their project"), new("Input.Group", "Hijacked"), new("Input.Institution", "Elsewhere")];

        using var underTheirs = await me.PostAsync($"/edit/{theirs.Slug}/projects/{Id(theirId)}", fields, token);
        using var underMine = await me.PostAsync($"/edit/{mine.Slug}/projects/{Id(theirId)}", fields, token);

        Assert.Equal(HttpStatusCode.Forbidden, underTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, underMine.StatusCode);
        var stored = await ProjectAsync(theirs.Id, "Their project");
        Assert.Null(stored.Group);
        Assert.Null(stored.Institution);
        Assert.Equal(0, await factory.ReadAsync(db => db.Projects.CountAsync(p => p.Group == "Hijacked")));
    }

    [Fact]
    public async Task The_editor_with_its_suggestions_and_the_project_page_with_group_and_institution_are_valid_HTML()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Val Idgroup")
            .WithProject(new Project { Title = "Checked", Group = "Theme & <variations>", Institution = "Northbridge University" }));
        var id = (await ProjectAsync(profile.Id, "Checked")).Id;

        var pages = new Dictionary<string, string>
        {
            ["new project form"] = await owner.GetStringAsync(new Uri($"/edit/{profile.Slug}/projects", UriKind.Relative)),
            ["project form"] = await owner.GetStringAsync(new Uri($"/edit/{profile.Slug}/projects/{Id(id)}", UriKind.Relative)),
            ["project page"] = (await ProjectPageAsync(profile.Slug, id)).Html,
        };

        Assert.Empty(await HtmlChecker.ErrorsAsync(pages));
    }
}
