using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// Start-up's first contact with PostgreSQL, before EF touches it. A server that is still starting
/// (a compose file starts the database and the app together) is waited for; a database that does
/// not exist yet is created; anything else — a wrong password, an unknown user, a server that never
/// answers — stops the start with one sentence for the person running the app, instead of EF's
/// logged failures and an unhandled exception's stack trace.
/// </summary>
public static class PostgresStartup
{
    /// <summary>The setting: how long start-up waits for a server that does not answer yet.</summary>
    public const string WaitKey = "Database:StartupWaitSeconds";

    public const int DefaultWaitSeconds = 60;

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    /// <exception cref="StartupFailureException">The server did not answer within <paramref name="wait"/>, or refused the connection.</exception>
    public static async Task EnsureReachableAsync(AppDbContext db, TimeSpan wait, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var server = $"{settings.Host}:{settings.Port}";
        var clock = Stopwatch.StartNew();
        var waiting = false;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(ct);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                await CreateAsync(db, settings, server, logger, ct);
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && clock.Elapsed + Retry < wait)
            {
                if (!waiting)
                {
                    waiting = true;
                    logger.LogWarning("Waiting up to {Seconds:0} seconds ({Setting}) for PostgreSQL at {Server}: {Reason}",
                        wait.TotalSeconds, WaitKey, server, Reason(e));
                }
                await Task.Delay(Retry, ct);
            }
            catch (NpgsqlException e) when (e.IsTransient)
            {
                throw new StartupFailureException(
                    $"PostgreSQL at {server} did not answer within {wait.TotalSeconds:0} seconds ({WaitKey}): {Reason(e)} " +
                    "Check that the server runs and that ConnectionStrings:Default names it.", e);
            }
            catch (PostgresException e)
            {
                throw new StartupFailureException(
                    $"PostgreSQL at {server} refused the connection as user \"{settings.Username}\" to database \"{DatabaseName(settings)}\": {e.MessageText}. " +
                    "Check ConnectionStrings:Default.", e);
            }
            catch (NpgsqlException e)
            {
                throw new StartupFailureException(
                    $"PostgreSQL at {server} cannot be reached: {Reason(e)} Check ConnectionStrings:Default.", e);
            }
        }
    }

    /// <summary>
    /// Creates EF's table of applied migrations when it is missing. On PostgreSQL, EF finds out
    /// that an empty database has none by reading it, and logs the failed statement as an error on
    /// every first start; with the table there, it finds the migrations to apply without one.
    /// </summary>
    public static async Task EnsureHistoryTableAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another instance starting at the same moment created it ("IF NOT EXISTS" does not exclude the race).
        }
    }

    /// <summary>
    /// A first start against a database name the server does not know yet: it is created (the
    /// migrations fill it), as EF would, but without EF's logged failures while it finds out.
    /// </summary>
    private static async Task CreateAsync(AppDbContext db, NpgsqlConnectionStringBuilder settings, string server, ILogger logger, CancellationToken ct)
    {
        try
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(ct);
            logger.LogInformation("Created the database {Database} on PostgreSQL at {Server}.", DatabaseName(settings), server);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance starting at the same moment created it.
        }
        catch (PostgresException e)
        {
            throw new StartupFailureException(
                $"The database \"{DatabaseName(settings)}\" does not exist on PostgreSQL at {server} and cannot be created as user \"{settings.Username}\": {e.MessageText}. " +
                "Create it, or give a user that may (CREATEDB).", e);
        }
    }

    /// <summary>The database a connection opens: the one named, or the user's own name when none is.</summary>
    private static string? DatabaseName(NpgsqlConnectionStringBuilder settings) => settings.Database ?? settings.Username;

    /// <summary>The innermost message (the socket's "Connection refused", the name lookup's failure), as a sentence.</summary>
    private static string Reason(Exception e)
    {
        var message = e.GetBaseException().Message.TrimEnd();
        return message.EndsWith('.') ? message : message + ".";
    }
}
