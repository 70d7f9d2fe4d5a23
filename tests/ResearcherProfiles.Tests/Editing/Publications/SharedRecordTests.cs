using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// One record per paper, with clear rules: only linked authors change a record others list too,
/// joining one needs the joiner among its authors, nothing reaches a profile without its owner's
/// consent, every change is in every listing profile's history, and undo never takes a paper off
/// someone else's profile.
/// </summary>
public sealed class SharedRecordTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<Publication> PaperAsync(int id) => factory.ReadAsync(db => db.Publications.AsNoTracking()
        .Include(p => p.Authors).Include(p => p.Links).Include(p => p.Profiles).AsSplitQuery().SingleAsync(p => p.Id == id));

    private async Task<(Researcher Profile, HttpClient Client)> SignedInAsync(ResearcherBuilder builder)
    {
        var profile = await builder.SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(profile.Id);
        return (profile, await factory.SignInAsync(user.Email!));
    }

    /// <summary>A paper on Bo's profile, with Bo a linked author, also listed on <paramref name="alsoOn"/>'s profile.</summary>
    private async Task<int> BosPaperAsync(string title, Researcher alsoOn, Action<Publication>? change = null)
    {
        var bo = await new ResearcherBuilder("Bo Owner" + TestNames.Unique())
            .WithPublication(title, p => p.Owner().Author("Someone Else").With(x => change?.Invoke(x)))
            .SaveAsync(factory);
        var id = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == bo.Id).Select(pp => pp.PublicationId).SingleAsync());
        await factory.ReadAsync(async db =>
        {
            db.ProfilePublications.Add(new ProfilePublication { ResearcherId = alsoOn.Id, PublicationId = id, SortOrder = 0 });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task A_researcher_who_lists_a_shared_paper_but_is_not_its_author_cannot_change_it()
    {
        var (mallory, client) = await SignedInAsync(new ResearcherBuilder("Mallory Lister"));
        var title = $"Bo's careful paper {TestNames.Unique()}";
        var id = await BosPaperAsync(title, mallory);
        var url = $"/edit/{mallory.Slug}/publications/{Id(id)}";

        var page = await client.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("form.publication-form"));
        Assert.Contains("not among its linked authors", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var token = await client.TokenFromAsync($"/edit/{mallory.Slug}/publications");
        using var response = await client.PostAsync(url, [
            new("Command", "save"), new("Input.Title", "Defaced"), new("Input.Authors[0].Name", "Mallory Lister"),
        ], token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paper = await PaperAsync(id);
        Assert.Equal(title, paper.Title);
        Assert.Equal(2, paper.Authors.Count);
    }

    /// <summary>A paper on Bo's profile and on Cy's, both linked authors (Bo first, Cy second); Cy signed in.</summary>
    private async Task<(Researcher Bo, Researcher Cy, HttpClient CyClient, int PaperId, string Title)> CoauthoredPaperAsync()
    {
        var t = TestNames.Unique();
        var (cy, client) = await SignedInAsync(new ResearcherBuilder("Cy Coauthor" + t));
        var title = $"Our joint paper {t}";
        var bo = await new ResearcherBuilder("Bo Linked" + t)
            .WithPublication(title, p => p.Owner().Author(cy).With(x => x.Pages = "1--10"))
            .SaveAsync(factory);
        var id = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == bo.Id).Select(pp => pp.PublicationId).SingleAsync());
        await factory.ReadAsync(async db =>
        {
            db.ProfilePublications.Add(new ProfilePublication { ResearcherId = cy.Id, PublicationId = id, SortOrder = 0 });
            return await db.SaveChangesAsync();
        });
        return (bo, cy, client, id, title);
    }

    [Fact]
    public async Task A_linked_coauthor_cannot_unlink_another_linked_author_who_lists_the_paper()
    {
        var (bo, cy, client, id, title) = await CoauthoredPaperAsync();
        var url = $"/edit/{cy.Slug}/publications/{Id(id)}";

        // Unlinking Bo's row (removing it posts the same: Bo's id is no longer among the rows).
        using var refused = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Authors[0].ResearcherId"] = "",
            ["Input.Title"] = "Taken over",
            ["Command"] = "save",
        }, "form.publication-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Equal(
            $"{bo.DisplayName} is a linked author who lists this paper, so the author rows must keep that link: only that researcher, from their own profile, or an administrator can remove it. You can still correct how the names are written.",
            page.QuerySelector("#Input_Authors > .field-error")?.TextContent.Trim());
        var paper = await PaperAsync(id);
        Assert.Equal(title, paper.Title);
        Assert.Equal(bo.Id, paper.Authors.Single(a => a.Position == 0).ResearcherId);

        // Writing Bo's name another way, with the link kept, is a change Cy may make.
        var initial = "B. " + bo.DisplayName.Split(' ')[^1];
        using var renamed = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Authors[0].Name"] = initial,
            ["Command"] = "save",
        }, "form.publication-form");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var saved = (await PaperAsync(id)).Authors.Single(a => a.Position == 0);
        Assert.Equal((initial, (int?)bo.Id), (saved.Name, saved.ResearcherId));
    }

    [Fact]
    public async Task Saving_a_shared_paper_unchanged_writes_nothing_and_leaves_a_coauthors_open_form_current()
    {
        var (bo, cy, cyClient, id, _) = await CoauthoredPaperAsync();
        var boUser = await factory.CreateResearcherAsync(bo.Id);
        var boClient = await factory.SignInAsync(boUser.Email!);
        var boUrl = $"/edit/{bo.Slug}/publications/{Id(id)}";
        var boForm = (IHtmlFormElement)(await boClient.GetDocumentAsync(boUrl)).QuerySelector("form.publication-form")!;
        var before = await PaperAsync(id);

        using var unchanged = await cyClient.SubmitFormAsync($"/edit/{cy.Slug}/publications/{Id(id)}",
            new Dictionary<string, string> { ["Command"] = "save" }, "form.publication-form");

        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        var after = await PaperAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        using var boSave = await boClient.SubmitAsync(boForm, boUrl, new Dictionary<string, string> { ["Input.Pages"] = "1--12", ["Command"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, boSave.StatusCode);
        Assert.Equal("1--12", (await PaperAsync(id)).Pages);
    }

    [Fact]
    public async Task Importing_a_DOI_that_belongs_to_someone_elses_paper_is_a_conflict_not_a_join()
    {
        var t = TestNames.Unique();
        var (mallory, client) = await SignedInAsync(new ResearcherBuilder("Mallory Importer" + t));
        var bo = await new ResearcherBuilder("Bo Author" + t)
            .WithPublication($"Bo's DOI paper {t}", p => p.Owner().With(x => x.Doi = $"10.5555/conflict.{t}"))
            .SaveAsync(factory);
        var id = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == bo.Id).Select(pp => pp.PublicationId).SingleAsync());
        var url = $"/edit/{mallory.Slug}/publications/import";
        var bibtex = $"@article{{x, title = {{Bo's DOI paper {t}}}, author = {{Mallory Importer{t}}}, doi = {{10.5555/conflict.{t}}}, year = 2024}}";

        using var preview = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Bibtex"] = bibtex }, "form.import-source");
        var document = await preview.ReadDocumentAsync();

        Assert.Equal("Conflict", document.QuerySelector("#entry-0 .import-state")!.TextContent.Trim());
        Assert.Contains("authors do not include you", document.QuerySelector("#entry-0 .import-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("#choose-0"));

        // Ticking it anyway (a forged form) imports nothing.
        var token = await client.TokenFromAsync(url);
        (await client.PostAsync($"{url}?handler=Import", [new("Bibtex", bibtex), new("Chosen", "0")], token)).Dispose();
        Assert.Equal(
            "Left out 1 entry that cannot be imported: a conflict with a paper on the site, or an entry that could not be read (the preview says which).",
            (await client.GetPageAsync($"/edit/{mallory.Slug}/publications")).TextOf(".status-message"));
        var paper = await PaperAsync(id);
        Assert.Equal([bo.Id], paper.Profiles.Select(p => p.ResearcherId));
        Assert.Equal(0, await factory.ReadAsync(db => db.ProfilePublications.CountAsync(pp => pp.ResearcherId == mallory.Id)));
    }

    [Fact]
    public async Task A_linked_coauthors_change_to_a_shared_paper_is_in_the_history_of_every_profile_listing_it()
    {
        var t = TestNames.Unique();
        var ada = await new ResearcherBuilder("Ada Shared" + t).SaveAsync(factory);
        var (bo, boClient) = await SignedInAsync(new ResearcherBuilder("Bo Shared" + t));
        var title = $"Joint paper {t}";
        var publication = await new PublicationBuilder(title).Author(ada).Author(bo).ShownOn(ada).ShownOn(bo).SaveAsync(factory);
        var url = $"/edit/{bo.Slug}/publications/{Id(publication.Id)}";

        (await boClient.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = title + " (revised)" }, "form.publication-form")).Dispose();

        Assert.Equal(title + " (revised)", (await PaperAsync(publication.Id)).Title);
        var adasHistory = await factory.ReadAsync(db => db.Revisions
            .Where(r => r.ResearcherId == ada.Id && r.EntityType == nameof(Publication) && r.EntityId == publication.Id).ToListAsync());
        var revision = Assert.Single(adasHistory);
        Assert.Equal("Title", revision.ChangedFields);
        var admin = await factory.SignedInAdminAsync();
        Assert.Contains("(revised)", (await admin.GetDocumentAsync($"/edit/{ada.Slug}/history")).QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undoing_the_creation_of_a_paper_a_coauthor_now_lists_takes_it_off_this_profile_only()
    {
        var t = TestNames.Unique();
        var (ada, adaClient) = await SignedInAsync(new ResearcherBuilder("Ada Undo" + t));
        var bo = await new ResearcherBuilder("Bo Keeps" + t).With(r => r.AcceptCoauthorPapers = true).SaveAsync(factory);
        var title = $"Paper Bo keeps {t}";
        (await adaClient.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Authors[1].ResearcherId"] = Id(bo.Id),
        })).Dispose();
        var id = await factory.ReadAsync(db => db.Publications.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());

        var history = $"/edit/{ada.Slug}/history";
        var entry = (await adaClient.GetDocumentAsync(history)).QuerySelector(".history-entry")!;
        (await adaClient.SubmitAsync((IHtmlFormElement)entry.QuerySelector("form.history-undo")!, history, new Dictionary<string, string>())).Dispose();

        var paper = await PaperAsync(id);
        Assert.Equal([bo.Id], paper.Profiles.Select(p => p.ResearcherId));
        Assert.Equal(2, paper.Authors.Count);
        Assert.Contains("stays on the site", (await adaClient.GetDocumentAsync(history)).QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{bo.Slug}/publications");
        Assert.Contains(title, page.TextsOf(".pub-title"));
    }

    [Fact]
    public async Task Not_me_unlinks_the_researcher_from_a_suggested_paper()
    {
        var t = TestNames.Unique();
        var (ada, adaClient) = await SignedInAsync(new ResearcherBuilder("Ada Linker" + t));
        var (bo, boClient) = await SignedInAsync(new ResearcherBuilder("Bo Namesake" + t));
        var title = $"Not Bo's paper {t}";
        (await adaClient.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Authors[1].ResearcherId"] = Id(bo.Id),
        })).Dispose();
        var suggestions = $"/edit/{bo.Slug}/publications/suggested";
        Assert.Contains(title, (await boClient.GetDocumentAsync(suggestions)).QuerySelector(".suggestion-list")!.TextContent, StringComparison.Ordinal);

        (await boClient.SubmitFormAsync(suggestions, new Dictionary<string, string>(), "form.not-me")).Dispose();

        var id = await factory.ReadAsync(db => db.Publications.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        var paper = await PaperAsync(id);
        Assert.DoesNotContain(paper.Authors, a => a.ResearcherId == bo.Id);
        Assert.DoesNotContain(paper.Profiles, p => p.ResearcherId == bo.Id);
        Assert.Null((await boClient.GetDocumentAsync(suggestions)).QuerySelector(".suggestion-list"));
    }

    [Fact]
    public async Task An_accepted_suggestion_joins_the_list_where_its_date_puts_it()
    {
        var t = TestNames.Unique();
        var (ada, adaClient) = await SignedInAsync(new ResearcherBuilder("Ada Suggester" + t));
        var (bo, boClient) = await SignedInAsync(new ResearcherBuilder("Bo Accepter" + t)
            .WithPublication("Bo 2025", p => p.Owner().With(x => x.Year = 2025))
            .WithPublication("Bo 2017", p => p.Owner().With(x => x.Year = 2017)));
        (await adaClient.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = $"Joint 2020 {t}",
            ["Input.Year"] = "2020",
            ["Input.Authors[1].ResearcherId"] = Id(bo.Id),
        })).Dispose();

        (await boClient.SubmitFormAsync($"/edit/{bo.Slug}/publications/suggested", new Dictionary<string, string>(), "form.accept")).Dispose();

        var order = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == bo.Id)
            .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id).Select(pp => pp.Publication!.Title).ToListAsync());
        Assert.Equal(["Bo 2025", $"Joint 2020 {t}", "Bo 2017"], order);
    }

    [Fact]
    public async Task Two_imports_of_the_same_file_at_once_create_each_paper_once()
    {
        var t = TestNames.Unique();
        var (mira, client) = await SignedInAsync(new ResearcherBuilder("Mira Twice" + t));
        var bibtex = string.Join("\n", Enumerable.Range(0, 50).Select(i =>
            $"@article{{k{i}, title = {{Concurrent paper {i} {t}}}, author = {{Mira Twice{t}}}, journal = {{J}}, year = 2020, doi = {{10.5555/twice.{t}.{i}}}}}"));
        var url = $"/edit/{mira.Slug}/publications/import";
        var token = await client.TokenFromAsync(url);
        var fields = new List<KeyValuePair<string, string>> { new("Bibtex", bibtex) };
        fields.AddRange(Enumerable.Range(0, 50).Select(i => new KeyValuePair<string, string>("Chosen", Id(i))));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync($"{url}?handler=Import", fields, token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }
        var dois = await factory.ReadAsync(db => db.Publications.Where(p => p.Doi!.StartsWith($"10.5555/twice.{t}.")).Select(p => p.Doi).ToListAsync());
        Assert.Equal(50, dois.Count);
        Assert.Equal(50, await factory.ReadAsync(db => db.ProfilePublications.CountAsync(pp => pp.ResearcherId == mira.Id)));
    }
}
