using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Admin;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Search;

namespace ResearcherProfiles.Tests.Search;

/// <summary>
/// PostgreSQL's search documents beyond their text: the flag that says a paper is public, and how
/// their full-text indexes take them in.
/// </summary>
public sealed class PostgresSearchDocumentTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    /// <summary>
    /// A search without filters trusts the "Listed" flag of each paper's document instead of joining
    /// its listings. Triggers keep it in step; here every kind of change that makes a paper public or
    /// not is made after the paper exists, and after each one the flag must say what the public
    /// site's own rule (<see cref="PublicListings"/>) says, and the search must find exactly the
    /// public papers.
    /// </summary>
    [PostgresOnlyFact("the public flag on PostgreSQL's search documents")]
    public async Task The_public_flag_follows_every_change_to_a_papers_listings_profiles_and_sections()
    {
        var w = SearchTests.Word();
        var ada = await new ResearcherBuilder($"Ada Flag {w}")
            .WithPublication($"Own paper {w}", p => p.Owner())
            .WithPublication($"Second paper {w}", p => p.Owner())
            .SaveAsync(factory);
        var bo = await new ResearcherBuilder($"Bo Flag {w}").SaveAsync(factory);
        var shared = await new PublicationBuilder($"Shared paper {w}", ada).Owner().ShownOn(ada).ShownOn(bo).SaveAsync(factory);
        int own, second;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            own = await db.Publications.Where(p => p.Title == $"Own paper {w}").Select(p => p.Id).SingleAsync();
            second = await db.Publications.Where(p => p.Title == $"Second paper {w}").Select(p => p.Id).SingleAsync();
        }
        int[] papers = [own, second, shared.Id];

        await AssertInStepAsync(w, papers, expectedPublic: 3);

        await ChangeAsync(db => db.ProfilePublications.Where(l => l.PublicationId == own).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsVisible, false)));
        await AssertInStepAsync(w, papers, expectedPublic: 2);

        await ChangeAsync(db => db.Researchers.Where(r => r.Id == ada.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsHidden, true)));
        // The shared paper is still listed on Bo's profile.
        await AssertInStepAsync(w, papers, expectedPublic: 1);

        await ChangeAsync(db => db.Researchers.Where(r => r.Id == ada.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsHidden, false)));
        await ChangeAsync(db => db.ProfilePublications.Where(l => l.PublicationId == own).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsVisible, true)));
        await AssertInStepAsync(w, papers, expectedPublic: 3);

        await ChangeAsync(db => db.Researchers.Where(r => r.Id == ada.Id || r.Id == bo.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeletedAt, DateTimeOffset.UtcNow)));
        await AssertInStepAsync(w, papers, expectedPublic: 0);

        await ChangeAsync(db => db.Researchers.Where(r => r.Id == ada.Id || r.Id == bo.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeletedAt, (DateTimeOffset?)null)));
        await AssertInStepAsync(w, papers, expectedPublic: 3);

        // Ada hides her Publications section: only the shared paper stays, through Bo.
        await ChangeAsync(async db =>
        {
            db.ProfileSections.Add(new ProfileSection { ResearcherId = ada.Id, Kind = ProfileSectionKind.Publications, IsVisible = false });
            return await db.SaveChangesAsync();
        });
        await AssertInStepAsync(w, papers, expectedPublic: 1);

        await ChangeAsync(db => db.ProfileSections.Where(s => s.ResearcherId == ada.Id && s.Kind == ProfileSectionKind.Publications)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsVisible, true)));
        await AssertInStepAsync(w, papers, expectedPublic: 3);

        await ChangeAsync(db => db.ProfileSections.Where(s => s.ResearcherId == ada.Id && s.Kind == ProfileSectionKind.Publications)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsVisible, false)));
        await ChangeAsync(db => db.ProfileSections.Where(s => s.ResearcherId == ada.Id && s.Kind == ProfileSectionKind.Publications).ExecuteDeleteAsync());
        await AssertInStepAsync(w, papers, expectedPublic: 3);

        // Bo's listing moves to Ada's second paper, then both of Ada's listings of it go.
        await ChangeAsync(db => db.ProfilePublications.Where(l => l.ResearcherId == bo.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.PublicationId, second)));
        await ChangeAsync(db => db.ProfilePublications.Where(l => l.ResearcherId == ada.Id && l.PublicationId == shared.Id).ExecuteDeleteAsync());
        await AssertInStepAsync(w, papers, expectedPublic: 2);

        await ChangeAsync(db => db.Researchers.Where(r => r.Id == bo.Id).ExecuteDeleteAsync());
        await AssertInStepAsync(w, papers, expectedPublic: 2);
    }

    /// <summary>A pending list would be read by every search and would make the planner misjudge the index (migration SearchIndexesWrittenAtOnce).</summary>
    [PostgresOnlyFact("how PostgreSQL's full-text indexes take new documents")]
    public async Task The_full_text_indexes_take_each_document_in_at_once()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var options = await db.Database.SqlQuery<string>($"""
            SELECT c.relname::text || ' ' || coalesce(array_to_string(c.reloptions, ','), '') AS "Value"
            FROM pg_class c WHERE c.relname IN ('IX_SearchPapers_Document', 'IX_SearchPeople_Document') ORDER BY 1
            """).ToListAsync();
        Assert.Equal(["IX_SearchPapers_Document fastupdate=off", "IX_SearchPeople_Document fastupdate=off"], options);
    }

    private async Task ChangeAsync(Func<AppDbContext, Task<int>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.NotEqual(0, await change(scope.ServiceProvider.GetRequiredService<AppDbContext>()));
    }

    /// <summary>The flag of each paper is the public site's rule, and a search finds exactly the public ones.</summary>
    private async Task AssertInStepAsync(string word, int[] papers, int expectedPublic)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var shown = await db.Publications.Where(p => papers.Contains(p.Id) && p.Profiles.AsQueryable().Any(PublicListings.Shown))
            .Select(p => p.Id).OrderBy(id => id).ToListAsync();
        var flagged = await db.Database.SqlQuery<int>(
            $"""SELECT "PublicationId" AS "Value" FROM "SearchPapers" WHERE "Listed" AND "PublicationId" = ANY ({papers}) ORDER BY 1""").ToListAsync();
        Assert.Equal(expectedPublic, shown.Count);
        Assert.Equal(shown, flagged);

        var search = new PostgresSiteSearch(db, factory.Services.GetRequiredService<IServiceScopeFactory>());
        var found = await search.SearchAsync(new SearchRequest([word], null, null, 1, 1), CancellationToken.None);
        Assert.Equal(shown, found.Papers.Items.Select(p => p.Id).Order());
    }
}
