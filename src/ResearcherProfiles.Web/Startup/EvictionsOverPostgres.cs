using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Several instances on one PostgreSQL database without Redis: each caches pages in its own files,
/// and the database carries every eviction to the others. An instance that evicts pages says which
/// (the tags) with NOTIFY on the site's channel; every instance LISTENs on it and evicts the same
/// pages from its own files and hot pages. A page edited through one instance is then rendered
/// afresh by every instance a few milliseconds later, as with the cache in Redis.
/// </summary>
/// <remarks>
/// <para>
/// The notices are sent from a queue, not within the eviction: one edit evicts up to a couple of
/// hundred tags (<see cref="PublicPageTags.MostProfilesEvictedOneByOne"/>), which leave together in
/// one statement or a few instead of one round trip each. The edit's answer waits until they have
/// left (<see cref="SayBeforeAnswering"/>), so that an instance stopped right after answering has
/// still told the others.
/// </para>
/// <para>
/// While its listening connection is down an instance may miss notices, so it keeps no hot pages
/// then, and on connecting again it drops every page it cached: pages cached before are kept and
/// served meanwhile, so that a database that stops answering does not take the cached pages with
/// it. A connection cut without a word (a network gone) is found by TCP keepalive within about half
/// a minute.
/// </para>
/// </remarks>
internal sealed partial class EvictionsOverPostgres : BackgroundService
{
    /// <summary>The channel: LISTEN and NOTIFY are per database, so each site has its own.</summary>
    public const string Channel = "researcher_profiles_page_evictions";

    /// <summary>What every notice is sent as; the tests of round trips leave it out, being no page's.</summary>
    public const string NoticeStatement = "SELECT pg_notify($1, $2)";

    public const string ListenStatement = "LISTEN " + Channel;

    /// <summary>The application_name of the connection each instance listens on.</summary>
    public const string ListeningApplicationName = "ResearcherProfiles evictions, listening";

    /// <summary>The application_name of the connection each instance sends its notices on.</summary>
    public const string SendingApplicationName = "ResearcherProfiles evictions, sending";

    // NOTIFY takes up to 8,000 bytes of payload; tags are a few dozen bytes each.
    private const int MostPayloadBytes = 7000;

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private const int SendAttempts = 3;

    /// <summary>The longest an answer waits for its notices: past it the answer goes, and the notices are still tried.</summary>
    public static readonly TimeSpan MostWaitBeforeAnswering = TimeSpan.FromSeconds(2);

    public const string HealthCheckName = "evictions";

    private readonly IOutputCacheStore _local;
    private readonly HotPages _hot;
    private readonly ILogger<EvictionsOverPostgres> _log;
    private readonly string _listeningConnection;
    private readonly string _sendingConnection;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Channel<string> _unsent = System.Threading.Channels.Channel.CreateUnbounded<string>(new() { SingleReader = true });
    private NpgsqlConnection? _listening;

    // Tags queued and tags said (sent, or given up on) since the start; an answer waits for the
    // second to reach what the first was when it was about to leave.
    private long _queued;
    private long _said;
    private TaskCompletionSource _saidMore = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The notices' own connection, kept open: taking one from the pool would open a new one
    // whenever the pages being served hold them all.
    private NpgsqlConnection? _sending;

    public EvictionsOverPostgres(IOutputCacheStore local, HotPages hot, IDbContextFactory<AppDbContext> contexts, ILogger<EvictionsOverPostgres> log)
    {
        _local = local;
        _hot = hot;
        _log = log;
        using var db = contexts.CreateDbContext();
        // Connections of their own, outside the pool: one stays LISTENing for the instance's lifetime.
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
        {
            Pooling = false,
            TcpKeepAlive = true,
            TcpKeepAliveTime = 10,
            TcpKeepAliveInterval = 2,
        };
        // Named, so that pg_stat_activity tells them from the pages' connections.
        connection.ApplicationName = ListeningApplicationName;
        _listeningConnection = connection.ConnectionString;
        connection.ApplicationName = SendingApplicationName;
        _sendingConnection = connection.ConnectionString;
        Store = new NoticeStore(this);
    }

    /// <summary>The instance's own store, saying each eviction to the other instances.</summary>
    public IOutputCacheStore Store { get; }

    /// <summary>Whether the instance hears the other instances' evictions now.</summary>
    public bool Listening { get; private set; }

    /// <summary>Tags evicted here that the other instances have not been told of yet.</summary>
    public long Unsaid => Interlocked.Read(ref _queued) - Interlocked.Read(ref _said);

    /// <summary>Puts this in front of the store registered last, which stays the instance's own.</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton(provider => new EvictionsOverPostgres(
            (IOutputCacheStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
            provider.GetRequiredService<HotPages>(),
            provider.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            provider.GetRequiredService<ILogger<EvictionsOverPostgres>>()));
        services.AddHostedService(provider => provider.GetRequiredService<EvictionsOverPostgres>());
        services.AddSingleton(provider => provider.GetRequiredService<EvictionsOverPostgres>().Store);
        services.AddHealthChecks().AddCheck<ListeningCheck>(HealthCheckName, HealthStatus.Degraded, [HealthEndpoints.ReadyTag]);
    }

    /// <summary>
    /// Middleware: an answer to anything but a read leaves once the evictions it made have been
    /// said to the other instances (at most <see cref="MostWaitBeforeAnswering"/> later).
    /// </summary>
    public Task SayBeforeAnswering(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.OnStarting(() => SaidAsync(context.RequestAborted));
        }
        return next(context);
    }

    /// <summary>Waits until every tag queued so far has been said, or <see cref="MostWaitBeforeAnswering"/> has passed.</summary>
    public async Task SaidAsync(CancellationToken ct)
    {
        var queued = Interlocked.Read(ref _queued);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            // Taken before the count is read, so that a batch said in between still wakes this.
            var saidMore = Volatile.Read(ref _saidMore).Task;
            var left = MostWaitBeforeAnswering - clock.Elapsed;
            if (Interlocked.Read(ref _said) >= queued || left <= TimeSpan.Zero)
            {
                return;
            }
            try
            {
                await saidMore.WaitAsync(left, ct);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Listens before the site serves its first page, so that nothing cached at start can miss a
    /// notice; a database that does not answer now is tried again in the background.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _listening = await ListenAsync(cancellationToken);
            _hot.Enabled = Listening = true;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            LogNotListening(_log, e);
        }
        try
        {
            _sending = await OpenAsync(_sendingConnection, cancellationToken);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            // Opened when the first notice is sent.
        }
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(HearAsync(stoppingToken), SendAsync(stoppingToken));

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(_listeningConnection, ct);
        try
        {
            await using var listen = new NpgsqlCommand(ListenStatement, connection);
            await listen.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task HearAsync(CancellationToken stoppingToken)
    {
        var lost = _listening is null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_listening is null)
                {
                    _listening = await ListenAsync(stoppingToken);
                    // Evictions may have been missed while nobody listened.
                    await EvictHereAsync(PublicPageTags.All);
                    _hot.Enabled = Listening = true;
                    if (lost)
                    {
                        LogListeningAgain(_log);
                        lost = false;
                    }
                }
                var heard = new List<string>();
                _listening.Notification += (_, notice) => heard.Add(notice.Payload);
                while (true)
                {
                    await _listening.WaitAsync(stoppingToken);
                    foreach (var payload in heard)
                    {
                        await EvictHeardAsync(payload);
                    }
                    heard.Clear();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                _hot.Enabled = Listening = false;
                if (!lost)
                {
                    LogNotListening(_log, e);
                    lost = true;
                }
                await DropListeningAsync();
                try
                {
                    await Task.Delay(RetryAfter, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        await DropListeningAsync();
    }

    private async Task DropListeningAsync()
    {
        if (_listening is { } connection)
        {
            _listening = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>A notice: the instance that sent it, then the tags it evicted, one a line.</summary>
    private async Task EvictHeardAsync(string payload)
    {
        var lines = payload.Split('\n');
        if (lines[0] == _instance)
        {
            return;
        }
        foreach (var tag in lines.Skip(1).Where(t => t.Length > 0))
        {
            await EvictHereAsync(tag);
        }
    }

    private async Task EvictHereAsync(string tag)
    {
        _hot.Clear();
        await _local.EvictByTagAsync(tag, CancellationToken.None);
        // Again: a page read from the store while it was evicting may have been kept meanwhile.
        _hot.Clear();
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _unsent.Reader.WaitToReadAsync(stoppingToken))
            {
                await SendQueuedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was evicted before is still said, if the database answers soon.
            using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await SendQueuedAsync(last.Token);
            }
            catch (OperationCanceledException)
            {
                // The instance stops either way; the others keep those pages until they expire.
            }
        }
        await DropSendingAsync();
    }

    /// <summary>Sends every tag queued now, as few notices as fit them.</summary>
    private async Task SendQueuedAsync(CancellationToken ct)
    {
        var payloads = new List<string>();
        var payload = new StringBuilder(_instance);
        var tags = 0;
        while (_unsent.Reader.TryRead(out var tag))
        {
            tags++;
            if (payload.Length + 1 + tag.Length > MostPayloadBytes)
            {
                payloads.Add(payload.ToString());
                payload.Clear().Append(_instance);
            }
            payload.Append('\n').Append(tag);
        }
        if (payload.Length > _instance.Length)
        {
            payloads.Add(payload.ToString());
        }
        foreach (var notice in payloads)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    _sending ??= await OpenAsync(_sendingConnection, ct);
                    await using var command = new NpgsqlCommand(NoticeStatement, _sending)
                    {
                        Parameters = { new() { Value = Channel }, new() { Value = notice } },
                    };
                    await command.ExecuteNonQueryAsync(ct);
                    break;
                }
                catch (Exception e) when (IsConnectionFailure(e))
                {
                    await DropSendingAsync();
                    if (attempt >= SendAttempts)
                    {
                        LogNotSent(_log, e);
                        break;
                    }
                    await Task.Delay(RetryAfter, ct);
                }
            }
        }
        Interlocked.Add(ref _said, tags);
        Interlocked.Exchange(ref _saidMore, new(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult();
    }

    private async Task DropSendingAsync()
    {
        if (_sending is { } connection)
        {
            _sending = null;
            await connection.DisposeAsync();
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is NpgsqlException or IOException or TimeoutException or InvalidOperationException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening to the other instances' evictions in PostgreSQL: no page is kept in memory until this instance listens again, and then every cached page is dropped.")]
    private static partial void LogNotListening(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening to the other instances' evictions again; every cached page was dropped, since some evictions may have been missed.")]
    private static partial void LogListeningAgain(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The other instances could not be told of an eviction: they serve the pages they cached until those expire.")]
    private static partial void LogNotSent(ILogger logger, Exception exception);

    /// <summary>The instance's store: it evicts here, and queues the tag for the other instances.</summary>
    private sealed class NoticeStore(EvictionsOverPostgres evictions) : IOutputCacheStore
    {
        public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            await evictions._local.EvictByTagAsync(tag, cancellationToken);
            Interlocked.Increment(ref evictions._queued);
            evictions._unsent.Writer.TryWrite(tag);
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => evictions._local.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            evictions._local.SetAsync(key, value, tags, validFor, cancellationToken);
    }

    private sealed class ListeningCheck(EvictionsOverPostgres evictions) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(context);
            return Task.FromResult(evictions.Listening
                ? HealthCheckResult.Healthy("Listening to the other instances' evictions.")
                : new HealthCheckResult(context.Registration.FailureStatus,
                    "Not listening to the other instances' evictions: pages cached here may miss an edit made through another instance until it listens again and drops them."));
        }
    }
}
