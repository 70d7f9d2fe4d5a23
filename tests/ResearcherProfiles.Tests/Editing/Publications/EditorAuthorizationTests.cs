using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// Who may open and post to the publication editor and the history page: the owner and
/// administrators; everyone else is sent to sign in, refused, or finds nothing to change.
/// </summary>
public sealed class EditorAuthorizationTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>, IAsyncLifetime
{
    private Researcher _ada = null!;
    private Researcher _bo = null!;
    private int _adaPublication;
    private int _adaListing;
    private int _boPublication;
    private int _boListing;
    private Guid _boChangeSet;
    private int _adaSuggestion;
    private string _adaEmail = null!;
    private string _boEmail = null!;

    public async Task InitializeAsync()
    {
        _ada = await new ResearcherBuilder("Ada Moreau").WithPublication("Ada's paper", p => p.Owner()).SaveAsync(factory);
        _bo = await new ResearcherBuilder("Bo Chen").WithPublication("Bo's paper", p => p.Owner()).SaveAsync(factory);
        _adaEmail = (await factory.CreateResearcherAsync(_ada.Id)).Email!;
        _boEmail = (await factory.CreateResearcherAsync(_bo.Id)).Email!;
        (_adaPublication, _adaListing) = await ListingAsync(_ada.Id);
        (_boPublication, _boListing) = await ListingAsync(_bo.Id);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.History = new HistoryScope(_bo.Id, null, "bo@example.org");
        db.News.Add(new NewsItem { ResearcherId = _bo.Id, Date = new PartialDate(2024, 3), BodyMarkdown = "Bo's news" });
        await db.SaveChangesAsync();
        _boChangeSet = await db.Revisions.Where(r => r.ResearcherId == _bo.Id).Select(r => r.ChangeSet).SingleAsync();
        db.History = null;
        var suggestion = new PublicationSuggestion { ResearcherId = _ada.Id, PublicationId = _boPublication, SuggestedByResearcherId = _bo.Id, CreatedAt = DateTimeOffset.UtcNow };
        db.PublicationSuggestions.Add(suggestion);
        await db.SaveChangesAsync();
        _adaSuggestion = suggestion.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<(int PublicationId, int ListingId)> ListingAsync(int researcherId) => factory.QueryAsync(async db =>
    {
        var entry = await db.ProfilePublications.SingleAsync(pp => pp.ResearcherId == researcherId);
        return (entry.PublicationId, entry.Id);
    });

    public static TheoryData<string> PageUrls => new()
    {
        "/edit/{slug}/history",
        "/edit/{slug}/history?type=Publication&id={pub}",
        "/edit/{slug}/publications",
        "/edit/{slug}/publications/new",
        "/edit/{slug}/publications/{pub}",
        "/edit/{slug}/publications/import",
        "/edit/{slug}/publications/suggested",
    };

    /// <summary>Every POST handler, with the fields that would make it change something.</summary>
    public static TheoryData<string, string> Posts => new()
    {
        { "/edit/{slug}/history?handler=Undo", "changeSet={changeSet}" },
        { "/edit/{slug}/publications?handler=Item", "id={listing}&operation=Hide" },
        { "/edit/{slug}/publications?handler=Item", "id={listing}&operation=Remove" },
        { "/edit/{slug}/publications/{pub}", "Input.Title=Overwritten&Input.Authors[0].Name=Mallory&Command=save" },
        { "/edit/{slug}/publications/new", "Input.Title=Planted&Input.Authors[0].Name=Mallory&Command=save" },
        { "/edit/{slug}/publications/import?handler=Preview", "Bibtex=@misc{planted, title = {Planted}, author = {Mallory}}" },
        { "/edit/{slug}/publications/import?handler=Import", "Bibtex=@misc{planted, title = {Planted}, author = {Mallory}}&Chosen=0" },
        { "/edit/{slug}/publications/suggested?handler=Accept", "id={suggestion}" },
        { "/edit/{slug}/publications/suggested?handler=Dismiss", "id={suggestion}" },
        { "/edit/{slug}/publications/suggested?handler=NotMe", "id={suggestion}" },
        { "/edit/{slug}/publications/suggested?handler=Settings", "AcceptCoauthorPapers=true" },
    };

    private string ForAda(string template) => template
        .Replace("{slug}", _ada.Slug, StringComparison.Ordinal)
        .Replace("{pub}", _adaPublication.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{listing}", _adaListing.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{changeSet}", Guid.Empty.ToString(), StringComparison.Ordinal)
        .Replace("{suggestion}", _adaSuggestion.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static Dictionary<string, string> Fields(string encoded) => encoded.Split('&')
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => p[0], p => p[1]);

    /// <summary>What a forbidden request must not have changed.</summary>
    private Task<string> AdaStateAsync() => factory.QueryAsync(async db =>
    {
        var listings = await db.ProfilePublications.Where(pp => pp.ResearcherId == _ada.Id)
            .Select(pp => $"{pp.PublicationId}:{pp.IsVisible}:{pp.Publication!.Title}:{pp.Publication.Version}").ToListAsync();
        var revisions = await db.Revisions.CountAsync(r => r.ResearcherId == _ada.Id);
        var suggestions = await db.PublicationSuggestions.CountAsync(s => s.ResearcherId == _ada.Id);
        var automatic = await db.Researchers.Where(r => r.Id == _ada.Id).Select(r => r.AcceptCoauthorPapers).SingleAsync();
        return $"{string.Join(',', listings)} revisions={revisions} planted={await db.Publications.CountAsync(p => p.Title == "Planted")} suggestions={suggestions} automatic={automatic}";
    });

    [Theory]
    [MemberData(nameof(PageUrls))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var response = await factory.CreateVisitor().GetAsync(new Uri(ForAda(url), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Anonymous_posts_are_sent_to_sign_in_and_change_nothing(string url, string fields)
    {
        var before = await AdaStateAsync();
        using var content = new FormUrlEncodedContent(Fields(ForAda(fields)));
        using var response = await factory.CreateVisitor().PostAsync(new Uri(ForAda(url), UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await AdaStateAsync());
    }

    [Theory]
    [MemberData(nameof(PageUrls))]
    public async Task Another_researcher_is_refused(string url)
    {
        var bo = await factory.SignInAsync(_boEmail);
        using var response = await bo.GetAsync(new Uri(ForAda(url), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Another_researcher_posting_with_a_valid_token_is_refused_and_changes_nothing(string url, string fields)
    {
        var bo = await factory.SignInAsync(_boEmail);
        var before = await AdaStateAsync();
        using var response = await bo.PostWithTokenAsync($"/edit/{_bo.Slug}/publications", ForAda(url), Fields(ForAda(fields)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await AdaStateAsync());
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Posts_without_an_antiforgery_token_are_rejected(string url, string fields)
    {
        var ada = await factory.SignInAsync(_adaEmail);
        var before = await AdaStateAsync();
        using var content = new FormUrlEncodedContent(Fields(ForAda(fields)));
        using var response = await ada.PostAsync(new Uri(ForAda(url), UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await AdaStateAsync());
    }

    [Theory]
    [MemberData(nameof(PageUrls))]
    public async Task The_owner_and_an_administrator_can_open_every_page(string url)
    {
        var admin = await factory.CreateAdminAsync();
        foreach (var client in new[] { await factory.SignInAsync(_adaEmail), await factory.SignInAsync(admin.Email!) })
        {
            using var response = await client.GetAsync(new Uri(ForAda(url), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_administrator_can_edit_any_profiles_publication_and_is_named_in_its_history()
    {
        var admin = await factory.CreateAdminAsync();
        var client = await factory.SignInAsync(admin.Email!);

        using var response = await client.SubmitFormAsync($"/edit/{_ada.Slug}/publications/{_adaPublication}",
            new Dictionary<string, string> { ["Input.Title"] = "Corrected by the administrator" });

        response.AssertRedirectTo($"/edit/{_ada.Slug}/publications");
        Assert.Equal("Corrected by the administrator", await factory.QueryAsync(db => db.Publications.Where(p => p.Id == _adaPublication).Select(p => p.Title).SingleAsync()));
        var history = await client.GetPageAsync($"/edit/{_ada.Slug}/history");
        Assert.Contains($"by {admin.Email}", history.TextOf(".history-entry"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_profiles_listing_id_posted_to_your_own_list_is_not_found()
    {
        var ada = await factory.SignInAsync(_adaEmail);
        foreach (var operation in new[] { "Hide", "Highlight", "MoveUp", "Remove" })
        {
            using var response = await ada.PressRowButtonAsync($"/edit/{_ada.Slug}/publications", "id", _adaListing.ToString(CultureInfo.InvariantCulture),
                new Dictionary<string, string> { ["id"] = _boListing.ToString(CultureInfo.InvariantCulture), ["operation"] = operation });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var bosListing = await factory.QueryAsync(db => db.ProfilePublications.SingleAsync(pp => pp.Id == _boListing));
        Assert.True(bosListing.IsVisible);
        Assert.False(bosListing.IsHighlighted);
        Assert.True(await factory.QueryAsync(db => db.Publications.AnyAsync(p => p.Id == _boPublication)));
    }

    [Fact]
    public async Task Another_profiles_publication_id_in_your_own_editor_is_not_found()
    {
        var ada = await factory.SignInAsync(_adaEmail);
        var url = $"/edit/{_ada.Slug}/publications/{_boPublication}";
        using (var get = await ada.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }

        using var post = await ada.PostWithTokenAsync($"/edit/{_ada.Slug}/publications", url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Hijacked",
            ["Input.Authors[0].Name"] = "Mallory",
            ["Command"] = "save",
        });

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("Bo's paper", await factory.QueryAsync(db => db.Publications.Where(p => p.Id == _boPublication).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Another_profiles_change_set_posted_to_your_own_history_is_not_found()
    {
        var ada = await factory.SignInAsync(_adaEmail);

        using var response = await ada.PostWithTokenAsync($"/edit/{_ada.Slug}/publications", $"/edit/{_ada.Slug}/history?handler=Undo",
            new Dictionary<string, string> { ["changeSet"] = _boChangeSet.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.News.AnyAsync(n => n.ResearcherId == _bo.Id && n.BodyMarkdown == "Bo's news")));
        Assert.Equal(1, await factory.QueryAsync(db => db.Revisions.CountAsync(r => r.ResearcherId == _bo.Id)));
    }

    [Fact]
    public async Task Another_profiles_suggestion_posted_to_your_own_suggestions_is_not_found()
    {
        var bo = await factory.SignInAsync(_boEmail);
        foreach (var handler in new[] { "Accept", "Dismiss", "NotMe" })
        {
            using var response = await bo.PostWithTokenAsync($"/edit/{_bo.Slug}/publications", $"/edit/{_bo.Slug}/publications/suggested?handler={handler}",
                new Dictionary<string, string> { ["id"] = _adaSuggestion.ToString(CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.True(await factory.QueryAsync(db => db.PublicationSuggestions.AnyAsync(s => s.Id == _adaSuggestion)));
        Assert.False(await factory.QueryAsync(db => db.ProfilePublications.AnyAsync(pp => pp.ResearcherId == _bo.Id && pp.PublicationId == _adaPublication)));
    }

    [Fact]
    public async Task A_slug_that_does_not_exist_is_not_found()
    {
        var ada = await factory.SignInAsync(_adaEmail);
        using var response = await ada.GetAsync(new Uri("/edit/no-such-person/publications", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
