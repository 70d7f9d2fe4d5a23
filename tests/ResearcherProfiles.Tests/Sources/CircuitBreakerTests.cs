using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Sources;

public sealed class CircuitBreakerTests(SourcesAppFactory factory) : IClassFixture<SourcesAppFactory>
{
    [Fact]
    public async Task A_service_that_keeps_failing_is_left_alone_for_a_while()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Orla Quist"));
        for (var i = 0; i < 6; i++)
        {
            await AddByIdentifierTests.LookUpAsync(owner, profile.Slug, FakeSources.BrokenDoi);
        }
        var asked = factory.Fake.Requests.Count;

        var found = await AddByIdentifierTests.LookUpAsync(owner, profile.Slug, FakeSources.JournalDoi);

        Assert.Contains("doi.org failed several times just now, so it is not being asked for a while; try again in a minute.",
            found.QuerySelector(".lookup-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(asked, factory.Fake.Requests.Count);
    }
}
