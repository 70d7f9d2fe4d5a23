using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Pages.Edit;

namespace ResearcherProfiles.Tests.Editing.Publications;

public sealed class PublicationEditorTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private async Task<(Researcher Researcher, HttpClient Client)> SignedInResearcherAsync(string name = "Ada Moreau", Action<ResearcherBuilder>? build = null)
    {
        var builder = new ResearcherBuilder(name);
        build?.Invoke(builder);
        var researcher = await builder.SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(researcher.Id);
        return (researcher, await factory.SignInAsync(user.Email!));
    }

    private Task<Publication?> FindAsync(string title) => factory.QueryAsync(db => db.Publications
        .Include(p => p.Authors).Include(p => p.Links).Include(p => p.Profiles)
        .SingleOrDefaultAsync(p => p.Title == title));

    [Fact]
    public async Task A_paper_with_1000_authors_as_the_import_allows_is_saved_through_the_editor_form()
    {
        var (ada, client) = await SignedInResearcherAsync("Many Authors");
        var builder = new PublicationBuilder("A very large collaboration", ada).Owner();
        for (var i = 1; i < 1000; i++)
        {
            builder.Author($"Collaborator {i}", equal: i % 3 == 0, corresponding: i == 999);
        }
        var paper = await builder.ShownOn(ada).SaveAsync(factory);

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/{paper.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "A very large collaboration, revised",
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var saved = await FindAsync("A very large collaboration, revised");
        Assert.NotNull(saved);
        Assert.Equal(1000, saved.Authors.Count);
        Assert.Equal("Collaborator 999", saved.Authors.Single(a => a.Position == 999).Name);
        Assert.True(saved.Authors.Single(a => a.Position == 999).Corresponding);
        Assert.Equal(333, saved.Authors.Count(a => a.EqualContribution));
    }

    [Fact]
    public async Task A_new_publication_with_three_authors_shows_on_the_public_profile_with_marks_legend_and_the_owner_in_bold()
    {
        var (ada, client) = await SignedInResearcherAsync();

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Sparse attention at scale",
            ["Input.VenueName"] = "International Conference on Learning Representations",
            ["Input.VenueShort"] = "ICLR",
            ["Input.Year"] = "2024",
            ["Input.Month"] = "5",
            ["Input.Badges"] = "Spotlight\nOral Presentation",
            ["Input.ArxivId"] = "arXiv:2403.16952",
            ["Input.Authors[0].EqualContribution"] = "true",
            ["Input.Authors[1].Name"] = "Li Wei",
            ["Input.Authors[1].EqualContribution"] = "true",
            ["Input.Authors[2].Name"] = "Sam Ortiz",
            ["Input.Authors[2].Corresponding"] = "true",
            ["Input.Links[0].Kind"] = "Code",
            ["Input.Links[0].Url"] = "https://github.com/example/sparse",
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var saved = await FindAsync("Sparse attention at scale");
        Assert.NotNull(saved);
        Assert.Equal("2403.16952", saved.ArxivId);
        Assert.Equal(["Spotlight", "Oral Presentation"], saved.Badges);
        Assert.Equal(ada.Id, Assert.Single(saved.Profiles).ResearcherId);

        var page = await factory.CreateVisitor().GetPageAsync($"/people/{ada.Slug}/publications");
        var article = page.Document.QuerySelector($"#pub-{saved.Id}")!;
        Assert.Equal("Ada Moreau*, Li Wei*, and Sam Ortiz†", article.QuerySelector(".pub-authors")!.CleanText());
        Assert.Equal("Ada Moreau", article.QuerySelector("strong.author-self")!.CleanText());
        Assert.Contains("(*: Equal contribution; †: Corresponding author)", page.TextOf(".legend"), StringComparison.Ordinal);
        Assert.Contains(article.QuerySelectorAll(".pub-links a"), a => a.TextContent == "Code" && a.GetAttribute("href") == "https://github.com/example/sparse");
        Assert.Equal(["Spotlight", "Oral Presentation"], article.QuerySelectorAll(".badge").Select(b => b.CleanText()));
    }

    [Fact]
    public async Task Linking_an_author_to_another_researcher_suggests_the_paper_to_them_and_it_reaches_their_profile_when_they_accept()
    {
        var bo = await new ResearcherBuilder("Bo Chen")
            .WithPublication("Bo's earlier paper", p => p.Owner())
            .SaveAsync(factory);
        var boUser = await factory.CreateResearcherAsync(bo.Id);
        var (ada, client) = await SignedInResearcherAsync();

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "A shared paper",
            ["Input.Authors[1].ResearcherId"] = bo.Id.ToString(CultureInfo.InvariantCulture),
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var saved = (await FindAsync("A shared paper"))!;
        Assert.Equal(["Ada Moreau", "Bo Chen"], saved.Authors.OrderBy(a => a.Position).Select(a => a.Name));
        Assert.DoesNotContain(saved.Profiles, p => p.ResearcherId == bo.Id);
        var visitor = factory.CreateVisitor();
        Assert.DoesNotContain("A shared paper", (await visitor.GetPageAsync($"/people/{bo.Slug}/publications")).TextsOf(".pub-title"));

        var boClient = await factory.SignInAsync(boUser.Email!);
        Assert.Contains("1 paper suggested by co-authors", (await boClient.GetPageAsync($"/edit/{bo.Slug}/publications")).BodyText, StringComparison.Ordinal);
        var suggestions = $"/edit/{bo.Slug}/publications/suggested";
        (await boClient.SubmitFormAsync(suggestions, new Dictionary<string, string>(), "form.accept")).AssertRedirectTo(suggestions);

        var listed = (await FindAsync("A shared paper"))!.Profiles.Single(p => p.ResearcherId == bo.Id);
        Assert.True(listed.IsVisible);
        Assert.False(listed.IsHighlighted);
        var page = await visitor.GetPageAsync($"/people/{bo.Slug}/publications");
        var article = page.Document.QuerySelector($"#pub-{saved.Id}")!;
        Assert.Equal("Bo Chen", article.QuerySelector("strong.author-self")!.CleanText());
        Assert.Equal($"/people/{ada.Slug}", article.QuerySelector(".pub-authors a")!.GetAttribute("href"));
        Assert.Empty(await factory.ReadAsync(db => db.PublicationSuggestions.Where(s => s.ResearcherId == bo.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_profile_that_accepts_coauthors_papers_gets_a_linked_paper_where_its_date_puts_it_at_once()
    {
        var bo = await new ResearcherBuilder("Bo Auto")
            .With(r => r.AcceptCoauthorPapers = true)
            .WithPublication("Bo's newer paper", p => p.Owner().With(x => x.Year = 2024))
            .WithPublication("Bo's older paper", p => p.Owner().With(x => x.Year = 2019))
            .SaveAsync(factory);
        var (ada, client) = await SignedInResearcherAsync();

        (await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "An accepted shared paper",
            ["Input.Year"] = "2021",
            ["Input.Authors[1].ResearcherId"] = bo.Id.ToString(CultureInfo.InvariantCulture),
        })).AssertRedirectTo($"/edit/{ada.Slug}/publications");

        var onBo = (await FindAsync("An accepted shared paper"))!.Profiles.Single(p => p.ResearcherId == bo.Id);
        Assert.True(onBo.IsVisible);
        var boList = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == bo.Id)
            .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id).Select(pp => pp.Publication!.Title).ToListAsync());
        Assert.Equal(["Bo's newer paper", "An accepted shared paper", "Bo's older paper"], boList);
        // The listing is Bo's: it is recorded in Bo's history, not only in Ada's.
        Assert.True(await factory.ReadAsync(db => db.Revisions.AnyAsync(r => r.ResearcherId == bo.Id && r.EntityType == "ProfilePublication" && r.EntityId == onBo.Id)));
    }

    [Fact]
    public async Task A_hand_added_paper_goes_where_its_date_puts_it_and_the_editor_lands_on_it()
    {
        var (ada, client) = await SignedInResearcherAsync(build: b => b
            .WithPublication("Paper of 2024", p => p.Owner().With(x => x.Year = 2024))
            .WithPublication("Paper of 2018", p => p.Owner().With(x => x.Year = 2018)));

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Paper of September 2021",
            ["Input.Year"] = "2021",
            ["Input.Month"] = "9",
        });

        var order = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == ada.Id)
            .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id).Select(pp => new { pp.Id, pp.Publication!.Title }).ToListAsync());
        Assert.Equal(["Paper of 2024", "Paper of September 2021", "Paper of 2018"], order.Select(o => o.Title));
        Assert.Equal($"/edit/{ada.Slug}/publications#entry-{order[1].Id}", response.Headers.Location?.OriginalString);
        var list = await client.GetDocumentAsync($"/edit/{ada.Slug}/publications");
        Assert.Contains("where its date puts it", list.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector($"#entry-{order[1].Id}"));
    }

    [Fact]
    public async Task Save_and_add_another_saves_the_paper_and_opens_an_empty_form_for_the_next()
    {
        var (ada, client) = await SignedInResearcherAsync();
        var url = $"/edit/{ada.Slug}/publications/new";

        using var response = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Command"] = PublicationEditModel.SaveAndAddCommand,
            ["Input.Title"] = "First of several",
        });

        Assert.Equal($"{url}#status", response.Headers.Location?.OriginalString);
        Assert.NotNull(await FindAsync("First of several"));
        var next = await client.GetDocumentAsync(url);
        Assert.Contains("Added “First of several”", next.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(string.Empty, ((IHtmlInputElement)next.QuerySelector("#Input_Title")!).Value);
        // Editing an existing paper offers no such button.
        var existing = (await FindAsync("First of several"))!;
        Assert.Null((await client.GetDocumentAsync($"/edit/{ada.Slug}/publications/{existing.Id}")).QuerySelector($"button[value='{PublicationEditModel.SaveAndAddCommand}']"));
    }

    [Fact]
    public async Task Author_rows_move_and_go_without_saving_until_save_is_pressed()
    {
        var (ada, client) = await SignedInResearcherAsync(build: b => b.WithPublication("Ordering matters", p => p.Author("First Author").Author("Second Author").Owner()));
        var publication = (await FindAsync("Ordering matters"))!;
        var url = $"/edit/{ada.Slug}/publications/{publication.Id}";

        using var moved = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Command"] = "author-down-0" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var form = (IHtmlFormElement)(await moved.ReadDocumentAsync()).QuerySelector("main form")!;
        Assert.Equal(["Second Author", "First Author", "Ada Moreau", ""], AuthorNames(form));
        Assert.Equal(["First Author", "Second Author", "Ada Moreau"], (await FindAsync("Ordering matters"))!.Authors.OrderBy(a => a.Position).Select(a => a.Name));

        using var removed = await client.SubmitAsync(form, url, new Dictionary<string, string> { ["Command"] = "author-remove-1" });
        form = (IHtmlFormElement)(await removed.ReadDocumentAsync()).QuerySelector("main form")!;
        Assert.Equal(["Second Author", "Ada Moreau", ""], AuthorNames(form));

        using var added = await client.SubmitAsync(form, url, new Dictionary<string, string> { ["Command"] = "add-author" });
        form = (IHtmlFormElement)(await added.ReadDocumentAsync()).QuerySelector("main form")!;
        Assert.Equal(4, AuthorNames(form).Count);

        using var saved = await client.SubmitAsync(form, url, new Dictionary<string, string>
        {
            ["Command"] = "save",
            ["Input.Authors[3].Name"] = "Third Author",
            ["Input.Authors[3].Corresponding"] = "true",
        });
        saved.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var authors = (await FindAsync("Ordering matters"))!.Authors.OrderBy(a => a.Position).ToList();
        Assert.Equal(["Second Author", "Ada Moreau", "Third Author"], authors.Select(a => a.Name));
        Assert.Equal([0, 1, 2], authors.Select(a => a.Position));
        Assert.True(authors[2].Corresponding);
        Assert.Equal(ada.Id, authors[1].ResearcherId);
    }

    [Fact]
    public async Task The_add_another_link_button_adds_a_row()
    {
        var (ada, client) = await SignedInResearcherAsync();
        var url = $"/edit/{ada.Slug}/publications/new";
        var before = (await client.GetDocumentAsync(url)).QuerySelectorAll("input[name$='.Url'][name^='Input.Links']").Length;
        using var response = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Command"] = "add-link" });
        var after = (await response.ReadDocumentAsync()).QuerySelectorAll("input[name$='.Url'][name^='Input.Links']").Length;
        Assert.Equal(before + 1, after);
    }

    public static TheoryData<string, string, string, string> InvalidInputs => new()
    {
        { "Input.Title", "", "Input.Title", "Enter the title." },
        { "Input.Title", new string('x', 501), "Input.Title", "The title is at most 500 characters." },
        { "Input.Year", "1800", "Input.Year", "Enter a year between 1900 and 2100." },
        { "Input.Url", "javascript:alert(1)", "Input.Url", "Enter a web address starting with http:// or https://." },
        { "Input.Links[0].Url", "ftp://example.org/paper.pdf", "Input.Links[0].Url", "Enter a web address starting with http:// or https://." },
        { "Input.ArxivId", "not an id", "Input.ArxivId", "Enter an arXiv identifier such as 2403.16952 or cs/0112017." },
        { "Input.Doi", "doi me", "Input.Doi", "Enter a DOI such as 10.18653/v1/2023.acl-long.1." },
        { "Input.Authors[1].Name", new string('n', 201), "Input.Authors[1].Name", "An author's name is at most 200 characters." },
        { "Input.Authors[1].EqualContribution", "true", "Input.Authors[1].Name", "Enter the author's name, or remove the row." },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_input_is_explained_next_to_the_field_and_nothing_is_saved(string field, string value, string errorFor, string message)
    {
        var (ada, client) = await SignedInResearcherAsync();
        var title = $"Valid title {Guid.NewGuid():N}";

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            [field] = value,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Equal(message, document.QuerySelector($"[data-valmsg-for='{errorFor}']")?.CleanText());
        Assert.Contains(message, document.QuerySelector(".form-errors[role=alert]")!.CleanText(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.ProfilePublications.CountAsync(pp => pp.ResearcherId == ada.Id)));
    }

    [Fact]
    public async Task A_publication_needs_at_least_one_author()
    {
        var (ada, client) = await SignedInResearcherAsync();

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Nobody wrote this",
            ["Input.Authors[0].Name"] = "",
            ["Input.Authors[0].ResearcherId"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Equal("Add at least one author.", document.QuerySelector("[data-valmsg-for='Input.Authors']")?.CleanText());
        Assert.Null(await FindAsync("Nobody wrote this"));
    }

    [Fact]
    public async Task Editing_an_existing_publication_changes_the_shared_record_and_keeps_unchanged_authors()
    {
        var bo = await new ResearcherBuilder("Bo Chen").SaveAsync(factory);
        var (ada, client) = await SignedInResearcherAsync(build: b => b.WithPublication("Before the edit", p => p.Owner().Author(bo).ShownOn(bo)));
        var publication = (await FindAsync("Before the edit"))!;
        var authorIds = publication.Authors.OrderBy(a => a.Position).Select(a => a.Id).ToList();

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/{publication.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "After the edit",
            ["Input.Status"] = "UnderReview",
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var saved = (await FindAsync("After the edit"))!;
        Assert.Equal(PublicationStatus.UnderReview, saved.Status);
        Assert.Equal(authorIds, saved.Authors.OrderBy(a => a.Position).Select(a => a.Id));
        Assert.Equal(2, saved.Profiles.Count);
        var onBo = await factory.CreateVisitor().GetPageAsync($"/people/{bo.Slug}/publications");
        Assert.Contains("After the edit", onBo.TextsOf(".pub-title"));
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_an_explanation_and_overwrites_nothing()
    {
        var (ada, client) = await SignedInResearcherAsync(build: b => b.WithPublication("Original title", p => p.Owner()));
        var publication = (await FindAsync("Original title"))!;
        var url = $"/edit/{ada.Slug}/publications/{publication.Id}";
        var staleForm = (IHtmlFormElement)(await client.GetDocumentAsync(url)).QuerySelector("main form")!;

        using (var first = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "Saved meanwhile" }))
        {
            first.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        }
        using var stale = await client.SubmitAsync(staleForm, url, new Dictionary<string, string> { ["Input.Title"] = "From the stale form" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var document = await stale.ReadDocumentAsync();
        var conflict = document.QuerySelector(".conflict[role=alert]")!.CleanText();
        Assert.Contains("This publication was changed by someone else since you opened it", conflict, StringComparison.Ordinal);
        Assert.Equal(["Title"], document.QuerySelectorAll(".conflict-changes dt").Select(dt => dt.CleanText()));
        Assert.Equal(["now: Saved meanwhile"], document.QuerySelectorAll(".conflict-changes dd").Select(dd => dd.CleanText()));
        Assert.NotNull(await FindAsync("Saved meanwhile"));
        Assert.Null(await FindAsync("From the stale form"));

        // Having seen the other version, saving again is a deliberate choice and goes through.
        using var again = await client.SubmitAsync((IHtmlFormElement)document.QuerySelector("main form")!, url, new Dictionary<string, string>());
        again.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        Assert.NotNull(await FindAsync("From the stale form"));
    }

    [Fact]
    public async Task A_stale_form_names_the_author_list_changed_meanwhile_in_words()
    {
        var (ada, client) = await SignedInResearcherAsync(build: b => b.WithPublication("Shared draft", p => p.Owner()));
        var publication = (await FindAsync("Shared draft"))!;
        var url = $"/edit/{ada.Slug}/publications/{publication.Id}";
        var staleForm = (IHtmlFormElement)(await client.GetDocumentAsync(url)).QuerySelector("main form")!;

        using (var first = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Authors[1].Name"] = "Bo Chen", ["Input.Authors[1].EqualContribution"] = "true" }))
        {
            first.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        }
        using var stale = await client.SubmitAsync(staleForm, url, new Dictionary<string, string> { ["Input.Title"] = "Renamed" });

        var document = await stale.ReadDocumentAsync();
        Assert.Equal(["Authors"], document.QuerySelectorAll(".conflict-changes dt").Select(dt => dt.CleanText()));
        Assert.EndsWith(", Bo Chen*", document.QuerySelector(".conflict-changes dd")!.CleanText(), StringComparison.Ordinal);
    }

    private static List<string> AuthorNames(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Name is { } n && n.StartsWith("Input.Authors[", StringComparison.Ordinal) && n.EndsWith("].Name", StringComparison.Ordinal))
            .Select(i => i.Value)
            .ToList();
}
