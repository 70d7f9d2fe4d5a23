using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// A profile's Markdown is kept with its HTML as the profile shows it: rendered when saved, used
/// by the page while it was rendered as the site renders now, ignored and rendered again otherwise.
/// </summary>
public sealed class StoredMarkdownTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    /// <summary>A heading (whose level depends on where the text is shown) and a link, in each text.</summary>
    private static string Text(string what) => $"## {what} heading\n\nAbout *{what}*, see [the site](https://example.org/{what}).";

    private static ResearcherBuilder FullProfile(string name) => new ResearcherBuilder(name)
        .With(r =>
        {
            r.AboutMarkdown = Text("about");
            r.PublicationsNote = Text("note");
            r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.News, IntroMarkdown = Text("intro"), IsVisible = true, SortOrder = 1 });
        })
        .WithNews("2024-05", Text("news"))
        .WithPosition(new Position { Employer = "Institut Pasteur", Start = new PartialDate(2020), DescriptionMarkdown = Text("position") })
        .WithProject(new Project { Title = "Stored narrative", NarrativeMarkdown = Text("narrative") })
        .WithPublication("A paper that makes the list show", p => p.With(paper => paper.Year = 2023));

    /// <summary>Each stored text with its HTML, its stamp and the level the profile shows it at.</summary>
    private static async Task<List<(string Markdown, string? Html, int? Stamp, int Level)>> StoredAsync(AppDbContext db, int id)
    {
        var stored = new List<(string Markdown, string? Html, int? Stamp, int Level)>();
        var r = await db.Researchers.AsNoTracking().SingleAsync(r => r.Id == id);
        stored.Add((r.AboutMarkdown!, r.AboutHtml, r.RenderedWith, StoredMarkdown.AboutLevel));
        stored.Add((r.PublicationsNote!, r.PublicationsNoteHtml, r.RenderedWith, StoredMarkdown.PublicationsNoteLevel));
        var news = await db.News.AsNoTracking().Where(n => n.ResearcherId == id).OrderBy(n => n.Id).FirstAsync();
        stored.Add((news.BodyMarkdown, news.BodyHtml, news.RenderedWith, StoredMarkdown.NewsLevel));
        var position = await db.Positions.AsNoTracking().SingleAsync(p => p.ResearcherId == id);
        stored.Add((position.DescriptionMarkdown!, position.DescriptionHtml, position.RenderedWith, StoredMarkdown.PositionLevel));
        var section = await db.ProfileSections.AsNoTracking().SingleAsync(s => s.ResearcherId == id);
        stored.Add((section.IntroMarkdown!, section.IntroHtml, section.RenderedWith, StoredMarkdown.SectionIntroLevel));
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.ResearcherId == id);
        stored.Add((project.NarrativeMarkdown!, project.NarrativeHtml, project.RenderedWith, StoredMarkdown.ProjectNarrativeLevel));
        return stored;
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Every stored text of the profile made stale: no HTML, or HTML stamped by another rendering.</summary>
    private Task MakeStaleAsync(int id, string? html, int? stamp) => factory.ChangeDataAsync(async db =>
    {
        await db.Researchers.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.AboutHtml, html).SetProperty(r => r.PublicationsNoteHtml, html).SetProperty(r => r.RenderedWith, stamp));
        await db.News.Where(n => n.ResearcherId == id).ExecuteUpdateAsync(u => u.SetProperty(n => n.BodyHtml, html).SetProperty(n => n.RenderedWith, stamp));
        await db.Positions.Where(p => p.ResearcherId == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.DescriptionHtml, html).SetProperty(p => p.RenderedWith, stamp));
        await db.ProfileSections.Where(s => s.ResearcherId == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.IntroHtml, html).SetProperty(s => s.RenderedWith, stamp));
        await db.Projects.Where(p => p.ResearcherId == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.NarrativeHtml, html).SetProperty(p => p.RenderedWith, stamp));
    });

    private static void AssertFresh(List<(string Markdown, string? Html, int? Stamp, int Level)> stored)
    {
        Assert.Equal(6, stored.Count);
        foreach (var (markdown, html, stamp, level) in stored)
        {
            Assert.Equal(MarkdownRenderer.ToHtml(markdown, level), html);
            Assert.Equal(StoredMarkdown.Current, stamp);
        }
    }

    [Fact]
    public async Task Saving_a_profile_stores_each_text_as_the_profile_shows_it()
    {
        var profile = await FullProfile("Stella Stored").SaveAsync(factory);

        var stored = await WithDbAsync(db => StoredAsync(db, profile.Id));

        AssertFresh(stored);
        Assert.Contains("<h3", stored[0].Html, StringComparison.Ordinal);
        Assert.Contains("<h4", stored[3].Html, StringComparison.Ordinal);
        Assert.Contains("<h2", stored[5].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_text_is_rendered_again_when_saved()
    {
        var profile = await FullProfile("Chandra Changed").SaveAsync(factory);

        await factory.ChangeDataAsync(async db =>
        {
            var researcher = await db.Researchers.AsTracking().SingleAsync(r => r.Id == profile.Id);
            researcher.AboutMarkdown = "Now **bold** about.";
            var news = await db.News.AsTracking().SingleAsync(n => n.ResearcherId == profile.Id);
            news.BodyMarkdown = "Now *new* news.";
        });

        var stored = await WithDbAsync(db => StoredAsync(db, profile.Id));
        AssertFresh(stored);
        Assert.Equal("<p>Now <strong>bold</strong> about.</p>\n", stored[0].Html);
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        Assert.Contains("Now new news.", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_shows_the_stored_html_while_its_stamp_is_the_sites_and_renders_the_text_otherwise()
    {
        var profile = await FullProfile("Marcel Marker").SaveAsync(factory);
        var visitor = factory.CreateVisitor();
        var fresh = (await visitor.GetPageAsync($"/people/{profile.Slug}")).Document.QuerySelector("main")!.OuterHtml;

        await MakeStaleAsync(profile.Id, "<p>stored-marker</p>", StoredMarkdown.Current);
        var stored = await visitor.GetPageAsync($"/people/{profile.Slug}");
        // About, the note, the news item, the position and the section's intro.
        Assert.True(5 == stored.Document.QuerySelectorAll("main p").Count(p => p.TextContent == "stored-marker"), stored.Document.QuerySelector("main")!.OuterHtml);

        await MakeStaleAsync(profile.Id, "<p>stored-marker</p>", StoredMarkdown.Current + 1);
        var otherStamp = await visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.Equal(fresh, otherStamp.Document.QuerySelector("main")!.OuterHtml);

        await MakeStaleAsync(profile.Id, null, null);
        var none = await visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.Equal(fresh, none.Document.QuerySelector("main")!.OuterHtml);
    }

    [Fact]
    public async Task The_cv_the_project_page_and_the_publication_list_use_the_stored_html_with_headings_at_their_level()
    {
        var profile = await FullProfile("Carla Cvstored")
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Experience, IntroMarkdown = Text("experience"), IsVisible = true, SortOrder = 2 }))
            .SaveAsync(factory);
        var project = await WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.ResearcherId == profile.Id));
        var pages = new[] { $"/people/{profile.Slug}/cv", ProjectView.PathFor(profile.Slug, project.Id, project.Title), $"/people/{profile.Slug}/publications" };
        var visitor = factory.CreateVisitor();
        async Task<List<string>> MainsAsync()
        {
            var mains = new List<string>();
            foreach (var page in pages)
            {
                mains.Add((await visitor.GetPageAsync(page)).Document.QuerySelector("main")!.OuterHtml);
            }
            return mains;
        }
        // The elements each page shows the stored marker in, by tag name in page order.
        async Task<List<string>> MarkersAsync(string html)
        {
            await MakeStaleAsync(profile.Id, html, StoredMarkdown.Current);
            var tags = new List<string>();
            foreach (var page in pages)
            {
                var document = (await visitor.GetPageAsync(page)).Document;
                tags.Add(string.Join(' ', document.QuerySelectorAll("main *").Where(e => e.Children.Length == 0 && e.TextContent == "stored-marker").Select(e => e.TagName)));
            }
            return tags;
        }
        var fresh = await MainsAsync();

        // The stored HTML serves every page: the CV's narrative (its projects come first here),
        // intro and position, the project's narrative and the publication list's note.
        Assert.Equal(["P P P", "P", "P"], await MarkersAsync("<p>stored-marker</p>"));
        // Its headings moved to each page's level: the narrative (stored at 2) at 4 on the CV, the
        // CV's intro at 3 and position at 4 as stored, the note (stored at 3) at 2 on the list.
        Assert.Equal(["H4 H2 H2", "H2", "H1"], await MarkersAsync("<h2>stored-marker</h2>"));
        // An h6 cannot move up (its level before clamping is lost): the note is rendered instead.
        Assert.Equal(["H6 H6 H6", "H6", ""], await MarkersAsync("<h6>stored-marker</h6>"));

        await MakeStaleAsync(profile.Id, "<p>stored-marker</p>", StoredMarkdown.Current + 1);
        Assert.Equal(fresh, await MainsAsync());
    }

    /// <summary>Texts whose headings a level moves: deep ones clamped at h6, headings in quotes and lists, tags in code.</summary>
    public static TheoryData<string> HeadingTexts() => new()
    {
        "No heading, a [link](https://example.org) and `<h2>` in code.",
        "# Top\n\nText.\n\n## Second\n\n### Third",
        "## Starts at two\n\n###### Six deep\n\n#### Four",
        "# One\n\n###### Six: clamped whenever the text moves down",
        "Setext\n======\n\nBelow\n------\n\n> ### Quoted heading\n\n- ##### In a list",
        "```\n<h3>not a heading</h3>\n```\n\n### A real one with <h2> typed in it",
        "### Only a third-level heading",
        "## A table follows\n\n| h1 | h6 |\n| --- | --- |\n| <h2> | x |",
    };

    [Theory]
    [InlineData("<h2 id=\"a\">A</h2>\n<p>x</p>", 1, "<h3 id=\"a\">A</h3>\n<p>x</p>")]
    [InlineData("<h5>A</h5><h6 class=\"b\">B</h6>", 2, "<h6>A</h6><h6 class=\"b\">B</h6>")]
    [InlineData("<h6 class=\"b\">B</h6>", -1, null)]
    [InlineData("<table><thead><tr><th>h1</th></tr></thead></table>", -2, "<table><thead><tr><th>h1</th></tr></thead></table>")]
    public void Heading_tags_move_with_their_attributes_kept(string html, int by, string? expected) =>
        Assert.Equal(expected, StoredMarkdown.MoveHeadings(html, by));

    [Theory]
    [MemberData(nameof(HeadingTexts))]
    public void Stored_html_with_its_headings_moved_is_the_text_rendered_at_the_other_level(string markdown)
    {
        for (var stored = 1; stored <= 6; stored++)
        {
            var html = MarkdownRenderer.ToHtml(markdown, stored);
            for (var level = 1; level <= 6; level++)
            {
                var moved = StoredMarkdown.MoveHeadings(html, level - stored);
                var expected = MarkdownRenderer.ToHtml(markdown, level);
                // Only a move up from an h6 is refused: the level it had before clamping is lost.
                if (moved is null)
                {
                    Assert.True(level < stored && html.Contains("<h6>", StringComparison.Ordinal), $"Refused from {stored} to {level}: {html}");
                }
                else
                {
                    Assert.True(expected == moved, $"From {stored} to {level}:\n{moved}\nrendered:\n{expected}");
                }
                Assert.Equal(expected, StoredMarkdown.Html(html, StoredMarkdown.Current, markdown, stored, level));
            }
        }
    }

    [Fact]
    public async Task Stale_rows_are_rendered_again_in_batches_and_then_left_alone()
    {
        var first = await FullProfile("Rhea Refresh").SaveAsync(factory);
        var second = await FullProfile("Ravi Refresh").SaveAsync(factory);
        await MakeStaleAsync(first.Id, null, null);
        await MakeStaleAsync(second.Id, "<p>old</p>", StoredMarkdown.Current + 1);

        // Both profiles' rows at the least; other tests' profiles on this database may be stale too.
        var refreshed = await WithDbAsync(db => StoredMarkdown.RefreshAsync(db, batchSize: 1, CancellationToken.None));

        Assert.True(refreshed >= 10, $"{refreshed} rows rendered again.");
        AssertFresh(await WithDbAsync(db => StoredAsync(db, first.Id)));
        AssertFresh(await WithDbAsync(db => StoredAsync(db, second.Id)));
        Assert.Equal(0, await WithDbAsync(db => StoredMarkdown.RefreshAsync(db, batchSize: 100, CancellationToken.None)));
    }

    [Fact]
    public async Task The_refresh_after_start_up_renders_stale_rows_again()
    {
        var profile = await FullProfile("Stan Startup").SaveAsync(factory);
        await MakeStaleAsync(profile.Id, null, StoredMarkdown.Current - 1);

        // As the app runs it when the setting is on: once the app has started (this one has).
        using var refresh = new StoredHtmlRefresh(
            factory.Services.GetRequiredService<IServiceScopeFactory>(),
            factory.Services.GetRequiredService<IHostApplicationLifetime>(),
            NullLogger<StoredHtmlRefresh>.Instance);
        await refresh.StartAsync(CancellationToken.None);
        await refresh.ExecuteTask!;

        AssertFresh(await WithDbAsync(db => StoredAsync(db, profile.Id)));
    }

    [Fact]
    public async Task Undoing_a_change_and_restoring_a_deleted_item_render_the_restored_text()
    {
        var profile = await FullProfile("Una Undo").WithNews("2024-06", "To be *deleted*").SaveAsync(factory);
        var client = await factory.SignInAsync((await factory.CreateResearcherAsync(profile.Id)).Email!);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.History = new HistoryScope(profile.Id, null, "editor@example.org");
            (await db.Researchers.AsTracking().SingleAsync(r => r.Id == profile.Id)).AboutMarkdown = "Changed *about*.";
            db.News.Remove(await db.News.AsTracking().SingleAsync(n => n.ResearcherId == profile.Id && n.BodyMarkdown == "To be *deleted*"));
            await db.SaveChangesAsync();
        }
        await factory.EvictPublicPagesAsync();
        Assert.Equal("<p>Changed <em>about</em>.</p>\n", await WithDbAsync(db => db.Researchers.Where(r => r.Id == profile.Id).Select(r => r.AboutHtml).SingleAsync()));

        var url = $"/edit/{profile.Slug}/history";
        var history = await client.GetDocumentAsync(url);
        using (var undo = await client.UndoThroughConfirmationAsync(url, (IHtmlFormElement)history.QuerySelector(".history-entry form")!))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, undo.StatusCode);
        }

        var stored = await WithDbAsync(db => StoredAsync(db, profile.Id));
        Assert.Equal(Text("about"), stored[0].Markdown);
        AssertFresh(stored);
        var restored = await WithDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.ResearcherId == profile.Id && n.BodyMarkdown == "To be *deleted*"));
        Assert.Equal("<p>To be <em>deleted</em></p>\n", restored.BodyHtml);
        Assert.Equal(StoredMarkdown.Current, restored.RenderedWith);
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        Assert.Contains("To be deleted", page.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Changed about", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stamp_changes_with_how_links_to_other_sites_open()
    {
        var sameTab = StoredMarkdown.StampOf(ExternalLinks.SameTab);

        Assert.Equal(sameTab, StoredMarkdown.StampOf(new ExternalLinks(false, "profiles.example.org")));
        Assert.NotEqual(sameTab, StoredMarkdown.StampOf(new ExternalLinks(true, "profiles.example.org")));
        Assert.NotEqual(StoredMarkdown.StampOf(new ExternalLinks(true, "profiles.example.org")), StoredMarkdown.StampOf(new ExternalLinks(true, "people.example.edu")));
        Assert.Equal(StoredMarkdown.StampOf(new ExternalLinks(true, "Profiles.Example.org")), StoredMarkdown.StampOf(new ExternalLinks(true, "profiles.example.org")));
    }
}
