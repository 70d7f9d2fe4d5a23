using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>
/// Two app instances on one database, both running the background sync often: each due profile
/// is looked at once, by whichever instance holds the lease.
/// </summary>
public sealed class SyncAcrossInstancesTests
{
    /// <summary>One app instance over the shared data folder, with the sync on and asking every 100 ms.</summary>
    private sealed class Instance(string data, FakeSources fake) : ProfilesAppFactory(data)
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
        {
            ["Sources:Orcid:BaseUrl"] = fake.BaseUrl,
            ["Sources:OpenAlex:BaseUrl"] = fake.BaseUrl,
            ["Sources:Dblp:BaseUrl"] = fake.BaseUrl,
            ["Sources:TimeoutSeconds"] = "5",
            ["Sources:Sync:Enabled"] = "true",
            ["Sources:Sync:PollSeconds"] = "0.1",
        };
    }

    [Fact]
    public async Task Each_connected_profile_is_looked_at_once_by_one_of_the_instances()
    {
        await using var fake = FakeSources.Start();
        var data = Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N"));
        await using var first = new Instance(data, fake);
        first.CreateVisitor().Dispose();
        await using var second = new Instance(data, fake);
        second.CreateVisitor().Dispose();

        var ids = new List<(int Researcher, string Orcid)>();
        for (var i = 0; i < 8; i++)
        {
            var orcid = FakeSources.GeneratedOrcidId(3, 7000 + i);
            var profile = await new ResearcherBuilder($"Twin Instance {i}").With(r => r.OrcidId = orcid).SaveAsync(first);
            ids.Add((profile.Id, orcid));
        }

        // The sync creates the missing records of connected profiles, all due now.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await second.ReadAsync(db => db.SourceSyncStates.CountAsync(s => s.LastRunAt != null)) < ids.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The profiles were not all looked at within a minute.");
            await Task.Delay(100);
        }
        // Long enough for a second look to have happened if the lease let one through.
        await Task.Delay(1000);

        foreach (var (researcher, orcid) in ids)
        {
            Assert.Single(fake.Requests, r => r.Path == $"/v3.0/{orcid}/works");
            var found = await first.ReadAsync(db => db.FoundWorks.Where(w => w.ResearcherId == researcher).ToListAsync());
            Assert.Equal(3, found.Count);
            Assert.All(found, w => Assert.Equal(FoundWorkStatus.Pending, w.Status));
        }
        var states = await first.ReadAsync(db => db.SourceSyncStates.ToListAsync());
        Assert.All(states, s => Assert.True(s.DueAt > DateTime.UtcNow.AddHours(23)));
        Assert.All(states, s => Assert.Null(s.LastProblem));
    }
}
