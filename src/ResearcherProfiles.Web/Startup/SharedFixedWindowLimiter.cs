using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// A fixed window per client counted in Redis, so that with several instances the limit is the
/// site's, not each instance's: a client spreading its attempts over N instances gets the permits
/// once, not N times. The count and its expiry are set by one script, so a window always ends even
/// if the instance that opened it dies. When Redis does not answer, this instance counts on its
/// own meanwhile (and logs it), as it would without Redis: an outage neither locks everybody out of
/// signing in nor lifts the limit.
/// </summary>
public sealed partial class SharedFixedWindowLimiter(
    RedisConnection redis, string key, int permitLimit, TimeSpan window, ILogger log) : RateLimiter
{
    private const string CountScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[1])
        if count == tonumber(ARGV[1]) then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    private readonly FixedWindowRateLimiter local = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = permitLimit,
        Window = window,
        QueueLimit = 0,
    });

    private long lastUsedTicks = Environment.TickCount64;

    /// <summary>The state is in Redis: this object may be dropped as soon as nobody is using it.</summary>
    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>Never decided without asking Redis: the middleware then asks <see cref="AcquireAsyncCore"/>.</summary>
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
            var database = (await redis.ConnectAsync()).GetDatabase();
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(
                CountScript, [new RedisKey(key)], [permitCount, (long)window.TotalMilliseconds]))!;
            var count = (long)result[0];
            if (count <= permitLimit)
            {
                return Lease.Granted;
            }
            var remaining = (long)result[1];
            return new Lease(false, remaining > 0 ? TimeSpan.FromMilliseconds(remaining) : window);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(log, e);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared rate limit could not be read from Redis; this instance counts on its own meanwhile.")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);

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
