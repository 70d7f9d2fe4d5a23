using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>
/// Without JavaScript, a form's answer opens where its result is: a refused save at the error
/// summary, which takes the focus and links to every field; a preview at the preview; a stale save
/// at the conflict message; a finished action at its status message.
/// </summary>
public sealed class FormLandingTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The summary is there, focusable, focused on load, and each of its links leads to an element of the page.</summary>
    private static void AssertSummaryLinksToFields(IDocument page, int expectedLinks)
    {
        var summary = page.QuerySelector("#form-errors")!;
        Assert.NotNull(summary);
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.True(summary.HasAttribute("autofocus"));
        Assert.Single(page.QuerySelectorAll("[autofocus]"));
        var targets = summary.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.Equal(expectedLinks, targets.Count);
        Assert.All(targets, id => Assert.True(page.GetElementById(id) is not null, $"The summary links to #{id}, which is not on the page."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/news")]
    [InlineData("/projects")]
    [InlineData("/positions")]
    [InlineData("/awards")]
    public async Task Forms_post_to_their_error_summary_and_previews_to_the_preview(string path)
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Fran Fragments"));

        var page = await owner.GetDocumentAsync($"/edit/{profile.Slug}{path}");

        var form = page.QuerySelector("main form.basics-form, main form.item-form") as IHtmlFormElement;
        Assert.EndsWith("#form-errors", form!.GetAttribute("action"), StringComparison.Ordinal);
        Assert.All(form.QuerySelectorAll("button[formaction*='handler=Preview']"), b => Assert.EndsWith("#preview", b.GetAttribute("formaction"), StringComparison.Ordinal));
        Assert.Equal("false", form.GetAttribute("data-unsaved"));
        Assert.Equal("Save before switching sections: changes here are not kept.", page.QuerySelector("nav.editor-nav .editor-nav-note")!.TextContent);
    }

    [Fact]
    public async Task The_publication_form_posts_to_its_error_summary_and_a_refused_save_lands_there()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Pat Pubform"));
        var url = $"/edit/{profile.Slug}/publications/new";

        var page = await owner.GetDocumentAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("main form.publication-form")!;
        Assert.EndsWith("/publications/new#form-errors", form.GetAttribute("action"), StringComparison.Ordinal);
        Assert.Equal("false", form.GetAttribute("data-unsaved"));
        Assert.Equal("Save before switching sections: changes here are not kept.", page.QuerySelector("nav.editor-nav .editor-nav-note")!.TextContent);

        using var refused = await owner.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Year"] = "nineteen" }, "main form.publication-form");
        var answer = await refused.ReadDocumentAsync();
        AssertSummaryLinksToFields(answer, 2);
        Assert.Equal("true", answer.QuerySelector("main form.publication-form")!.GetAttribute("data-unsaved"));
    }

    [Fact]
    public async Task Photo_paste_and_import_forms_name_where_their_answer_lands()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ivo Importer"));

        var photo = await owner.GetDocumentAsync($"/edit/{profile.Slug}/photo");
        var paste = await owner.GetDocumentAsync($"/edit/{profile.Slug}/news/paste");
        var import = await owner.GetDocumentAsync($"/edit/{profile.Slug}/publications/import");

        Assert.EndsWith("/photo#form-errors", photo.QuerySelector("form.upload-photo")!.GetAttribute("action"), StringComparison.Ordinal);
        Assert.EndsWith("?handler=Preview#preview", paste.QuerySelector("main form.item-form")!.GetAttribute("action"), StringComparison.Ordinal);
        Assert.EndsWith("?handler=Preview#preview", import.QuerySelector("form.import-source")!.GetAttribute("action"), StringComparison.Ordinal);
        Assert.All(new[] { photo, paste, import }, page => Assert.NotNull(page.QuerySelector("nav.editor-nav .editor-nav-note")));
    }

    [Fact]
    public async Task A_pasted_preview_and_an_import_preview_land_at_the_focused_preview()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Pia Paster"));

        using var paste = await owner.SubmitFormAsync($"/edit/{profile.Slug}/news/paste", new Dictionary<string, string> { ["Text"] = "2024-03 Talk at a workshop" }, "main form.item-form");
        using var import = await owner.SubmitFormAsync($"/edit/{profile.Slug}/publications/import",
            new Dictionary<string, string> { ["Bibtex"] = "@article{a, title={A Paper}, author={Piper, Pia}, year={2024}, journal={J}}" }, "form.import-source");

        foreach (var page in new[] { await paste.ReadDocumentAsync(), await import.ReadDocumentAsync() })
        {
            var preview = page.QuerySelector("#preview")!;
            Assert.True(preview.HasAttribute("autofocus"));
            Assert.Equal("-1", preview.GetAttribute("tabindex"));
            Assert.Single(page.QuerySelectorAll("[autofocus]"));
        }
    }

    [Fact]
    public async Task The_history_page_has_no_form_to_lose_and_says_nothing_about_saving()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Hal History"));

        var page = await owner.GetDocumentAsync($"/edit/{profile.Slug}/history");

        Assert.Null(page.QuerySelector(".editor-nav-note"));
    }

    [Fact]
    public async Task A_refused_basics_save_shows_the_focused_summary_linking_to_every_field()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Rita Refused"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "",
            ["Input.Slug"] = "Not A Slug",
            ["Input.Website"] = "ftp://example.org",
            ["Input.Interests"] = string.Join(",", Enumerable.Range(1, 60).Select(i => $"topic {Id(i)}")),
        }, "form.basics-form");

        var page = await response.ReadDocumentAsync();
        AssertSummaryLinksToFields(page, 4);
        Assert.Equal("true", page.QuerySelector("form.basics-form")!.GetAttribute("data-unsaved"));
    }

    [Fact]
    public async Task A_refused_project_save_links_to_the_link_row_it_concerns()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Pat Project"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}/projects", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Links[0].Url"] = "not a web address",
            ["Input.Start"] = "sometime",
        }, "form.item-form");

        AssertSummaryLinksToFields(await response.ReadDocumentAsync(), 3);
    }

    [Fact]
    public async Task A_preview_without_javascript_lands_at_the_focused_preview()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Vera Viewer"));

        using var basics = await owner.SubmitToAsync($"/edit/{profile.Slug}", $"/edit/{profile.Slug}?handler=Preview", new Dictionary<string, string> { ["Input.AboutMarkdown"] = "**Hello**" }, "form.basics-form");
        using var news = await owner.SubmitToAsync($"/edit/{profile.Slug}/news", $"/edit/{profile.Slug}/news?handler=Preview", new Dictionary<string, string> { ["Input.BodyMarkdown"] = "*News*" });

        foreach (var page in new[] { await basics.ReadDocumentAsync(), await news.ReadDocumentAsync() })
        {
            var preview = page.QuerySelector("#preview")!;
            Assert.True(preview.HasAttribute("autofocus"));
            Assert.Equal("-1", preview.GetAttribute("tabindex"));
            Assert.NotNull(preview.QuerySelector("strong, em"));
            Assert.Single(page.QuerySelectorAll("[autofocus]"));
        }
    }

    [Fact]
    public async Task A_stale_save_lands_at_the_focused_conflict_message()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Cora Conflict").WithNews("2024-01", "First"));
        var id = await factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id).Select(n => n.Id).SingleAsync());
        var url = $"/edit/{profile.Slug}/news/{Id(id)}";
        var stale = await owner.GetDocumentAsync(url);
        (await owner.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.BodyMarkdown"] = "Changed in another tab" }, "form.item-form")).Dispose();

        using var response = await owner.SubmitAsync((IHtmlFormElement)stale.QuerySelector("form.item-form")!, url, new Dictionary<string, string> { ["Input.BodyMarkdown"] = "Changed here" });

        var page = await response.ReadDocumentAsync();
        var conflict = page.QuerySelector("#form-errors.conflict")!;
        Assert.True(conflict.HasAttribute("autofocus"));
        Assert.Equal("-1", conflict.GetAttribute("tabindex"));
        Assert.Single(page.QuerySelectorAll("#form-errors"));
    }

    [Fact]
    public async Task Saves_that_succeed_land_at_their_status_message()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Sid Saver"));

        using var basics = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Researcher" }, "form.basics-form");
        using var paste = await owner.SubmitToAsync($"/edit/{profile.Slug}/news/paste", $"/edit/{profile.Slug}/news/paste", new Dictionary<string, string> { ["Text"] = "2024-03 Talk at a workshop" }, "main form");

        basics.AssertRedirectsTo($"/edit/{profile.Slug}#status");
        paste.AssertRedirectsTo($"/edit/{profile.Slug}/news#status");
        Assert.NotNull((await owner.GetDocumentAsync($"/edit/{profile.Slug}")).QuerySelector("#status"));
    }

    [Fact]
    public async Task Undo_returns_to_the_same_view_of_the_history_at_its_message()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Una Undo"));
        (await owner.SubmitFormAsync($"/edit/{profile.Slug}/news", new Dictionary<string, string> { ["Input.Date"] = "2024-05", ["Input.BodyMarkdown"] = "To be undone" }, "form.item-form")).Dispose();
        var history = $"/edit/{profile.Slug}/history";
        var entry = (await owner.GetDocumentAsync(history)).QuerySelector(".history-entry form.history-undo") as IHtmlFormElement;
        Assert.Equal($"/edit/{profile.Slug}/history?handler=Undo", entry!.GetAttribute("action"));

        using var response = await owner.SubmitAsync(entry, history, new Dictionary<string, string>());

        response.AssertRedirectsTo($"/edit/{profile.Slug}/history#status");
        Assert.Contains("undone", (await owner.GetDocumentAsync(history)).QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
    }
}
