using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Search;
using ResearcherProfiles.Demo;

namespace ResearcherProfiles.Web.Startup;

public static class ProfileDataExtensions
{
    /// <summary>
    /// Registers the database chosen by Database:Provider: SQLite (the default) over
    /// ConnectionStrings:Default, or a file in the data folder (DataDirectory, default "data"
    /// under the content root) when none is given; or PostgreSQL, which needs ConnectionStrings:Default.
    /// </summary>
    public static WebApplicationBuilder AddProfileData(this WebApplicationBuilder builder)
    {
        var dataDirectory = DataDirectory(builder.Configuration, builder.Environment);
        EnsureWritableFolder(dataDirectory);
        var provider = DatabaseProviders.Configured(builder.Configuration);
        string connectionString;
        try
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? SqliteConnectionString(builder.Configuration.GetConnectionString("Default") ?? $"Data Source={Path.Combine(dataDirectory, "profiles.db")}")
                : PostgresConnectionString(builder.Configuration.GetConnectionString("Default")
                    ?? throw new StartupFailureException("Database:Provider is Postgres but ConnectionStrings:Default is not set: give the PostgreSQL connection string."));
        }
        catch (ArgumentException e)
        {
            // The builders name the keyword or value they could not read: a password, being any text, never is.
            throw new StartupFailureException($"ConnectionStrings:Default is not a {provider} connection string: {e.Message}", e);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // SQLite connections stay open between requests with the statements they prepared.
            builder.Services.AddSingleton(_ => new SqliteConnectionKeeper(connectionString));
            SqliteProcessSettings.Apply();
        }
        // Contexts are pooled: a request takes one whose options and EF services are already built,
        // and on SQLite its kept connection with it. EF resets what it knows of a context when it goes
        // back; the history scope the editor sets on it is the app's own, so each request starts
        // without one.
        builder.Services.AddPooledDbContextFactory<AppDbContext>((services, options) =>
        {
            options.UseProvider(provider, connectionString).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            // EF's check that no context is used by two operations at once costs every query an
            // async-local switch (a few percent of an uncached page's allocations). It guards
            // against a programming error, which the tests and development keep catching.
            options.EnableThreadSafetyChecks(!builder.Environment.IsProduction());
            if (services.GetService<SqliteConnectionKeeper>() is { } keeper)
            {
                options.AddInterceptors(keeper);
            }
        }, PooledContexts);
        builder.Services.AddScoped(services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            db.History = null;
            return db;
        });
        // One search per provider, over the indexes its migrations create and its triggers maintain.
        if (provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddScoped<ISiteSearch, PostgresSiteSearch>();
        }
        else
        {
            builder.Services.AddScoped<ISiteSearch, SqliteSiteSearch>();
        }
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [HealthEndpoints.ReadyTag]);
        if (builder.Configuration.GetValue(StoredHtmlRefresh.EnabledKey, defaultValue: true))
        {
            builder.Services.AddHostedService<StoredHtmlRefresh>();
        }
        return builder;
    }

    /// <summary>Contexts kept for reuse; more are created when needed and disposed after.</summary>
    public const int PooledContexts = SqliteConnectionKeeper.MaxIdle;

    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["DataDirectory"] ?? "data", environment.ContentRootPath);

    /// <summary>SQLite as the app opens it: foreign keys enforced, 30 seconds of patience with a busy file, its folder checked writable.</summary>
    internal static string SqliteConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        var file = builder.DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            EnsureWritableFolder(folder);
        }
        return builder.ToString();
    }

    /// <summary>The statements each pooled PostgreSQL connection keeps prepared, unless the connection string says otherwise.</summary>
    internal const int PostgresAutoPrepared = 100;

    /// <summary>
    /// PostgreSQL as the app opens it: the statements a connection runs again and again are
    /// prepared on the server once (Npgsql's automatic preparation), so that a page's queries are
    /// neither parsed nor planned anew on every visit; about a fifth more uncached profile pages a
    /// second on the 10k site. And a connection goes back to the pool without Npgsql's reset
    /// (RESET ALL, CLOSE ALL, UNLISTEN and four more statements sent with the next use of it,
    /// about a tenth of the server's time for a page): the site keeps no state in a session; a
    /// setting it needs for a while is made for a transaction (SET LOCAL), and a transaction left
    /// open is rolled back on the way into the pool all the same. A value of either in the
    /// connection string is kept.
    /// </summary>
    internal static string PostgresConnectionString(string connectionString)
    {
        // Npgsql's builder answers every keyword it knows as present, so the keys as written are read.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        bool Written(string key) =>
            written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(key, StringComparison.OrdinalIgnoreCase));
        if (!Written("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = PostgresAutoPrepared;
        }
        if (!Written("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// Creates <paramref name="folder"/> when missing and proves it writable by writing a file,
    /// so that a read-only or full volume stops start-up with one sentence naming the folder
    /// rather than with a stack trace from the first save.
    /// </summary>
    public static void EnsureWritableFolder(string folder)
    {
        var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(probe, [0]);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailureException($"The data folder {folder} is not writable: {e.Message}", e);
        }
    }

    /// <summary>Applies pending migrations, switches SQLite to WAL, and fills an empty database with demo data in Development.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await PrepareDatabaseInScopeAsync(app);
        // Migrating may have changed the pragmas of the connection it used.
        app.Services.GetService<SqliteConnectionKeeper>()?.ReopenAll();
    }

    private static async Task PrepareDatabaseInScopeAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await MigrateAsync(app, db);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while a writer commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            if (SqliteProcessSettings.Applied)
            {
                app.Logger.LogDebug("SQLite keeps no memory statistics (SQLITE_CONFIG_MEMSTATUS off): its allocations take no process-wide lock.");
            }
            else
            {
                app.Logger.LogDebug("SQLite was in use in this process before the app could configure it: it keeps its memory statistics.");
            }
        }
        await TitleKeyBackfill.RunAsync(db);
        if (await KeyRing.ImportFolderKeysAsync(db, DataDirectory(app.Configuration, app.Environment), CancellationToken.None) is > 0 and var imported)
        {
            app.Logger.LogInformation("Moved {Count} data-protection keys from the data folder into the database.", imported);
        }
        await AccountsExtensions.EnsureRolesAsync(scope.ServiceProvider);
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            var created = await DemoData.SeedSiteAsync(db);
            if (created > 0)
            {
                app.Logger.LogInformation("Filled the empty database with {Count} demo researchers.", created);
            }
            await DemoAccounts.EnsureAsync(scope.ServiceProvider, app.Logger);
        }
    }

    /// <summary>
    /// <see cref="PrepareDatabaseAsync"/> for Program: a <see cref="StartupFailureException"/> is logged as
    /// its one-sentence message and turns into false, so the process exits without a stack trace.
    /// </summary>
    public static async Task<bool> TryPrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.PrepareDatabaseAsync();
            return true;
        }
        catch (StartupFailureException failure)
        {
            app.Logger.LogCritical("The app cannot start. {Reason}", failure.Message);
            return false;
        }
    }

    // Mostly nothing is pending. Migrate would first compare the model with the migrations'
    // snapshot, a third of a second of every start, only to find that out.
    private static async Task MigrateIfPendingAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await PostgresStartup.EnsureHistoryTableAsync(db, ct);
        }
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
    }

    /// <summary>
    /// Migrates under <see cref="MigrationLock"/> (for a SQLite file), clearing a lock row left by a
    /// migrator that was killed, and within Database:MigrationTimeoutSeconds overall.
    /// </summary>
    private static async Task MigrateAsync(WebApplication app, AppDbContext db)
    {
        var lockTimeout = TimeSpan.FromSeconds(app.Configuration.GetValue("Database:MigrationLockTimeoutSeconds", 30));
        var overall = TimeSpan.FromSeconds(app.Configuration.GetValue("Database:MigrationTimeoutSeconds", 600));
        using var timeout = new CancellationTokenSource(overall);
        var file = db.Database.IsSqlite() ? new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource : null;
        try
        {
            if (db.Database.IsNpgsql())
            {
                var wait = TimeSpan.FromSeconds(app.Configuration.GetValue(PostgresStartup.WaitKey, PostgresStartup.DefaultWaitSeconds));
                await PostgresStartup.EnsureReachableAsync(db, wait, app.Logger, timeout.Token);
            }
            if (string.IsNullOrEmpty(file) || file == ":memory:")
            {
                await MigrateIfPendingAsync(db, timeout.Token);
                return;
            }
            var databasePath = Path.GetFullPath(file);
            await using var migrationLock = await MigrationLock.AcquireAsync(databasePath, lockTimeout, timeout.Token);
            if (await MigrationLock.ClearStaleEfLockAsync(db, timeout.Token) is { } takenAt)
            {
                app.Logger.LogWarning(
                    "Removed a stale migration lock (taken at {TakenAt}) from {Database}: the process that took it is gone.",
                    takenAt, databasePath);
            }
            await MigrateIfPendingAsync(db, timeout.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new StartupFailureException(
                $"Updating the database did not finish within {overall.TotalSeconds:0} seconds (Database:MigrationTimeoutSeconds); " +
                "another program may hold its migration lock.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 8 or 13 or 14)
        {
            // SQLITE_READONLY, SQLITE_FULL, SQLITE_CANTOPEN: the folder, not the app, needs attention.
            throw new StartupFailureException($"The database {file} cannot be written: {e.Message}", e);
        }
    }
}
