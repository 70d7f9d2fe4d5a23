using System.Threading.RateLimiting;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// A fixed window per client counted where every instance of the site sees it (<see cref="IWindowCounter"/>:
/// Redis, or the PostgreSQL database), so that with several instances the limit is the site's, not
/// each instance's: a client spreading its attempts over N instances gets the permits once, not N
/// times. The count and the window's end are set in one step, so a window always ends even if the
/// instance that opened it dies. When the store does not answer, this instance counts on its own
/// meanwhile (and logs it), as it would alone: an outage neither locks everybody out of signing in
/// nor lifts the limit.
/// </summary>
public sealed partial class SharedFixedWindowLimiter(
    IWindowCounter counter, string key, int permitLimit, TimeSpan window, ILogger log) : RateLimiter
{
    private readonly FixedWindowRateLimiter local = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = permitLimit,
        Window = window,
        QueueLimit = 0,
    });

    private long lastUsedTicks = Environment.TickCount64;

    /// <summary>The state is in the shared store: this object may be dropped as soon as nobody is using it.</summary>
    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>Never decided without asking the shared store: the middleware then asks <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref lastUsedTicks, Environment.TickCount64);
        if (permitCount == 0)
        {
            return Lease.Granted;
        }
        try
        {
            var (count, remaining) = await counter.AddAsync(key, permitCount, window, cancellationToken);
            return count <= permitLimit ? Lease.Granted : new Lease(false, remaining > TimeSpan.Zero ? remaining : window);
        }
        catch (Exception e) when (counter.IsUnavailable(e))
        {
            LogUnavailable(log, counter.Name, e);
            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            local.Dispose();
        }
        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await local.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared rate limit could not be read from {Store}; this instance counts on its own meanwhile.")]
    private static partial void LogUnavailable(ILogger logger, string store, Exception exception);

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Undecided = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
