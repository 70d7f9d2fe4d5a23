using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// With <c>ConnectionStrings:Redis</c> set, the cache of public pages lives in Redis, shared by
/// every instance of the site: a page rendered by one is served by all, and an edit through any
/// of them evicts it everywhere. Without it each instance keeps its own cache (PageFiles). Redis is
/// a cache here, never a dependency: when it does not answer, pages are rendered and sent
/// uncached, edits still save, and readiness reports it as degraded, not failed.
/// </summary>
public static class SharedPageCache
{
    public const string ConnectionStringName = "Redis";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>The prefix of every key the site writes, so that several sites can share one Redis.</summary>
    public const string InstanceNameKey = "Redis:InstanceName";
    public const string DefaultInstanceName = "researcher-profiles:";

    /// <summary>The readiness check's name in <c>/healthz/ready</c>.</summary>
    public const string HealthCheckName = "redis";

    /// <summary>Whether the cache of public pages is kept in Redis.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    public static WebApplicationBuilder AddSharedPageCache(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsConfigured(builder.Configuration))
        {
            return builder;
        }
        var configuration = builder.Configuration.GetConnectionString(ConnectionStringName)!;
        var options = RedisOptions(configuration);
        var instanceName = InstanceName(builder.Configuration);
        var evicted = EvictionChannel(instanceName);
        var services = builder.Services;
        services.AddSingleton(_ => new RedisConnection(options));
        services.AddStackExchangeRedisOutputCache(cache => cache.InstanceName = instanceName);
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((cache, redis) => cache.ConnectionMultiplexerFactory = redis.ConnectAsync);
        // The Redis store is internal to its package: take its registration and put it behind the guard.
        var redisStore = services.Last(s => s.ServiceType == typeof(IOutputCacheStore));
        var redisStoreType = redisStore.ImplementationType
            ?? throw new InvalidOperationException("AddStackExchangeRedisOutputCache no longer registers its store by type; SharedPageCache must wrap it another way.");
        services.Remove(redisStore);
        services.AddSingleton<IOutputCacheStore>(provider => new GuardedRedisStore(
            (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, redisStoreType),
            provider.GetRequiredService<RedisConnection>(),
            evicted,
            provider.GetRequiredService<ILogger<GuardedRedisStore>>()));
        services.AddHostedService(provider => new HotPagesOverRedis(
            provider.GetRequiredService<RedisConnection>(),
            provider.GetRequiredService<HotPages>(),
            evicted,
            provider.GetRequiredService<ILogger<HotPagesOverRedis>>()));
        // Degraded, not Unhealthy: an instance without Redis still serves every page, so no proxy should drop it.
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(HealthCheckName, HealthStatus.Degraded, [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>The channel on which an instance of the site says it evicted pages (the tag), so that every instance drops its hot pages.</summary>
    public static RedisChannel EvictionChannel(string instanceName) => RedisChannel.Literal(instanceName + "evicted");

    /// <summary>Redis:InstanceName, the prefix of every key this site writes to Redis.</summary>
    public static string InstanceName(IConfiguration configuration) =>
        configuration[InstanceNameKey] is { } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : DefaultInstanceName;

    /// <summary>
    /// ConnectionStrings:Redis read as a StackExchange.Redis configuration (<c>host:port[,option=value...]</c>),
    /// set never to give up connecting and to fail a command at once while there is no connection.
    /// </summary>
    /// <exception cref="StartupFailureException">The setting is not such a configuration, or names no server.</exception>
    public static ConfigurationOptions RedisOptions(string value)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(value);
        }
        catch (ArgumentException e)
        {
            throw new StartupFailureException($"{ConnectionStringKey} must be a Redis address such as 'redis:6379' or 'redis:6379,password=...'; it cannot be read: {e.Message}", e);
        }
        if (options.EndPoints.Count == 0)
        {
            throw new StartupFailureException($"{ConnectionStringKey} names no Redis server; give one such as 'redis:6379'.");
        }
        // The site starts and serves without Redis, and connects whenever it comes (back).
        options.AbortOnConnectFail = false;
        // While Redis is away, a page lookup fails at once instead of queueing until a timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }
}

/// <summary>The one connection to Redis, shared by the page cache and its health check; opened at start-up.</summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Task<ConnectionMultiplexer> _connecting;

    public RedisConnection(ConfigurationOptions options) => _connecting = ConnectionMultiplexer.ConnectAsync(options);

    /// <summary>The connection once its first attempt has ended, whether or not that attempt reached Redis.</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync() => await _connecting.ConfigureAwait(false);

    public void Dispose()
    {
        if (_connecting.IsCompletedSuccessfully)
        {
            _connecting.Result.Dispose();
        }
    }
}

/// <summary>
/// The Redis page store as the site needs it. On its own, the store throws when Redis does not
/// answer: the output cache would log an error for every page, and an editor's eviction would fail
/// the save. Here a lookup then misses and a write is skipped, so pages are rendered as if
/// uncached; an eviction that did not reach Redis is remembered and done before this instance reads
/// or writes the cache again (and as soon as Redis is back), so no page from before an edit is
/// served once Redis returns. An eviction ends with a round trip on the same connection, so the
/// pages are gone from Redis — for every instance — before the edit's answer is sent; then it is
/// published on the site's eviction channel, for the instances' hot pages.
/// </summary>
internal sealed partial class GuardedRedisStore : IOutputCacheBufferStore, IDisposable
{
    private readonly IOutputCacheStore _store;
    private readonly IOutputCacheBufferStore _buffers;
    private readonly RedisConnection _connection;
    private readonly ILogger _log;
    /// <summary>Tags whose eviction has not reached Redis, with a count of the evictions asked for.</summary>
    private readonly ConcurrentDictionary<string, long> _unevicted = new(StringComparer.Ordinal);
    private readonly RedisChannel _evicted;
    private int _unreachable;
    private int _watching;

    public GuardedRedisStore(IOutputCacheStore store, RedisConnection connection, RedisChannel evicted, ILogger<GuardedRedisStore> log)
    {
        _store = store;
        _buffers = store as IOutputCacheBufferStore ?? throw new InvalidOperationException("The Redis output-cache store no longer writes from buffers.");
        _connection = connection;
        _evicted = evicted;
        _log = log;
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken))
        {
            return null;
        }
        try
        {
            var page = await _store.GetAsync(key, cancellationToken);
            Reached();
            return page;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Unreachable(e);
            return null;
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken))
        {
            return false;
        }
        try
        {
            var found = await _buffers.TryGetAsync(key, destination, cancellationToken);
            Reached();
            return found;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Unreachable(e);
            return false;
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        SetAsync(key, new ReadOnlySequence<byte>(value), tags.AsMemory(), validFor, cancellationToken);

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await _buffers.SetAsync(key, value, tags, validFor, cancellationToken);
            Reached();
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Unreachable(e);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        _unevicted.AddOrUpdate(tag, 1, (_, asked) => asked + 1);
        if (await ConnectedAsync(cancellationToken) is not null)
        {
            await EvictRemembered(cancellationToken);
        }
    }

    /// <summary>Connected, with no eviction left undone: only then may pages be read from or written to Redis.</summary>
    private async ValueTask<bool> ReadyAsync(CancellationToken cancellationToken) =>
        await ConnectedAsync(cancellationToken) is not null && (_unevicted.IsEmpty || await EvictRemembered(cancellationToken));

    private async ValueTask<IConnectionMultiplexer?> ConnectedAsync(CancellationToken cancellationToken)
    {
        var connection = await _connection.ConnectAsync().WaitAsync(cancellationToken);
        if (Interlocked.Exchange(ref _watching, 1) == 0)
        {
            connection.ConnectionRestored += (_, _) => _ = EvictRememberedAfterReconnect();
        }
        if (!connection.IsConnected)
        {
            Unreachable(null);
            return null;
        }
        return connection;
    }

    private async Task EvictRememberedAfterReconnect()
    {
        try
        {
            await EvictRemembered(CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing waits for this attempt; the next request makes another.
            LogEvictionFailed(_log, e);
        }
    }

    /// <summary>Evicts every remembered tag; false if Redis did not take them all.</summary>
    private async ValueTask<bool> EvictRemembered(CancellationToken cancellationToken)
    {
        foreach (var (tag, asked) in _unevicted)
        {
            try
            {
                await _store.EvictByTagAsync(tag, cancellationToken);
                var connection = await _connection.ConnectAsync();
                // The store deletes without waiting for replies; a reply on the same connection means they are done.
                await connection.GetDatabase().PingAsync();
                await connection.GetSubscriber().PublishAsync(_evicted, tag);
            }
            catch (Exception e) when (IsRedisFailure(e))
            {
                Unreachable(e);
                return false;
            }
            // Only if no eviction was asked for meanwhile: that one must scan again for pages stored since.
            _unevicted.TryRemove(KeyValuePair.Create(tag, asked));
        }
        Reached();
        return true;
    }

    private static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException;

    private void Unreachable(Exception? failure)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) == 0)
        {
            LogUnreachable(_log, failure);
        }
    }

    private void Reached()
    {
        if (Volatile.Read(ref _unreachable) == 1 && Interlocked.Exchange(ref _unreachable, 0) == 1)
        {
            LogReachable(_log);
        }
    }

    public void Dispose() => (_store as IDisposable)?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis does not answer: public pages are served uncached until it does, and pages evicted meanwhile are evicted then.")]
    private static partial void LogUnreachable(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again: public pages are cached in it again.")]
    private static partial void LogReachable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evicting public pages from Redis after it came back failed; the next request tries again.")]
    private static partial void LogEvictionFailed(ILogger logger, Exception exception);
}

/// <summary>One PING through the connection the page cache uses.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var connection = await redis.ConnectAsync().WaitAsync(cancellationToken);
            var latency = await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer; pages are served uncached.", e);
        }
    }
}
