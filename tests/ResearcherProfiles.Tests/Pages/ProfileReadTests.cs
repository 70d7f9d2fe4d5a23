using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// An uncached profile on PostgreSQL in one round trip (<see cref="ProfileRead"/>) reads what the
/// profile's own queries read: its fields as <see cref="ResearcherHeader.FindAsync(AppDbContext, HomeProfile, string, CancellationToken)"/>,
/// which lists hold anything, its lists, its selected papers and its cited-by total.
/// </summary>
public sealed class ProfileReadTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string Awkward = AwkwardText.ForJson;

    private const string NoPostgres = "the one round trip is PostgreSQL's";

    [PostgresOnlyFact(NoPostgres)]
    public async Task A_full_profile_reads_as_its_own_queries_read_it()
    {
        var coauthor = await new ResearcherBuilder("Read Coauthor").SaveAsync(factory);
        var profile = await new ResearcherBuilder("Read Person")
            .With(r =>
            {
                r.Pronouns = "she/her";
                r.Headline = Awkward;
                r.Email = "read.person@example.org";
                r.ShowEmail = true;
                r.Phone = "+1 555 0100";
                r.ShowPhone = false;
                r.Interests = ["Tides", Awkward];
                r.Skills = ["R"];
                r.NameVariants = ["R. Person", "Person, R."];
                r.AboutMarkdown = "About *me*.";
                r.ShowCitationCounts = true;
                r.UpdatedAt = new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero);
            })
            .WithLink(ProfileLinkKind.GitHub, "https://github.com/read-person", Awkward)
            .WithNews("2024-02", "Newest")
            .WithNews("2025", "Hidden news", visible: false)
            .WithAward(new Award { Title = "Prize", Year = 2020 })
            .WithTalk(new Talk { Title = "Hidden talk", IsVisible = false })
            .WithPublication("First chosen", p => p.Owner().Author(coauthor).Link(PublicationLinkKind.Code, "https://example.org/code", Awkward), highlighted: true)
            .WithPublication("Not chosen", p => p.Owner(), highlighted: false)
            .WithPublication("Second chosen", p => p.Author(Awkward, equal: true).Owner(equal: true), highlighted: true)
            .WithPublication("Third chosen", p => p.Owner(), highlighted: true)
            .WithPublication("Hidden paper", p => p.Owner(), highlighted: true, visible: false)
            .SaveAsync(factory);
        await factory.ChangeDataAsync(async db =>
        {
            var papers = await db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id).Select(pp => pp.PublicationId).OrderBy(id => id).ToListAsync();
            var readAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
            db.CitationCounts.AddRange(papers.Select((id, i) => new CitationCount { PublicationId = id, Count = 10 * (i + 1), Source = i == 0 ? "Semantic Scholar" : "OpenAlex", ReadAt = readAt.AddDays(i) }));
            db.Revisions.Add(new ProfileRevision
            {
                ResearcherId = profile.Id,
                At = new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.Zero),
                EntityType = nameof(Award),
                Action = RevisionAction.Created,
            });
        });

        var (header, lists) = await ReadInOneRoundTripAsync(profile.Slug, selected: 2);

        Assert.Equal(Json(await HeaderByItsOwnQueryAsync(profile.Slug)), Json(header));
        Assert.Equal(new VisibleContent(true, true, 4, 3, false, false, false, true, false, false, false, new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.Zero)), header.Content);
        Assert.Null(header.Phone);
        Assert.Equal("read.person@example.org", header.Email);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["First chosen", "Second chosen"], lists.Selected.Select(p => p.Title));
        Assert.Equal(Json(await PublicationQueries.SelectedEachAsync(db, profile.Id, 2, withCitations: true, CancellationToken.None)), Json(lists.Selected));
        Assert.True(lists.CitationsRead);
        Assert.Equal(100, lists.Citations!.Count);
        Assert.Equal(Json(await CitationTotal.ForProfileAsync(db, profile.Id, CancellationToken.None)), Json(lists.Citations));
        var alone = await ProfileLists.ReadInOneStatementAsync(db, profile.Id, CancellationToken.None);
        Assert.Equal(Json(alone.Layout), Json(lists.Layout));
        Assert.Equal(Json(alone.Links), Json(lists.Links));
        Assert.Equal(Json(alone.News), Json(lists.News));
        Assert.Equal(Json(alone.Awards), Json(lists.Awards));
        Assert.Equal(["Newest"], lists.News.Select(n => n.BodyMarkdown));
        Assert.Empty(lists.Talks);
    }

    [PostgresOnlyFact(NoPostgres)]
    public async Task A_profile_without_counts_or_shown_papers_reads_as_its_own_queries_read_it()
    {
        var profile = await new ResearcherBuilder("Plain Read Person")
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Publications, IsVisible = false }))
            .WithPublication("Counted but not shown", p => p.Owner(), highlighted: true)
            .SaveAsync(factory);
        await factory.ChangeDataAsync(async db => db.CitationCounts.Add(new CitationCount
        {
            PublicationId = await db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id).Select(pp => pp.PublicationId).SingleAsync(),
            Count = 5,
            Source = "OpenAlex",
            ReadAt = DateTimeOffset.UtcNow,
        }));

        var (header, lists) = await ReadInOneRoundTripAsync(profile.Slug, selected: 5);

        Assert.Equal(Json(await HeaderByItsOwnQueryAsync(profile.Slug)), Json(header));
        Assert.False(header.ShowsPublications);
        Assert.False(header.ShowCitationCounts);
        Assert.False(lists.CitationsRead);
        Assert.Null(lists.Citations);
        Assert.Null(Assert.Single(lists.Selected).Citation);
    }

    [PostgresOnlyFact(NoPostgres)]
    public async Task The_home_profile_comes_with_every_profile_as_it_does_alone()
    {
        var chosen = await new ResearcherBuilder("Home Read Chosen").SaveAsync(factory);
        var visited = await new ResearcherBuilder("Home Read Visitor").SaveAsync(factory);

        var before = await ReadInOneRoundTripAsync(visited.Slug, selected: 5);
        Assert.Equal(Json(await HeaderByItsOwnQueryAsync(visited.Slug)), Json(before.Header));

        await factory.ChangeDataAsync(async db =>
        {
            var settings = await db.SiteSettings.AsTracking().FirstOrDefaultAsync();
            if (settings is null)
            {
                settings = new SiteSettings();
                db.SiteSettings.Add(settings);
            }
            settings.HomeProfileId = chosen.Id;
        });
        try
        {
            var after = await ReadInOneRoundTripAsync(visited.Slug, selected: 5);
            Assert.Equal((chosen.Slug, chosen.DisplayName), (after.Header.HomeSlug, after.Header.HomeName));
            Assert.Equal(Json(await HeaderByItsOwnQueryAsync(visited.Slug)), Json(after.Header));
        }
        finally
        {
            await factory.ChangeDataAsync(async db => await db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.HomeProfileId, (int?)null)));
        }
    }

    [PostgresOnlyFact(NoPostgres)]
    public async Task A_hidden_deleted_or_unknown_profile_is_not_found()
    {
        var hidden = await new ResearcherBuilder("Hidden Read Person").Hidden().SaveAsync(factory);
        var deleted = await new ResearcherBuilder("Deleted Read Person").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);

        foreach (var slug in new[] { hidden.Slug, deleted.Slug, "no-such-person" })
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Null(await ProfileRead.FindAsync(db, scope.ServiceProvider.GetRequiredService<HomeProfile>(), slug, 5, CancellationToken.None));
        }
    }

    private async Task<(ResearcherHeader Header, ProfileLists Lists)> ReadInOneRoundTripAsync(string slug, int selected)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var found = await ProfileRead.FindAsync(db, scope.ServiceProvider.GetRequiredService<HomeProfile>(), slug, selected, CancellationToken.None);
        Assert.NotNull(found);
        return found.Value;
    }

    private async Task<ResearcherHeader> HeaderByItsOwnQueryAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var header = await ResearcherHeader.FindAsync(db, scope.ServiceProvider.GetRequiredService<HomeProfile>(), slug, CancellationToken.None);
        Assert.NotNull(header);
        return header;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
