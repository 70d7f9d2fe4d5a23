using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// Once the app has started, renders again the stored HTML of texts rendered by another build or
/// under other settings (<see cref="StoredMarkdown.RefreshAsync"/>). Until a row is done its page
/// renders the text itself, so nothing waits for this; it runs after start-up so that the first
/// pages do not wait for it either. Several instances starting together each look, and a row one
/// has done is not done again by the next.
/// </summary>
public sealed partial class StoredHtmlRefresh(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<StoredHtmlRefresh> log) : BackgroundService
{
    /// <summary>Set to false to leave stale stored HTML alone (it is then rendered on every read).</summary>
    public const string EnabledKey = "StoredHtml:RefreshAtStart";

    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Continued on the thread pool, not inside the host's start-up callbacks: SQLite's "async"
        // calls complete synchronously, so the whole refresh would run before the start finished.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await StoredMarkdown.RefreshAsync(db, BatchSize, stoppingToken) is > 0 and var refreshed)
            {
                LogRefreshed(log, refreshed);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The pages are right without it: they render what is not stored as the site renders now.
            LogFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendered the stored HTML of {Count} texts again for this build and its settings.")]
    private static partial void LogRefreshed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored HTML could not be brought up to date; the texts it misses are rendered on each read.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
