using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearcherProfiles.Core.Data;
using StackExchange.Redis;

namespace ResearcherProfiles.Web.Startup;

/// <summary>Where <see cref="SharedFixedWindowLimiter"/> counts a window that every instance of the site sees.</summary>
public interface IWindowCounter
{
    /// <summary>The store, as a log line names it.</summary>
    string Name { get; }

    /// <summary>
    /// Adds <paramref name="permits"/> to the count of <paramref name="key"/>'s window, opening a
    /// window of <paramref name="window"/> when none is open; the count after it and the time left.
    /// </summary>
    ValueTask<(long Count, TimeSpan Remaining)> AddAsync(string key, int permits, TimeSpan window, CancellationToken ct);

    /// <summary>Whether <paramref name="failure"/> says the store did not answer (the limiter then counts on its own).</summary>
    bool IsUnavailable(Exception failure);
}

/// <summary>Windows in Redis, counted and given their expiry by one script.</summary>
public sealed class RedisWindowCounter(RedisConnection redis) : IWindowCounter
{
    private const string CountScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[1])
        if count == tonumber(ARGV[1]) then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    public string Name => "Redis";

    public async ValueTask<(long Count, TimeSpan Remaining)> AddAsync(string key, int permits, TimeSpan window, CancellationToken ct)
    {
        var database = (await redis.ConnectAsync()).GetDatabase();
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(
            CountScript, [new RedisKey(key)], [permits, (long)window.TotalMilliseconds]))!;
        return ((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
    }

    public bool IsUnavailable(Exception failure) => failure is RedisException or TimeoutException;
}

/// <summary>
/// Windows in the PostgreSQL database, for several instances without Redis: one row per client in
/// an unlogged table (migration RateLimitWindows; a crash may forget the open windows, which
/// costs nothing but a fresh count), counted and reopened by one statement. Rows of windows long
/// over are deleted now and then, so that many clients leave no lasting trace.
/// </summary>
public sealed class PostgresWindowCounter(IDbContextFactory<AppDbContext> contexts, TimeProvider time) : IWindowCounter
{
    private const string CountStatement = """
        INSERT INTO rate_limit_windows AS w (key, count, ends_at)
        VALUES (@key, @permits, clock_timestamp() + @window)
        ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN w.ends_at <= clock_timestamp() THEN excluded.count ELSE w.count + excluded.count END,
            ends_at = CASE WHEN w.ends_at <= clock_timestamp() THEN excluded.ends_at ELSE w.ends_at END
        RETURNING count, ends_at - clock_timestamp()
        """;

    private const string PruneStatement = "DELETE FROM rate_limit_windows WHERE ends_at < clock_timestamp()";

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    private long _prunedAt = time.GetTimestamp();

    public string Name => "PostgreSQL";

    public async ValueTask<(long Count, TimeSpan Remaining)> AddAsync(string key, int permits, TimeSpan window, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var prunedAt = Interlocked.Read(ref _prunedAt);
            if (time.GetElapsedTime(prunedAt) > PruneEvery && Interlocked.CompareExchange(ref _prunedAt, time.GetTimestamp(), prunedAt) == prunedAt)
            {
                await using var prune = new NpgsqlCommand(PruneStatement, connection);
                await prune.ExecuteNonQueryAsync(ct);
            }
            await using var count = new NpgsqlCommand(CountStatement, connection);
            count.Parameters.AddWithValue("key", key);
            count.Parameters.AddWithValue("permits", (long)permits);
            count.Parameters.AddWithValue("window", window);
            await using var reader = await count.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return (reader.GetInt64(0), reader.GetTimeSpan(1));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public bool IsUnavailable(Exception failure) => failure is NpgsqlException or TimeoutException;
}
