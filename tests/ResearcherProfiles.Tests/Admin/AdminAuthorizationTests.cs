using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Admin;

/// <summary>
/// The admin rows of the authorization matrix: every admin page and handler is for administrators
/// only, checked on the server; anonymous users are sent to sign in, researchers get 403, and a
/// refused POST changes nothing.
/// </summary>
public sealed class AdminAuthorizationTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    public static TheoryData<string> AdminPages => new()
    {
        "/admin",
        "/admin?q=ada&usersPage=2&profilesPage=2",
        "/admin/invite",
        "/admin/profiles/new",
        "/admin/profiles/{profile}",
        "/admin/trash",
        "/admin/trash/{trashed}/purge",
    };

    /// <summary>Every admin POST handler, with fields that would change something if accepted.</summary>
    public static TheoryData<string, string> AdminHandlers => new()
    {
        { "/admin?handler=disable", "id={user}" },
        { "/admin?handler=enable", "id={disabledUser}" },
        { "/admin/profiles/{profile}?handler=owner", "OwnerId={user}" },
        { "/admin/profiles/{profile}?handler=hide", "" },
        { "/admin/profiles/{hidden}?handler=unhide", "" },
        { "/admin/profiles/{profile}?handler=trash", "" },
        { "/admin/profiles/new", "Input.DisplayName=Over Reach&Input.FamilyName=Reach&Input.Slug=over-reach-{n}" },
        { "/admin/invite", "Input.Email=someone-{n}@example.org&Input.Profile={profile}" },
        { "/admin/invite?handler=revoke", "id={invitation}" },
        { "/admin/trash?handler=restore", "id={trashed}" },
        { "/admin/trash/{trashed}/purge", "Confirmation={trashedSlug}" },
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_admin_pages(string url)
    {
        var data = await SetUpAsync();

        using var response = await factory.CreateVisitor().GetAsync(new Uri(data.Fill(url), UriKind.Relative));

        response.AssertRedirectedTo("/account/login");
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Researchers_get_403_on_admin_pages(string url)
    {
        var data = await SetUpAsync();
        var researcher = await factory.SignInResearcherAsync();

        using var response = await researcher.GetAsync(new Uri(data.Fill(url), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Administrators_open_admin_pages(string url)
    {
        var data = await SetUpAsync();
        var (admin, _) = await factory.SignInAdminAsync();

        var page = await admin.GetPageAsync(data.Fill(url));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("nav.admin-nav"));
    }

    [Theory]
    [MemberData(nameof(AdminHandlers))]
    public async Task Researchers_posting_to_admin_handlers_get_403_and_nothing_changes(string url, string fields)
    {
        var data = await SetUpAsync();
        var researcher = await factory.SignInResearcherAsync();
        var before = await factory.SnapshotAsync();

        using var response = await researcher.PostWithTokenAsync("/account", data.Fill(url), data.Fields(fields));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(AdminHandlers))]
    public async Task Anonymous_posts_to_admin_handlers_are_sent_to_sign_in_and_nothing_changes(string url, string fields)
    {
        var data = await SetUpAsync();
        var visitor = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var before = await factory.SnapshotAsync();

        using var response = await visitor.PostWithTokenAsync("/account/login", data.Fill(url), data.Fields(fields));

        response.AssertRedirectedTo("/account/login");
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(AdminHandlers))]
    public async Task Admin_posts_without_an_antiforgery_token_are_refused_and_nothing_changes(string url, string fields)
    {
        var data = await SetUpAsync();
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var content = new FormUrlEncodedContent(data.Fields(fields));
        using var response = await admin.PostAsync(new Uri(data.Fill(url), UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task The_invitation_page_is_open_to_anonymous_visitors()
    {
        using var response = await factory.CreateVisitor().GetAsync(new Uri("/account/invitation?token=nothing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<TestData> SetUpAsync()
    {
        var profile = await new ResearcherBuilder("Guarded Profile").SaveAsync(factory);
        var hidden = await new ResearcherBuilder("Hidden Profile").Hidden().SaveAsync(factory);
        var trashed = await new ResearcherBuilder("Trashed Profile").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
        var user = await factory.CreateUserAsync($"free-{Guid.NewGuid():N}@example.org", Web.Startup.AccountsExtensions.ResearcherRole);
        var disabled = await factory.CreateUserAsync($"disabled-{Guid.NewGuid():N}@example.org", Web.Startup.AccountsExtensions.ResearcherRole);
        await factory.ChangeDataAsync(async db =>
        {
            await db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
            db.Invitations.Add(new Invitation
            {
                Email = $"invited-{Guid.NewGuid():N}@example.org",
                TokenHash = Guid.NewGuid().ToString("N"),
                ResearcherId = profile.Id,
                CreatedAt = DateTimeOffset.UtcNow,
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
            });
        });
        var invitation = await factory.QueryAsync(db => db.Invitations.MaxAsync(i => i.Id));
        return new TestData(new Dictionary<string, string>
        {
            ["{profile}"] = profile.Id.ToString(),
            ["{hidden}"] = hidden.Id.ToString(),
            ["{trashed}"] = trashed.Id.ToString(),
            ["{trashedSlug}"] = trashed.Slug,
            ["{user}"] = user.Id,
            ["{disabledUser}"] = disabled.Id,
            ["{invitation}"] = invitation.ToString(),
            ["{n}"] = Guid.NewGuid().ToString("N")[..8],
        });
    }

    private sealed record TestData(Dictionary<string, string> Values)
    {
        public string Fill(string text) => Values.Aggregate(text, (t, v) => t.Replace(v.Key, v.Value, StringComparison.Ordinal));

        public Dictionary<string, string> Fields(string fields) => fields.Length == 0
            ? []
            : Fill(fields).Split('&').Select(f => f.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }
}
