using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Pages;

namespace ResearcherProfiles.Tests.Admin;

/// <summary>The administrator's site settings page: who may use it, what it refuses and how, and stale forms.</summary>
public sealed class SiteSettingsTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private const string Url = "/admin/site";

    [Fact]
    public async Task The_admin_overview_links_to_the_site_settings()
    {
        var (admin, _) = await factory.SignInAdminAsync();

        var overview = await admin.GetPageAsync("/admin");

        Assert.Contains(Url, overview.Document.QuerySelectorAll("nav.admin-nav a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_cannot_post()
    {
        var home = await new ResearcherBuilder("Anonymous Target").SaveAsync(factory);
        var visitor = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var before = await SettingsAsync();

        using var page = await visitor.GetAsync(new Uri(Url, UriKind.Relative));
        using var post = await visitor.PostWithTokenAsync("/account/login", Url, SiteSettingsForm.Fields(home.Slug));

        page.AssertRedirectedTo("/account/login");
        post.AssertRedirectedTo("/account/login");
        Assert.Equal(before, await SettingsAsync());
    }

    [Fact]
    public async Task Researchers_get_403_and_cannot_post()
    {
        var home = await new ResearcherBuilder("Researcher Target").SaveAsync(factory);
        var researcher = await factory.SignInResearcherAsync();
        var before = await SettingsAsync();

        using var page = await researcher.GetAsync(new Uri(Url, UriKind.Relative));
        using var post = await researcher.PostWithTokenAsync("/account", Url, SiteSettingsForm.Fields(home.Slug));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await SettingsAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var home = await new ResearcherBuilder("Forged Target").SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await SettingsAsync();

        using var content = new FormUrlEncodedContent(SiteSettingsForm.Fields(home.Slug));
        using var response = await admin.PostAsync(new Uri(Url, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SettingsAsync());
    }

    [Fact]
    public async Task Saving_says_what_the_home_page_shows_and_the_form_shows_the_choice()
    {
        var home = await new ResearcherBuilder("Saved Choice").SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();

        using var response = await admin.SubmitFormAsync(Url, new Dictionary<string, string>
        {
            ["Input.Home"] = "Profile",
            // The whole address, as copied from the browser, is understood.
            ["Input.ProfileAddress"] = $"https://profiles.example.org/people/{home.Slug}/",
        });

        response.AssertRedirectedTo(Url);
        var page = await admin.GetPageAsync(Url);
        Assert.Equal($"The home page shows the profile of Saved Choice now, and /people/{home.Slug} leads there.", page.TextOf("#status"));
        Assert.Equal("The home page shows the profile of Saved Choice; the directory is hidden.", page.TextOf("#home-state"));
        Assert.NotNull(page.Document.QuerySelector("#home-profile[checked]"));
        Assert.Equal(home.Slug, page.Document.QuerySelector("#Input_ProfileAddress")!.GetAttribute("value"));
        Assert.Null(page.Document.QuerySelector("#home-problem"));
        Assert.Equal(home.Id, await factory.QueryAsync(db => db.SiteSettings.Select(s => s.HomeProfileId).SingleAsync()));
    }

    [Theory]
    [InlineData("no-such-profile-anywhere", "No profile has the address “no-such-profile-anywhere”. Check it on the profile's page or in the list of profiles.")]
    [InlineData("", "Enter the address of the profile the home page shows, such as ada-lovelace.")]
    [InlineData("   ", "Enter the address of the profile the home page shows, such as ada-lovelace.")]
    public async Task An_unknown_or_missing_profile_is_explained_next_to_the_field_and_nothing_changes(string address, string message)
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await SettingsAsync();

        using var response = await admin.SubmitFormAsync(Url, new Dictionary<string, string> { ["Input.Home"] = "Profile", ["Input.ProfileAddress"] = address });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(message, page.TextOf("#profile-error"));
        Assert.Equal(before, await SettingsAsync());
    }

    [Fact]
    public async Task Hidden_and_trashed_profiles_cannot_be_chosen()
    {
        var hidden = await new ResearcherBuilder("Hidden Choice").Hidden().SaveAsync(factory);
        var trashed = await new ResearcherBuilder("Trashed Choice").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await SettingsAsync();

        using var hiddenResponse = await admin.SubmitFormAsync(Url, SiteSettingsForm.Fields(hidden.Slug));
        using var trashedResponse = await admin.SubmitFormAsync(Url, SiteSettingsForm.Fields(trashed.Slug));

        Assert.Equal($"The profile “{hidden.Slug}” is hidden from the public site; show it first, or choose another.", (await hiddenResponse.ReadPageAsync()).TextOf("#profile-error"));
        Assert.Equal($"The profile “{trashed.Slug}” is in the trash; restore it first, or choose another.", (await trashedResponse.ReadPageAsync()).TextOf("#profile-error"));
        Assert.Equal(before, await SettingsAsync());
    }

    [Theory]
    [InlineData("Input.Home", "Everything")]
    [InlineData("Input.Home", "")]
    [InlineData("Input.Version", "not-a-number")]
    [InlineData("Input.Version", "99999999999999999999")]
    public async Task Odd_values_are_answered_with_the_form_not_an_error(string field, string value)
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await SettingsAsync();

        using var response = await admin.SubmitFormAsync(Url, new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ReadPageAsync()).Document.QuerySelector("form#site-form"));
        Assert.Equal(before, await SettingsAsync());
    }

    [Fact]
    public async Task A_huge_address_is_refused_with_a_message()
    {
        var (admin, _) = await factory.SignInAdminAsync();

        using var response = await admin.SubmitFormAsync(Url, SiteSettingsForm.Fields(new string('a', 100_000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A profile's address is at most 300 characters.", (await response.ReadPageAsync()).TextOf("#profile-error"));
    }

    [Fact]
    public async Task A_form_opened_before_someone_else_saved_is_refused_with_what_they_chose()
    {
        var theirs = await new ResearcherBuilder("Their Choice").SaveAsync(factory);
        var mine = await new ResearcherBuilder("My Choice").SaveAsync(factory);
        var (first, _) = await factory.SignInAdminAsync();
        var (second, _) = await factory.SignInAdminAsync();
        var stale = await first.PrepareAsync(Url, "form#site-form", SiteSettingsForm.Fields(mine.Slug));

        await second.SetHomeAsync(theirs.Slug);
        using var content = new FormUrlEncodedContent(stale.Values);
        using var response = await first.PostAsync(new Uri(stale.Action, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var conflict = page.TextOf(".conflict");
        Assert.Contains("changed by someone else since you opened this page", conflict, StringComparison.Ordinal);
        Assert.Contains("The home page shows the profile of Their Choice", conflict, StringComparison.Ordinal);
        Assert.Equal(mine.Slug, page.Document.QuerySelector("#Input_ProfileAddress")!.GetAttribute("value"));
        Assert.Equal(theirs.Id, await factory.QueryAsync(db => db.SiteSettings.Select(s => s.HomeProfileId).SingleAsync()));

        // The refused form carries the current version: saving it again is a deliberate choice.
        using var again = await first.SubmitAsync(
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("form#site-form") as AngleSharp.Html.Dom.IHtmlFormElement
                ?? throw new InvalidOperationException("No form."),
            Url, new Dictionary<string, string>());
        again.AssertRedirectedTo(Url);
        Assert.Equal(mine.Id, await factory.QueryAsync(db => db.SiteSettings.Select(s => s.HomeProfileId).SingleAsync()));
    }

    [Fact]
    public async Task Administrators_saving_at_the_same_moment_get_no_server_error_and_one_choice_wins()
    {
        var a = await new ResearcherBuilder("Race One").SaveAsync(factory);
        var b = await new ResearcherBuilder("Race Two").SaveAsync(factory);
        var (first, _) = await factory.SignInAdminAsync();
        var (second, _) = await factory.SignInAdminAsync();
        var posts = new[]
        {
            await first.PrepareAsync(Url, "form#site-form", SiteSettingsForm.Fields(a.Slug)),
            await second.PrepareAsync(Url, "form#site-form", SiteSettingsForm.Fields(b.Slug)),
        };

        var statuses = await ConcurrentForms.SendTogetherAsync(posts);

        ConcurrentForms.AssertNoServerErrors(statuses);
        Assert.Contains(HttpStatusCode.Redirect, statuses);
        Assert.Contains(await factory.QueryAsync(db => db.SiteSettings.Select(s => s.HomeProfileId).SingleAsync()), new int?[] { a.Id, b.Id });
    }

    private Task<string> SettingsAsync() => factory.QueryAsync(async db =>
        string.Join(";", await db.SiteSettings.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.HomeProfileId}:{s.Version}").ToListAsync()));
}
