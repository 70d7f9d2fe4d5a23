using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// On PostgreSQL each profile's lists are kept written in "ProfileLists" by triggers (migration
/// ProfileListsStored), and pages read them from there. What is stored must always be what the
/// tables hold, read by the statement made from the model (<see cref="ProfileLists.ReadInOneStatementAsync"/>),
/// column for column: after any kind of write, by any path, and when two transactions change one
/// profile at once.
/// </summary>
public sealed class ProfileListsStoredTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string Awkward = AwkwardText.ForJson;

    [PostgresOnlyFact("the lists PostgreSQL keeps written")]
    public async Task The_stored_lists_are_those_read_from_the_tables_after_every_kind_of_change()
    {
        var other = await new ResearcherBuilder("Stored Other").WithLink(ProfileLinkKind.Website, "https://other.example.org").SaveAsync(factory);
        var profile = await new ResearcherBuilder("Stored Person")
            .WithLink(ProfileLinkKind.GitHub, "https://github.com/stored-person", Awkward)
            .WithLink(ProfileLinkKind.Website, "https://hidden.example.org", visible: false)
            .WithNews("2023-05", "Older news")
            .WithNews("2024-02-03", Awkward)
            .WithEducation(new Education { Degree = "PhD", Institution = Awkward, Field = "Mathematics", Start = TestDates.Of("2010-09"), Advisors = "A. Turing" })
            .WithPosition(new Position { Employer = "Lab", Title = Awkward, Kind = PositionKind.Internship, Start = TestDates.Of("2015"), End = TestDates.Of("2016-01-31"), DescriptionMarkdown = "Worked **hard**", DescriptionHtml = "<p>Worked <strong>hard</strong></p>\n", RenderedWith = 7 })
            .WithAward(new Award { Title = "Best paper", Year = 2021, Note = Awkward })
            .WithService("Reviewer", "NeurIPS", 2019, 2021, 2022)
            .WithTalk(new Talk { Title = null, Host = "MIT", Date = TestDates.Of("2022-03"), SlidesUrl = "https://example.org/s.pdf" })
            .WithWriting(new WritingItem { Title = "A post", Url = "https://blog.example.org/a", ListTitle = "Blog", Date = TestDates.Of("2021-07-04") })
            .WithProject(new Project { Title = "Engine", Kind = ProjectKind.OpenSource, Group = Awkward, Start = TestDates.Of("2019"), NarrativeMarkdown = "Long story" })
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Talks, Title = "Invited talks", IntroMarkdown = Awkward, ItemsShown = 3, OwnSection = true, SortOrder = 2 }))
            .SaveAsync(factory);
        await AssertStoredAsExpectedAsync(profile.Id, other.Id);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Written through EF: a field changed, a row added, a hidden row shown.
        var award = await db.Awards.AsTracking().SingleAsync(a => a.ResearcherId == profile.Id);
        award.Title = "Best paper, again";
        db.Awards.Add(new Award { ResearcherId = profile.Id, Title = "Second prize", Year = 2024, SortOrder = 1 });
        (await db.ProfileLinks.AsTracking().SingleAsync(l => l.ResearcherId == profile.Id && !l.IsVisible)).IsVisible = true;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await AssertStoredAsExpectedAsync(profile.Id, other.Id);
        Assert.Equal(["Best paper, again", "Second prize"], (await StoredAsync(db, profile.Id)).Awards.Select(a => a.Title));

        // Written in bulk, past EF's change tracking: rows changed, hidden, removed.
        await db.News.Where(n => n.ResearcherId == profile.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.BodyMarkdown, n => n.BodyMarkdown + " (updated)"));
        await db.Talks.Where(t => t.ResearcherId == profile.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsVisible, false));
        await db.Projects.Where(p => p.ResearcherId == profile.Id).ExecuteDeleteAsync();
        await AssertStoredAsExpectedAsync(profile.Id, other.Id);
        var stored = await StoredAsync(db, profile.Id);
        Assert.Empty(stored.Talks);
        Assert.Empty(stored.Projects);
        Assert.All(stored.News, n => Assert.EndsWith(" (updated)", n.BodyMarkdown, StringComparison.Ordinal));

        // A row moved to another profile leaves the one and joins the other.
        await db.Writing.Where(w => w.ResearcherId == profile.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.ResearcherId, other.Id));
        await AssertStoredAsExpectedAsync(profile.Id, other.Id);
        Assert.Single((await StoredAsync(db, other.Id)).Writing);

        // The layout, all of its rows.
        await db.ProfileSections.Where(s => s.ResearcherId == profile.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsVisible, false));
        await AssertStoredAsExpectedAsync(profile.Id, other.Id);

        // A profile removed takes its stored lists with it.
        await db.Researchers.Where(r => r.Id == profile.Id).ExecuteDeleteAsync();
        Assert.Null(await ProfileLists.ReadStoredAsync(db, profile.Id, CancellationToken.None));
        await AssertStoredAsExpectedAsync(other.Id);
    }

    [PostgresOnlyFact("the lists PostgreSQL keeps written")]
    public async Task A_new_profile_has_its_empty_lists_stored_at_once()
    {
        var profile = await new ResearcherBuilder("Stored Newcomer").SaveAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var stored = await StoredAsync(db, profile.Id);

        Assert.Empty(stored.Links);
        Assert.Empty(stored.Projects);
        await AssertStoredAsExpectedAsync(profile.Id);
    }

    [PostgresOnlyFact("the lists PostgreSQL keeps written")]
    public async Task Two_transactions_changing_one_profile_at_once_both_reach_its_stored_lists()
    {
        var profile = await new ResearcherBuilder("Stored Race").WithAward(new Award { Title = "First" }).WithTalk(new Talk { Title = "Talk" }).SaveAsync(factory);
        await using var firstScope = factory.Services.CreateAsyncScope();
        await using var secondScope = factory.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<AppDbContext>();

        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        await first.Awards.Where(a => a.ResearcherId == profile.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "First, changed"));
        await using var secondTransaction = await second.Database.BeginTransactionAsync();
        await second.Talks.Where(t => t.ResearcherId == profile.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "Talk, changed"));
        // Neither sees the other's row while both are open; the lists are written as each commits,
        // from the rows as they stand then: the first to commit has only its own change, the last both.
        await secondTransaction.CommitAsync();
        await firstTransaction.CommitAsync();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await StoredAsync(db, profile.Id);
        Assert.Equal("First, changed", Assert.Single(stored.Awards).Title);
        Assert.Equal("Talk, changed", Assert.Single(stored.Talks).Title);
    }

    [PostgresOnlyFact("the lists PostgreSQL keeps written")]
    public async Task A_profile_without_stored_lists_is_shown_with_its_lists_read_from_the_tables()
    {
        var profile = await new ResearcherBuilder("Stored Missing").WithAward(new Award { Title = "Prize kept in the table" }).SaveAsync(factory);
        await factory.ChangeDataAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "ProfileLists" WHERE "ResearcherId" = {profile.Id}"""));

        var page = await factory.CreateVisitor().GetStringAsync($"/people/{profile.Slug}");

        Assert.Contains("Prize kept in the table", page, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Null(await ProfileLists.ReadStoredAsync(db, profile.Id, CancellationToken.None));
        Assert.Equal("Prize kept in the table", Assert.Single((await ProfileLists.ReadAsync(db, profile.Id, ProfileListsTests.Everything, selected: null, CancellationToken.None)).Awards).Title);
    }

    private static async Task<ProfileLists> StoredAsync(AppDbContext db, int researcherId) =>
        await ProfileLists.ReadStoredAsync(db, researcherId, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException($"Profile {researcherId} has no stored lists.");

    /// <summary>Each profile's stored lists, serialized, equal to those the model's statement reads from the tables.</summary>
    private async Task AssertStoredAsExpectedAsync(params int[] researcherIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var id in researcherIds)
        {
            var read = await ProfileLists.ReadInOneStatementAsync(db, id, CancellationToken.None);
            var stored = await StoredAsync(db, id);
            Assert.Equal(JsonSerializer.Serialize(read), JsonSerializer.Serialize(stored));
        }
    }
}
