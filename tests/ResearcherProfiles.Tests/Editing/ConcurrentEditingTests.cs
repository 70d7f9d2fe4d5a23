using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>Two people (or two tabs) pressing buttons on the same list or claiming the same address at the same moment.</summary>
public sealed class ConcurrentEditingTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const int Rounds = 10;

    [Fact]
    public async Task Racing_move_and_hide_on_one_list_never_fail_and_leave_a_consistent_list()
    {
        var builder = new ResearcherBuilder("Race Lists");
        for (var i = 0; i < 4; i++)
        {
            builder.WithNews($"202{i}-01", $"News {i}");
        }
        var (profile, owner) = await factory.OwnedProfileAsync(builder);
        var admin = await factory.SignedInAdminAsync();
        var url = $"/edit/{profile.Slug}/news";

        for (var round = 0; round < Rounds; round++)
        {
            var items = await NewsAsync(profile.Id);
            var second = items[1].Id;
            var third = items[2].Id;
            var posts = new[]
            {
                await owner.PrepareAsync(url, $"#item-{second} form.move-up"),
                await admin.PrepareAsync(url, $"#item-{third} form.move-up"),
                await owner.PrepareAsync(url, $"#item-{third} form.toggle-visibility"),
                await admin.PrepareAsync(url, $"#item-{second} form.move-down"),
            };

            var statuses = await ConcurrentForms.SendTogetherAsync(posts);

            ConcurrentForms.AssertNoServerErrors(statuses);
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
            var after = await NewsAsync(profile.Id);
            Assert.Equal(4, after.Count);
            Assert.Equal([0, 1, 2, 3], after.Select(n => n.SortOrder).Order());
        }
    }

    [Fact]
    public async Task Two_profiles_claiming_one_address_at_once_get_one_address_and_one_field_message()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var (first, firstOwner) = await factory.OwnedProfileAsync(new ResearcherBuilder($"First Claimant {round}"));
            var (second, secondOwner) = await factory.OwnedProfileAsync(new ResearcherBuilder($"Second Claimant {round}"));
            var wanted = $"claimed-{Guid.NewGuid():N}"[..20];
            var posts = new[]
            {
                await firstOwner.PrepareAsync($"/edit/{first.Slug}", "form.basics-form", new Dictionary<string, string> { ["Input.Slug"] = wanted }),
                await secondOwner.PrepareAsync($"/edit/{second.Slug}", "form.basics-form", new Dictionary<string, string> { ["Input.Slug"] = wanted }),
            };

            var statuses = await ConcurrentForms.SendTogetherAsync(posts);

            ConcurrentForms.AssertNoServerErrors(statuses);
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], statuses.Order());
            var holders = await factory.ReadAsync(db => db.Researchers.CountAsync(r => r.Slug == wanted));
            Assert.Equal(1, holders);
        }
    }

    [Fact]
    public async Task Two_administrators_creating_profiles_with_one_slug_at_once_get_one_profile_and_one_field_message()
    {
        var admins = new[] { await factory.SignedInAdminAsync(), await factory.SignedInAdminAsync() };
        for (var round = 0; round < Rounds; round++)
        {
            var wanted = $"new-{Guid.NewGuid():N}"[..16];
            var fields = new Dictionary<string, string> { ["Input.DisplayName"] = "Twin Profile", ["Input.FamilyName"] = "Profile", ["Input.Slug"] = wanted };
            var posts = new[]
            {
                await admins[0].PrepareAsync("/admin/profiles/new", "main form", fields),
                await admins[1].PrepareAsync("/admin/profiles/new", "main form", fields),
            };

            var statuses = await ConcurrentForms.SendTogetherAsync(posts);

            ConcurrentForms.AssertNoServerErrors(statuses);
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], statuses.Order());
            Assert.Equal(1, await factory.ReadAsync(db => db.Researchers.CountAsync(r => r.Slug == wanted)));
        }
    }

    private Task<List<ResearcherProfiles.Core.Entities.NewsItem>> NewsAsync(int researcherId) =>
        factory.ReadAsync(db => db.News.AsNoTracking().Where(n => n.ResearcherId == researcherId)
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToListAsync());
}
