using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Admin;
using ResearcherProfiles.Web.Areas.Admin.Pages.Trash;

namespace ResearcherProfiles.Tests.Admin;

/// <summary>Creating profiles for people, owners, hiding, the trash and purging.</summary>
public sealed class ProfileAdminTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Admin_creates_a_profile_that_the_public_site_shows()
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var slug = NewSlug("marie-curie");

        using var response = await admin.SubmitFormAsync("/admin/profiles/new", NewProfile("Marie Curie", "Marie", "Curie", slug));

        var id = await factory.QueryAsync(db => db.Researchers.Where(r => r.Slug == slug).Select(r => r.Id).SingleAsync());
        response.AssertRedirectedTo($"/admin/profiles/{id}");
        var profile = await _visitor.GetPageAsync($"/people/{slug}");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Contains("Marie Curie", profile.TextOf("h1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("spa ce")]
    [InlineData("ümlaut")]
    public async Task Creating_a_profile_with_an_invalid_slug_shows_the_rule_and_saves_nothing(string slug)
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.SubmitFormAsync("/admin/profiles/new", NewProfile("Bad Slug", null, "Slug", slug));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NewProfileInput.SlugFormatMessage, (await response.ReadPageAsync()).TextOf("#slug-error"));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("new")]
    [InlineData("not-found")]
    [InlineData("sitemap")]
    public async Task Creating_a_profile_with_a_reserved_slug_shows_why_and_saves_nothing(string slug)
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.SubmitFormAsync("/admin/profiles/new", NewProfile("Reserved Slug", null, "Slug", slug));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"“{slug}” is reserved for the site's own pages; choose another address.", (await response.ReadPageAsync()).TextOf("#slug-error"));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Creating_a_profile_with_a_taken_slug_shows_a_message_and_saves_nothing(bool takenByTrashedProfile)
    {
        var existing = await new ResearcherBuilder("Taken Slug").With(r => r.DeletedAt = takenByTrashedProfile ? DateTimeOffset.UtcNow : null).SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.SubmitFormAsync("/admin/profiles/new", NewProfile("Second Taker", null, "Taker", existing.Slug));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NewProfileInput.SlugTakenMessage, (await response.ReadPageAsync()).TextOf("#slug-error"));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Creating_a_profile_without_required_names_shows_messages_next_to_the_fields()
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.SubmitFormAsync("/admin/profiles/new", NewProfile("", null, "", ""));

        var page = await response.ReadPageAsync();
        Assert.False(string.IsNullOrEmpty(page.TextOf("#display-name-error")));
        Assert.False(string.IsNullOrEmpty(page.TextOf("#family-name-error")));
        Assert.False(string.IsNullOrEmpty(page.TextOf("#slug-error")));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Admin_creates_a_profile_owned_by_an_account_without_one()
    {
        var user = await factory.CreateUserAsync($"owner-{Guid.NewGuid():N}@example.org", Web.Startup.AccountsExtensions.ResearcherRole);
        var (admin, _) = await factory.SignInAdminAsync();
        var slug = NewSlug("owned-new");
        var fields = NewProfile("Owned New", null, "New", slug);
        fields["Input.OwnerId"] = user.Id;

        using var response = await admin.SubmitFormAsync("/admin/profiles/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(user.Id, await factory.QueryAsync(db => db.Researchers.Where(r => r.Slug == slug).Select(r => r.OwnerId).SingleAsync()));
    }

    [Fact]
    public async Task Admin_assigns_an_owner_who_can_then_edit_the_profile_and_the_change_is_in_its_history()
    {
        var profile = await new ResearcherBuilder("Needs Owner").SaveAsync(factory);
        var user = await factory.CreateUserAsync($"new-owner-{Guid.NewGuid():N}@example.org", Web.Startup.AccountsExtensions.ResearcherRole);
        var (admin, adminId) = await factory.SignInAdminAsync();

        var form = await admin.GetPageAsync($"/admin/profiles/{profile.Id}");
        using var response = await admin.SubmitFormAsync($"/admin/profiles/{profile.Id}", new Dictionary<string, string> { ["OwnerId"] = user.Id }, "form#owner-form");

        Assert.NotNull(form.Document.QuerySelector($"#owner-form option[value='{user.Id}']"));
        response.AssertRedirectedTo($"/admin/profiles/{profile.Id}");
        Assert.Equal(user.Id, await OwnerOfAsync(profile.Id));
        var revision = await LatestRevisionAsync(profile.Id);
        Assert.Equal(adminId, revision.UserId);
        Assert.Contains("OwnerId", revision.ChangedFields, StringComparison.Ordinal);
        var owner = await factory.SignInAsync(user.Email!);
        Assert.Contains($"/edit/{profile.Slug}", (await owner.GetPageAsync("/account")).Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_that_owns_a_profile_cannot_be_given_a_second_one()
    {
        var first = await new ResearcherBuilder("First Owned").SaveAsync(factory);
        var second = await new ResearcherBuilder("Second Wanted").SaveAsync(factory);
        var owner = await factory.CreateResearcherAsync(first.Id);
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        var form = await admin.GetPageAsync($"/admin/profiles/{second.Id}");
        using var response = await admin.SubmitFormAsync($"/admin/profiles/{second.Id}", new Dictionary<string, string> { ["OwnerId"] = owner.Id }, "form#owner-form");

        Assert.Null(form.Document.QuerySelector($"#owner-form option[value='{owner.Id}']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already owns", (await response.ReadPageAsync()).TextOf("#owner-error"), StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Removing_the_owner_leaves_the_profile_without_one()
    {
        var profile = await new ResearcherBuilder("Loses Owner").SaveAsync(factory);
        await factory.CreateResearcherAsync(profile.Id);
        var (admin, _) = await factory.SignInAdminAsync();

        using var response = await admin.SubmitFormAsync($"/admin/profiles/{profile.Id}", new Dictionary<string, string> { ["OwnerId"] = "" }, "form#owner-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await OwnerOfAsync(profile.Id));
    }

    [Fact]
    public async Task Hidden_profile_is_gone_from_the_public_site_until_unhidden()
    {
        var profile = await new ResearcherBuilder("Now You See").SaveAsync(factory);
        var (admin, adminId) = await factory.SignInAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetPageAsync($"/people/{profile.Slug}")).Status);

        using var hidden = await admin.SubmitFormAsync($"/admin/profiles/{profile.Id}", new Dictionary<string, string>(), "form#hide-form");
        var whileHidden = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        var revision = await LatestRevisionAsync(profile.Id);
        using var shown = await admin.SubmitFormAsync($"/admin/profiles/{profile.Id}", new Dictionary<string, string>(), "form#unhide-form");
        var afterwards = await _visitor.GetPageAsync($"/people/{profile.Slug}");

        hidden.AssertRedirectedTo($"/admin/profiles/{profile.Id}");
        Assert.Equal(HttpStatusCode.NotFound, whileHidden.Status);
        Assert.Equal(adminId, revision.UserId);
        Assert.Contains("IsHidden", revision.ChangedFields, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterwards.Status);
    }

    [Fact]
    public async Task Trashed_profile_leaves_the_public_site_is_listed_in_the_trash_and_restores_as_it_was()
    {
        var profile = await new ResearcherBuilder("Comes Back").WithNews("2024-05", "Still here").SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();

        using var trashed = await admin.SubmitFormAsync($"/admin/profiles/{profile.Id}", new Dictionary<string, string>(), "form#trash-form");
        var whileTrashed = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        var trash = await admin.GetPageAsync("/admin/trash");
        using var restored = await admin.SubmitFormAsync("/admin/trash", new Dictionary<string, string>(), $"form#restore-{profile.Id}");
        var afterwards = await _visitor.GetPageAsync($"/people/{profile.Slug}");

        trashed.AssertRedirectedTo("/admin/trash");
        Assert.Equal(HttpStatusCode.NotFound, whileTrashed.Status);
        Assert.Contains(profile.Slug, trash.TextOf("table#trash"), StringComparison.Ordinal);
        restored.AssertRedirectedTo("/admin/trash");
        Assert.Equal(HttpStatusCode.OK, afterwards.Status);
        Assert.Contains("Still here", afterwards.BodyText, StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Researchers.Where(r => r.Id == profile.Id).Select(r => r.DeletedAt).SingleAsync()));
    }

    [Fact]
    public async Task Trashing_restoring_and_hiding_sent_many_times_at_once_end_as_one_and_never_fail()
    {
        // Each reads the profile and then saves it: those that read it before another's save landed
        // meet its new version, and are run again instead of failing.
        var profile = await new ResearcherBuilder("Many Clicks").SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();
        var manage = $"/admin/profiles/{profile.Id}";

        async Task<HttpStatusCode[]> BurstAsync(string url, IReadOnlyDictionary<string, string> fields)
        {
            var token = await admin.TokenFromAsync("/admin");
            var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => admin.PostAsync(url, fields, token)));
            var statuses = responses.Select(r => r.StatusCode).ToArray();
            Array.ForEach(responses, r => r.Dispose());
            return statuses;
        }

        var hides = await BurstAsync($"{manage}?handler=hide", new Dictionary<string, string>());
        var trashes = await BurstAsync($"{manage}?handler=trash", new Dictionary<string, string>());
        var restores = await BurstAsync("/admin/trash?handler=Restore", new Dictionary<string, string> { ["id"] = profile.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.All(hides, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.All(trashes, status => Assert.Contains(status, new[] { HttpStatusCode.Redirect, HttpStatusCode.NotFound }));
        Assert.Contains(HttpStatusCode.Redirect, trashes);
        Assert.All(restores, status => Assert.Contains(status, new[] { HttpStatusCode.Redirect, HttpStatusCode.NotFound }));
        Assert.Equal(1, restores.Count(status => status == HttpStatusCode.Redirect));
        var state = await factory.QueryAsync(db => db.Researchers.Where(r => r.Id == profile.Id).Select(r => new { r.IsHidden, r.DeletedAt }).SingleAsync());
        Assert.True(state.IsHidden);
        Assert.Null(state.DeletedAt);
    }

    [Fact]
    public async Task A_save_that_meets_another_is_run_again_with_nothing_tracked_and_given_up_after_a_few_tries()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResearcherProfiles.Core.Data.AppDbContext>();
        var runs = 0;
        var tracked = new List<int>();

        var result = await SaveAgain.OnConflictAsync(db, async () =>
        {
            tracked.Add(db.ChangeTracker.Entries().Count());
            await db.Researchers.AsTracking().FirstOrDefaultAsync();
            return ++runs < 3 ? throw new DbUpdateConcurrencyException("another save came first") : runs;
        });

        Assert.Equal(3, result);
        Assert.Equal([0, 0, 0], tracked);
        runs = 0;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => SaveAgain.OnConflictAsync<int>(db, () =>
        {
            runs++;
            throw new DbUpdateConcurrencyException("always");
        }));
        Assert.Equal(SaveAgain.Attempts, runs);
    }

    [Fact]
    public async Task Trashed_profile_cannot_be_changed_from_its_manage_page()
    {
        var profile = await new ResearcherBuilder("In The Bin").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.PostWithTokenAsync("/admin", $"/admin/profiles/{profile.Id}?handler=unhide", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Purging_needs_the_slug_typed_exactly()
    {
        var profile = await new ResearcherBuilder("Almost Purged").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.SubmitFormAsync($"/admin/trash/{profile.Id}/purge", new Dictionary<string, string> { ["Confirmation"] = "almost" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PurgeModel.MismatchMessage, (await response.ReadPageAsync()).TextOf("#confirmation-error"));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Only_trashed_profiles_can_be_purged()
    {
        var profile = await new ResearcherBuilder("Not Trashed").SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var page = await admin.GetAsync(new Uri($"/admin/trash/{profile.Id}/purge", UriKind.Relative));
        using var post = await admin.PostWithTokenAsync("/admin", $"/admin/trash/{profile.Id}/purge", new Dictionary<string, string> { ["Confirmation"] = profile.Slug });

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Purging_deletes_the_profile_and_its_own_papers_while_shared_papers_stay_on_the_coauthors_profile()
    {
        var coauthor = await new ResearcherBuilder("Stays Around").SaveAsync(factory);
        var purged = await new ResearcherBuilder("Goes Away")
            .WithNews("2024-01", "Some news")
            .WithPublication("Solo paper of Goes Away", p => p.Owner())
            .With(r => r.DeletedAt = DateTimeOffset.UtcNow)
            .SaveAsync(factory);
        var shared = await new PublicationBuilder("Shared paper of both")
            .Author(coauthor).Author(purged)
            .ShownOn(coauthor).ShownOn(purged)
            .SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();

        var confirm = await admin.GetPageAsync($"/admin/trash/{purged.Id}/purge");
        using var response = await admin.SubmitFormAsync($"/admin/trash/{purged.Id}/purge", new Dictionary<string, string> { ["Confirmation"] = purged.Slug });

        Assert.Contains("1 publication listed on no other profile", confirm.BodyText, StringComparison.Ordinal);
        response.AssertRedirectedTo("/admin/trash");
        Assert.False(await factory.QueryAsync(db => db.Researchers.AnyAsync(r => r.Id == purged.Id)));
        Assert.False(await factory.QueryAsync(db => db.Publications.AnyAsync(p => p.Title == "Solo paper of Goes Away")));
        Assert.False(await factory.QueryAsync(db => db.News.AnyAsync(n => n.ResearcherId == purged.Id)));
        Assert.False(await factory.QueryAsync(db => db.Revisions.AnyAsync(r => r.ResearcherId == purged.Id)));
        var authors = await factory.QueryAsync(db => db.PublicationAuthors.Where(a => a.PublicationId == shared.Id).OrderBy(a => a.Position).ToListAsync());
        Assert.Equal([coauthor.Id, null], authors.Select(a => a.ResearcherId));
        Assert.Equal("Goes Away", authors[1].Name);
        var coauthorPage = await _visitor.GetPageAsync($"/people/{coauthor.Slug}/publications");
        Assert.Contains("Shared paper of both", coauthorPage.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(purged.Slug, (await admin.GetPageAsync("/admin/trash")).BodyText, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> NewProfile(string displayName, string? givenName, string familyName, string slug) => new()
    {
        ["Input.DisplayName"] = displayName,
        ["Input.GivenName"] = givenName ?? string.Empty,
        ["Input.FamilyName"] = familyName,
        ["Input.Slug"] = slug,
    };

    private static string NewSlug(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    private Task<string?> OwnerOfAsync(int researcherId) =>
        factory.QueryAsync(db => db.Researchers.Where(r => r.Id == researcherId).Select(r => r.OwnerId).SingleAsync());

    private Task<ProfileRevision> LatestRevisionAsync(int researcherId) =>
        factory.QueryAsync(db => db.Revisions.Where(r => r.ResearcherId == researcherId).OrderByDescending(r => r.Id).FirstAsync());
}
