using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Demo;

namespace ResearcherProfiles.Tests.Demo;

public class DemoBulkTests
{
    [Fact]
    public async Task Bulk_seed_creates_researchers_with_about_fifty_publications_each()
    {
        await using var file = await MigratedSqliteFile.CreateAsync();
        var reported = new List<int>();

        await using (var db = file.NewContext())
        {
            Assert.Equal(250, await DemoData.SeedBulkAsync(db, 250, reported.Add));
            Assert.True(db.ChangeTracker.AutoDetectChangesEnabled, "The context's change detection setting should be restored.");
            Assert.Empty(db.ChangeTracker.Entries());
        }

        Assert.Equal([DemoData.BulkBatchSize, 250], reported);
        await using var check = file.NewContext();
        var perProfile = await check.Researchers.Select(r => r.Publications.Count).ToListAsync();
        Assert.Equal(250, perProfile.Count);
        Assert.All(perProfile, count => Assert.InRange(count, 45, 55));

        var publications = await check.Publications
            .Select(p => new
            {
                Authors = p.Authors.Count,
                Profiles = p.Profiles.Select(pp => pp.ResearcherId).ToList(),
                OnSiteAuthors = p.Authors.Where(a => a.ResearcherId != null).Select(a => a.ResearcherId!.Value).ToList(),
            })
            .ToListAsync();
        Assert.All(publications, p => Assert.InRange(p.Authors, 3, 6));
        Assert.All(publications, p => Assert.Equal(p.OnSiteAuthors.Order(), p.Profiles.Order()));
        Assert.True(publications.Count(p => p.Profiles.Count >= 2) > publications.Count / 10, "Many bulk papers should be shared between profiles.");
        Assert.True(await check.News.CountAsync() >= 500);
        Assert.True(await check.Education.CountAsync() >= 250);
        Assert.True(await check.Positions.CountAsync() >= 250);
    }

    [Fact]
    public async Task Bulk_seed_can_run_twice_on_top_of_the_demo_site_without_slug_collisions()
    {
        await using var file = await MigratedSqliteFile.CreateAsync();
        await using (var db = file.NewContext())
        {
            await DemoData.SeedSiteAsync(db);
            Assert.Equal(40, await DemoData.SeedBulkAsync(db, 40));
        }
        await using (var db = file.NewContext())
        {
            Assert.Equal(40, await DemoData.SeedBulkAsync(db, 40));
        }

        await using var check = file.NewContext();
        var slugs = await check.Researchers.Select(r => r.Slug).ToListAsync();
        Assert.Equal(92, slugs.Count);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.All(slugs, slug => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug));
        Assert.Equal(12, await check.Researchers.CountAsync(r => DemoSlugs.All.Contains(r.Slug)));
    }
}
