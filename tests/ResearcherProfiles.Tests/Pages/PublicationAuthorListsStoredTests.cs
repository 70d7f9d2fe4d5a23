using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// On PostgreSQL each paper's authors are kept written in "PublicationAuthorLists" by triggers
/// (migration PublicationAuthorListsStored), and lists of papers (a profile's selected papers, its
/// publication list, its CV) read them from there.
/// What is stored must always be what the tables hold, as <see cref="PaperDetails"/> reads them:
/// after the authors change, and after a linked profile's address or visibility does.
/// </summary>
public sealed class PublicationAuthorListsStoredTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [PostgresOnlyFact("the author lists PostgreSQL keeps written")]
    public async Task The_stored_authors_are_those_read_from_the_tables_after_every_kind_of_change()
    {
        var coauthor = await new ResearcherBuilder("Stored Coauthor").SaveAsync(factory);
        var profile = await new ResearcherBuilder("Stored Author")
            .WithPublication("Shared paper", p => p.Owner().Author(coauthor).Author(AwkwardText.ForJson, equal: true), highlighted: true)
            .WithPublication("Own paper", p => p.Owner(), highlighted: true)
            .SaveAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var papers = await db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id).Select(pp => pp.PublicationId).OrderBy(id => id).ToArrayAsync();
        var shared = papers[0];
        await AssertStoredAsExpectedAsync(db, papers);
        Assert.Equal(["Stored Author", "Stored Coauthor", AwkwardText.ForJson], (await StoredAsync(db, shared)).Select(a => a.Name));

        // An author renamed through EF, another added, the order changed in bulk.
        var unlinked = await db.PublicationAuthors.AsTracking().SingleAsync(a => a.PublicationId == shared && a.ResearcherId == null);
        unlinked.Name = "Renamed Author";
        db.PublicationAuthors.Add(new PublicationAuthor { PublicationId = shared, Name = "Added Author", Position = 10 });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await db.PublicationAuthors.Where(a => a.PublicationId == shared).ExecuteUpdateAsync(s => s.SetProperty(a => a.Position, a => 100 - a.Position));
        await AssertStoredAsExpectedAsync(db, papers);
        Assert.Equal(["Added Author", "Renamed Author", "Stored Coauthor", "Stored Author"], (await StoredAsync(db, shared)).Select(a => a.Name));

        // The linked profile's address follows its changes, its hiding and its removal.
        await db.Researchers.Where(r => r.Id == coauthor.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Slug, "stored-coauthor-moved"));
        await AssertStoredAsExpectedAsync(db, papers);
        Assert.Contains(await StoredAsync(db, shared), a => a.Slug == "stored-coauthor-moved");
        await db.Researchers.Where(r => r.Id == coauthor.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsHidden, true));
        await AssertStoredAsExpectedAsync(db, papers);
        Assert.DoesNotContain(await StoredAsync(db, shared), a => a.Slug == "stored-coauthor-moved");
        await db.Researchers.Where(r => r.Id == coauthor.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsHidden, false).SetProperty(r => r.DeletedAt, DateTimeOffset.UtcNow));
        await AssertStoredAsExpectedAsync(db, papers);
        Assert.Single(await StoredAsync(db, shared), a => a.Slug is not null);
        await db.Researchers.Where(r => r.Id == coauthor.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeletedAt, (DateTimeOffset?)null));
        Assert.Contains(await StoredAsync(db, shared), a => a.Slug == "stored-coauthor-moved");
        await db.Researchers.Where(r => r.Id == coauthor.Id).ExecuteDeleteAsync();
        await AssertStoredAsExpectedAsync(db, papers);
        Assert.Single(await StoredAsync(db, shared), a => a.ResearcherId is not null);

        // An author removed; a paper removed takes its list with it.
        await db.PublicationAuthors.Where(a => a.PublicationId == shared && a.Name == "Added Author").ExecuteDeleteAsync();
        await AssertStoredAsExpectedAsync(db, papers);
        await db.Publications.Where(p => p.Id == papers[1]).ExecuteDeleteAsync();
        Assert.Equal(0, await StoredCountAsync(db, papers[1]));
    }

    [PostgresOnlyFact("the author lists PostgreSQL keeps written")]
    public async Task A_paper_without_stored_authors_is_shown_with_its_authors_read_from_the_tables()
    {
        var profile = await new ResearcherBuilder("Stored Missing Author")
            .WithPublication("Paper of its authors", p => p.Owner().Author("Kept In The Table"), highlighted: true)
            .SaveAsync(factory);
        await factory.ChangeDataAsync(db => db.Database.ExecuteSqlAsync(
            $"""DELETE FROM "PublicationAuthorLists" WHERE "PublicationId" IN (SELECT "PublicationId" FROM "ProfilePublications" WHERE "ResearcherId" = {profile.Id})"""));

        var visitor = factory.CreateVisitor();
        foreach (var page in new[] { $"/people/{profile.Slug}", $"/people/{profile.Slug}/publications", $"/people/{profile.Slug}/cv" })
        {
            var html = await visitor.GetStringAsync(page);

            Assert.Contains("Paper of its authors", html, StringComparison.Ordinal);
            Assert.Contains("Kept In The Table", html, StringComparison.Ordinal);
        }
    }

    private static async Task<List<PaperAuthorRow>> StoredAsync(AppDbContext db, int paper)
    {
        var json = await db.Database.SqlQuery<string>($"""SELECT "Authors" AS "Value" FROM "PublicationAuthorLists" WHERE "PublicationId" = {paper}""").SingleAsync();
        return PaperDetails.ReadAuthors(json, []);
    }

    private static Task<int> StoredCountAsync(AppDbContext db, int paper) =>
        db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "PublicationAuthorLists" WHERE "PublicationId" = {paper}""").SingleAsync();

    /// <summary>Each paper's stored authors, serialized, equal to those read from the tables.</summary>
    private static async Task AssertStoredAsExpectedAsync(AppDbContext db, int[] papers)
    {
        foreach (var paper in papers)
        {
            var read = await PaperDetails.ReadAuthorsFromTablesAsync(db, [paper], CancellationToken.None);
            Assert.Equal(JsonSerializer.Serialize(read), JsonSerializer.Serialize(await StoredAsync(db, paper)));
        }
    }
}
