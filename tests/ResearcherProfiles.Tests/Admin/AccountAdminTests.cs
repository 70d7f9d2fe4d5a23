using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Areas.Account.Pages;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Admin;

/// <summary>The overview's lists and search, and disabling accounts.</summary>
public sealed class AccountAdminTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task Disabled_account_cannot_sign_in_until_enabled_again()
    {
        var user = await factory.CreateUserAsync($"to-disable-{Guid.NewGuid():N}@example.org", AccountsExtensions.ResearcherRole);
        var (admin, _) = await factory.SignInAdminAsync();

        using var disabled = await admin.SubmitFormAsync($"/admin?q={user.Email}", new Dictionary<string, string>(), $"form#disable-{user.Id}");
        var stored = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        var signInWhileDisabled = await TrySignInAsync(user.Email!);
        using var enabled = await admin.SubmitFormAsync($"/admin?q={user.Email}", new Dictionary<string, string>(), $"form#enable-{user.Id}");

        disabled.AssertRedirectedTo("/admin");
        Assert.True(stored.IsDisabled);
        Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);
        Assert.Equal(HttpStatusCode.OK, signInWhileDisabled.Status);
        Assert.Contains(LoginModel.FailureMessage, signInWhileDisabled.BodyText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        await factory.SignInAsync(user.Email!);
    }

    [Fact]
    public async Task Admin_cannot_disable_their_own_account()
    {
        var other = await factory.CreateUserAsync($"other-{Guid.NewGuid():N}@example.org", AccountsExtensions.ResearcherRole);
        var (admin, adminId) = await factory.SignInAdminAsync();
        var overview = await admin.GetPageAsync("/admin");
        var before = await factory.SnapshotAsync();

        // The own row has no Disable button; a crafted request for one's own id is refused too.
        using var response = await admin.SubmitFormAsync("/admin", new Dictionary<string, string> { ["id"] = adminId }, $"form#disable-{other.Id}");

        Assert.Null(overview.Document.QuerySelector($"form#disable-{adminId}"));
        response.AssertRedirectedTo("/admin");
        Assert.Contains("cannot disable your own account", (await admin.GetPageAsync("/admin")).TextOf(".status-message"), StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Overview_searches_accounts_by_email_and_profiles_by_name_or_slug()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var byName = await new ResearcherBuilder($"Findable {marker}").SaveAsync(factory);
        var bySlug = await new ResearcherBuilder("Other Name").With(r => r.Slug = $"slug-{marker}").SaveAsync(factory);
        var unrelated = await new ResearcherBuilder("Unrelated Person").SaveAsync(factory);
        var owner = await factory.CreateResearcherAsync(byName.Id, $"owner-{marker}@example.org");
        var (admin, _) = await factory.SignInAdminAsync();

        var page = await admin.GetPageAsync($"/admin?q={marker.ToUpperInvariant()}");

        var users = page.TextOf("table#users tbody");
        var profiles = page.TextOf("table#profiles tbody");
        Assert.Contains(owner.Email!, users, StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("table#users tbody tr"));
        Assert.Contains(byName.Slug, profiles, StringComparison.Ordinal);
        Assert.Contains(bySlug.Slug, profiles, StringComparison.Ordinal);
        Assert.DoesNotContain(unrelated.Slug, profiles, StringComparison.Ordinal);
        Assert.Contains(owner.Email!, profiles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_search_treats_wildcards_as_text()
    {
        var (admin, _) = await factory.SignInAdminAsync();

        var page = await admin.GetPageAsync("/admin?q=%25");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("table#users"));
        Assert.Contains("No accounts match", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_shows_profile_state_and_links_to_the_public_page_and_the_editor()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var hidden = await new ResearcherBuilder($"Hidden {marker}").Hidden().SaveAsync(factory);
        var trashed = await new ResearcherBuilder($"Trashed {marker}").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();

        var page = await admin.GetPageAsync($"/admin?q={marker}");

        var rows = page.Document.QuerySelectorAll("table#profiles tbody tr").ToDictionary(r => r.Children[1].TextContent.Trim());
        Assert.Contains("Hidden", rows[hidden.Slug].Children[3].TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[hidden.Slug].QuerySelector($"a[href='/people/{hidden.Slug}']"));
        Assert.NotNull(rows[hidden.Slug].QuerySelector($"a[href='/edit/{hidden.Slug}']"));
        Assert.Contains("In trash", rows[trashed.Slug].Children[3].TextContent, StringComparison.Ordinal);
        Assert.Null(rows[trashed.Slug].QuerySelector($"a[href='/edit/{trashed.Slug}']"));
    }

    [Fact]
    public async Task Overview_pages_long_lists()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < Web.Areas.Admin.Pages.IndexModel.PageSize + 3; i++)
        {
            await factory.CreateUserAsync($"many-{i:D2}-{marker}@example.org", AccountsExtensions.ResearcherRole);
        }
        var (admin, _) = await factory.SignInAdminAsync();

        var first = await admin.GetPageAsync($"/admin?q={marker}");
        var next = first.Document.QuerySelector("nav[aria-label='Account pages'] a[rel=next]")?.GetAttribute("href");
        var second = await admin.GetPageAsync(next!);

        Assert.Equal(Web.Areas.Admin.Pages.IndexModel.PageSize, first.Document.QuerySelectorAll("table#users tbody tr").Length);
        Assert.Equal($"/admin?q={marker}&usersPage=2", next);
        Assert.Equal(3, second.Document.QuerySelectorAll("table#users tbody tr").Length);
        Assert.Contains($"many-27-{marker}", second.TextOf("table#users tbody"), StringComparison.Ordinal);
    }

    private async Task<HtmlPage> TrySignInAsync(string email)
    {
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await browser.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.Accounts.Password,
        });
        return await response.ReadPageAsync();
    }
}
