using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Sources;

/// <summary>
/// Runs the paper sync in the background. Every instance asks on its own schedule, but a round
/// runs only while the instance holds the database lease "paper-sync", so with several instances
/// on one database each due profile is looked at once.
/// </summary>
public sealed partial class PaperSyncService(IServiceScopeFactory scopes, SyncSettings settings, TimeProvider clock, ILogger<PaperSyncService> log) : BackgroundService
{
    public const string LeaseName = "paper-sync";

    /// <summary>Long enough for one profile's slowest look; renewed before each profile.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    /// <summary>Names this instance in the lease, so an administrator can tell which one runs the sync.</summary>
    public string Holder { get; } = $"{Environment.MachineName[..Math.Min(100, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(settings.PollInterval, clock);
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed round (the database briefly unavailable) is tried again at the next tick.
                LogRoundFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: take the lease, look at the due profiles, give the lease back.</summary>
    public async Task<int> RunRoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
        if (!await WorkerLeases.TryTakeAsync(db, LeaseName, Holder, LeaseDuration, clock.GetUtcNow().UtcDateTime, ct))
        {
            return 0;
        }
        try
        {
            var sync = scope.ServiceProvider.GetRequiredService<PaperSync>();
            return await sync.RunDueAsync(token => WorkerLeases.TryTakeAsync(db, LeaseName, Holder, LeaseDuration, clock.GetUtcNow().UtcDateTime, token), ct);
        }
        finally
        {
            await WorkerLeases.ReleaseAsync(db, LeaseName, Holder, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The paper sync's round failed; it is tried again at the next tick.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
