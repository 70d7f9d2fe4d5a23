namespace ResearcherProfiles.Web.Sources;

/// <summary>How often the site looks for new papers at the sources a profile is connected to.</summary>
/// <param name="Enabled">Whether this instance takes part in the background sync at all.</param>
/// <param name="Interval">How long after a profile's last look it is looked at again (daily by default).</param>
/// <param name="PollInterval">How often an instance asks whether any profile is due.</param>
/// <param name="ProfilesPerRound">The most profiles one round looks at before the lease is offered to others.</param>
public sealed record SyncSettings(bool Enabled, TimeSpan Interval, TimeSpan PollInterval, int ProfilesPerRound)
{
    public static SyncSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new SyncSettings(
            !string.Equals(configuration["Sources:Sync:Enabled"], "false", StringComparison.OrdinalIgnoreCase),
            TimeSpan.FromMinutes(SourceSettings.Number(configuration, "Sources:Sync:IntervalMinutes", 24 * 60, 1, 60 * 24 * 30)),
            TimeSpan.FromSeconds(SourceSettings.Number(configuration, "Sources:Sync:PollSeconds", 60, 0.05, 3600)),
            (int)SourceSettings.Number(configuration, "Sources:Sync:ProfilesPerRound", 200, 1, 100_000));
    }
}
