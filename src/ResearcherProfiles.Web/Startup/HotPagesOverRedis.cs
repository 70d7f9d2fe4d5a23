using StackExchange.Redis;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// With the pages in Redis, this instance's hot pages follow every instance's edits: an instance
/// that evicts pages from Redis says so on the site's eviction channel (GuardedRedisStore), and
/// this empties the hot pages at each message. Hot pages are kept only while the channel is heard:
/// while the subscription has no connection a message could be missed, so none are kept then, and
/// they come back once Redis has the subscription again.
/// </summary>
internal sealed partial class HotPagesOverRedis(RedisConnection redis, HotPages hot, RedisChannel channel, ILogger<HotPagesOverRedis> log) : BackgroundService
{
    /// <summary>How often the subscription is looked at: a lost connection is also reported by an event at once.</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connection = await redis.ConnectAsync().WaitAsync(stoppingToken);
        connection.ConnectionFailed += (_, failure) =>
        {
            if (failure.ConnectionType == ConnectionType.Subscription)
            {
                hot.Enabled = false;
            }
        };
        var subscriber = connection.GetSubscriber();
        Action<RedisChannel, RedisValue> evicted = (_, _) => hot.Clear();
        var subscribed = false;
        var asked = false;
        using var timer = new PeriodicTimer(CheckEvery);
        do
        {
            // Redis keeps a subscription across reconnections. Asked for while Redis is away, it may be
            // kept and made when Redis comes, or fail: it is asked for again only once connected.
            if (!subscribed && (!asked || connection.IsConnected))
            {
                asked = true;
                try
                {
                    await subscriber.SubscribeAsync(channel, evicted);
                    subscribed = true;
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    LogNotSubscribed(log, e);
                }
            }
            // Whether the subscription's connection is up: it says nothing of a channel never subscribed to.
            hot.Enabled = subscribed && subscriber.IsConnected(channel);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Not subscribed to the site's evictions in Redis yet: pages are not kept in memory until it is.")]
    private static partial void LogNotSubscribed(ILogger logger, Exception exception);
}
