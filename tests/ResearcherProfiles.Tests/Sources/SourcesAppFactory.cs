using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>The app with doi.org, arXiv, ORCID, DBLP and OpenAlex pointed at a <see cref="FakeSources"/>, and short timeouts and back-off.</summary>
public sealed class SourcesAppFactory : ProfilesAppFactory
{
    public FakeSources Fake { get; } = FakeSources.Start();

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Sources:Doi:BaseUrl"] = Fake.BaseUrl,
        ["Sources:Arxiv:BaseUrl"] = Fake.BaseUrl,
        ["Sources:Orcid:BaseUrl"] = Fake.BaseUrl,
        ["Sources:Dblp:BaseUrl"] = Fake.BaseUrl,
        ["Sources:OpenAlex:BaseUrl"] = Fake.BaseUrl,
        ["Sources:TimeoutSeconds"] = "1",
        ["Sources:Retries"] = "1",
        ["Sources:RetryDelayMilliseconds"] = "50",
        ["Sources:MaxRetryAfterSeconds"] = "2",
        ["Sources:ContactEmail"] = "webmaster@example.org",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
