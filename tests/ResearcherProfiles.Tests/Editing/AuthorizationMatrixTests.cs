using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>
/// Two profiles, A and B, each with one item in every section, their two owners, an administrator
/// and an anonymous visitor, shared by the authorization matrix (whose tests change nothing).
/// </summary>
public sealed class EditorWorld : IAsyncLifetime
{
    public ProfilesAppFactory Factory { get; } = new();
    public Researcher A { get; private set; } = null!;
    public Researcher B { get; private set; } = null!;
    public HttpClient OwnerA { get; private set; } = null!;
    public HttpClient OwnerB { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> ItemsOfA { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> ItemsOfB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (A, OwnerA) = await Factory.OwnedProfileAsync(WithEverySection(new ResearcherBuilder("Alice Owner")));
        (B, OwnerB) = await Factory.OwnedProfileAsync(WithEverySection(new ResearcherBuilder("Bob Other")));
        Admin = await Factory.SignedInAdminAsync();
        Anonymous = Factory.CreateVisitor();
        ItemsOfA = await ItemIdsAsync(A.Id);
        ItemsOfB = await ItemIdsAsync(B.Id);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>Everything of a profile a forbidden request could change, as one comparable string.</summary>
    public async Task<string> FingerprintAsync(int researcherId)
    {
        var parts = new List<string>();
        var r = await Factory.ResearcherAsync(researcherId);
        parts.Add($"{r.Version}|{r.Slug}|{r.OwnerId}|{r.IsHidden}|{r.PhotoPath}|{r.Headline}");
        foreach (var section in SectionSpecs.All.Keys)
        {
            parts.AddRange((await Factory.ItemsAsync(section, researcherId)).Select(i => $"{section}:{i}"));
        }
        parts.Add($"revisions:{await Factory.ReadAsync(db => db.Revisions.CountAsync(v => v.ResearcherId == researcherId))}");
        return string.Join('\n', parts);
    }

    private static ResearcherBuilder WithEverySection(ResearcherBuilder builder) =>
        SectionSpecs.All.Values.Aggregate(builder, (b, spec) => spec.Seed(b, "Seeded item")).With(r => r.Headline = "Original headline");

    private async Task<IReadOnlyDictionary<string, int>> ItemIdsAsync(int researcherId)
    {
        var ids = new Dictionary<string, int>();
        foreach (var section in SectionSpecs.All.Keys)
        {
            ids[section] = (await Factory.ItemsAsync(section, researcherId)).Single().Id;
        }
        return ids;
    }
}

/// <summary>
/// Every GET page and POST handler of the editor (basics, photo and each list section) against
/// every kind of caller: anonymous, another researcher, the owner, an administrator, and posts
/// without an antiforgery token or with another profile's item ids.
/// </summary>
public sealed class AuthorizationMatrixTests(EditorWorld world) : IClassFixture<EditorWorld>
{
    private static readonly string[] ItemHandlers = ["MoveUp", "MoveDown", "ToggleVisibility", "Delete"];

    /// <summary>The sections with a box for pasting several items, and a line each that it would save.</summary>
    private static readonly Dictionary<string, string> PastedLine = new()
    {
        ["news"] = "2023-05 Injected", ["awards"] = "Injected — ACL, 2023", ["service"] = "Injected — ACL 2023",
    };

    public static TheoryData<string> Pages
    {
        get
        {
            var data = new TheoryData<string> { "/edit/{slug}", "/edit/{slug}/photo" };
            foreach (var section in SectionSpecs.All.Keys)
            {
                data.Add($"/edit/{{slug}}/{section}");
                data.Add($"/edit/{{slug}}/{section}/{{id}}");
            }
            foreach (var section in PastedLine.Keys)
            {
                data.Add($"/edit/{{slug}}/{section}/paste");
            }
            return data;
        }
    }

    public static TheoryData<string> Handlers
    {
        get
        {
            var data = new TheoryData<string> { "/edit/{slug}", "/edit/{slug}?handler=Preview", "/edit/{slug}/photo", "/edit/{slug}/photo?handler=Remove" };
            foreach (var handler in ItemIdHandlers)
            {
                data.Add(handler);
            }
            foreach (var section in SectionSpecs.All.Keys)
            {
                data.Add($"/edit/{{slug}}/{section}");
                data.Add($"/edit/{{slug}}/{section}?handler=Preview");
            }
            foreach (var section in PastedLine.Keys)
            {
                data.Add($"/edit/{{slug}}/{section}/paste");
                data.Add($"/edit/{{slug}}/{section}/paste?handler=Preview");
            }
            return data;
        }
    }

    /// <summary>The handlers that act on one item, named by id in the route or in the form.</summary>
    public static IEnumerable<string> ItemIdHandlers =>
        SectionSpecs.All.Keys.SelectMany(section => new[]
        {
            $"/edit/{{slug}}/{section}/{{id}}",
            $"/edit/{{slug}}/{section}/{{id}}?handler=Preview",
        }.Concat(ItemHandlers.Select(h => $"/edit/{{slug}}/{section}?handler={h}")));

    public static TheoryData<string> ItemIdHandlerData => new(ItemIdHandlers);

    public static TheoryData<string> ItemPages => new(SectionSpecs.All.Keys.Select(s => $"/edit/{{slug}}/{s}/{{id}}"));

    private static string? SectionOf(string template)
    {
        var segments = template.Split('?')[0].Split('/');
        return segments.Length > 3 && SectionSpecs.All.ContainsKey(segments[3]) ? segments[3] : null;
    }

    private static string Url(string template, Researcher profile, IReadOnlyDictionary<string, int> items) =>
        template.Replace("{slug}", profile.Slug, StringComparison.Ordinal)
            .Replace("{id}", SectionOf(template) is { } s ? items[s].ToString(CultureInfo.InvariantCulture) : "", StringComparison.Ordinal);

    /// <summary>Fields that would make the handler succeed if it ever ran: a valid form, and the item id where one is posted.</summary>
    private static List<KeyValuePair<string, string>> Fields(string template, IReadOnlyDictionary<string, int> items)
    {
        var section = SectionOf(template);
        var fields = section is null
            ? new List<KeyValuePair<string, string>> { new("Input.DisplayName", "Taken Over"), new("Input.FamilyName", "Over"), new("Input.Slug", "taken-over"), new("Input.Headline", "Hacked") }
            : SectionSpecs.All[section].ValidWith("Injected").ToList();
        if (section is not null)
        {
            fields.Add(new("itemId", items[section].ToString(CultureInfo.InvariantCulture)));
        }
        if (section is not null && template.Split('?')[0].EndsWith("/paste", StringComparison.Ordinal))
        {
            fields.Add(new("Text", PastedLine[section]));
        }
        return fields;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_opening_an_editor_page_are_sent_to_sign_in(string template)
    {
        using var response = await world.Anonymous.GetAsync(new Uri(Url(template, world.A, world.ItemsOfA), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Anonymous_posts_are_sent_to_sign_in_and_change_nothing(string template)
    {
        var before = await world.FingerprintAsync(world.A.Id);

        using var response = await world.Anonymous.PostAsync(Url(template, world.A, world.ItemsOfA), Fields(template, world.ItemsOfA), token: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(before, await world.FingerprintAsync(world.A.Id));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Another_researcher_gets_403_on_every_editor_page_while_the_owner_gets_it(string template)
    {
        using var forbidden = await world.OwnerB.GetAsync(new Uri(Url(template, world.A, world.ItemsOfA), UriKind.Relative));
        using var own = await world.OwnerA.GetAsync(new Uri(Url(template, world.A, world.ItemsOfA), UriKind.Relative));
        using var theirOwn = await world.OwnerB.GetAsync(new Uri(Url(template, world.B, world.ItemsOfB), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, theirOwn.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Another_researcher_posting_with_a_valid_token_gets_403_and_changes_nothing(string template)
    {
        var token = await world.OwnerB.TokenFromAsync($"/edit/{world.B.Slug}/news");
        var before = await world.FingerprintAsync(world.A.Id);

        using var response = await world.OwnerB.PostAsync(Url(template, world.A, world.ItemsOfA), Fields(template, world.ItemsOfA), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await world.FingerprintAsync(world.A.Id));
    }

    [Theory]
    [MemberData(nameof(ItemPages))]
    public async Task Opening_another_profiles_item_under_your_own_profile_is_not_found(string template)
    {
        using var response = await world.OwnerA.GetAsync(new Uri(Url(template, world.A, world.ItemsOfB), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ItemIdHandlerData))]
    public async Task Posting_another_profiles_item_ids_to_your_own_profile_is_not_found_and_changes_nothing(string template)
    {
        var token = await world.OwnerA.TokenFromAsync($"/edit/{world.A.Slug}/news");
        var beforeA = await world.FingerprintAsync(world.A.Id);
        var beforeB = await world.FingerprintAsync(world.B.Id);

        using var response = await world.OwnerA.PostAsync(Url(template, world.A, world.ItemsOfB), Fields(template, world.ItemsOfB), token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(beforeA, await world.FingerprintAsync(world.A.Id));
        Assert.Equal(beforeB, await world.FingerprintAsync(world.B.Id));
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_changes_nothing(string template)
    {
        var before = await world.FingerprintAsync(world.A.Id);

        using var response = await world.OwnerA.PostAsync(Url(template, world.A, world.ItemsOfA), Fields(template, world.ItemsOfA), token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await world.FingerprintAsync(world.A.Id));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_administrator_opens_every_editor_page_of_any_profile(string template)
    {
        using var response = await world.Admin.GetAsync(new Uri(Url(template, world.B, world.ItemsOfB), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(SectionSpecs.Paths), MemberType = typeof(SectionSpecs))]
    public async Task An_administrator_edits_any_profiles_items_through_the_forms(string section)
    {
        var spec = SectionSpecs.All[section];
        var url = $"/edit/{world.B.Slug}/{section}";

        (await world.Admin.SubmitFormAsync($"{url}/{world.ItemsOfB[section]}", new Dictionary<string, string> { [spec.NameField] = "Seeded item" }, "form.item-form"))
            .AssertRedirectsTo(url);
        (await world.Admin.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{world.ItemsOfB[section]} form.toggle-visibility"))
            .AssertRedirectsTo(url);
        Assert.False((await world.Factory.ItemsAsync(section, world.B.Id)).Single().IsVisible);
        (await world.Admin.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{world.ItemsOfB[section]} form.toggle-visibility"))
            .AssertRedirectsTo(url);
        Assert.True((await world.Factory.ItemsAsync(section, world.B.Id)).Single().IsVisible);
    }

    [Fact]
    public async Task An_administrator_edits_any_profiles_basics()
    {
        var url = $"/edit/{world.B.Slug}";

        (await world.Admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Headline"] = "Set by the admin" }, "form.basics-form"))
            .AssertRedirectsTo(url);

        Assert.Equal("Set by the admin", (await world.Factory.ResearcherAsync(world.B.Id)).Headline);
        (await world.Admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Headline"] = "Original headline" }, "form.basics-form"))
            .AssertRedirectsTo(url);
    }

    [Fact]
    public async Task An_unknown_profile_is_not_found()
    {
        using var response = await world.Admin.GetAsync(new Uri("/edit/no-such-profile/news", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

internal static class UriExtensions
{
    /// <summary>The path and query of a Location header, whether it is absolute or relative.</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
