using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// Makes one process at a time the migrator of a SQLite database, in a way that a killed process
/// cannot leave behind. EF Core's own lock is a row (Id 1) in the "__EFMigrationsLock" table,
/// inserted with INSERT OR IGNORE and deleted when migrating ends; a process killed in between
/// leaves the row, and every later start waits for it forever. This lock is an exclusive open of
/// "{database}.migrate.lock" beside the database instead, which the operating system releases
/// when its holder dies. Whoever holds it is the only live migrator on that database, so an EF
/// lock row found then is stale and is removed.
/// </summary>
public sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>EF Core's lock table for SQLite (SqliteHistoryRepository.LockTableName).</summary>
    public const string EfLockTable = "__EFMigrationsLock";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly FileStream _file;

    private MigrationLock(FileStream file) => _file = file;

    public static string LockFilePath(string databasePath) => databasePath + ".migrate.lock";

    /// <summary>
    /// Opens the lock file exclusively, retrying until <paramref name="timeout"/>; then fails
    /// with a message that says which process-wide lock could not be had.
    /// </summary>
    public static async Task<MigrationLock> AcquireAsync(string databasePath, TimeSpan timeout, CancellationToken ct = default)
    {
        var path = LockFilePath(databasePath);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new MigrationLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                await Task.Delay(RetryDelay, ct);
            }
            catch (IOException e)
            {
                throw new StartupFailureException(
                    $"Another process is updating the database {databasePath}: the lock {path} stayed taken for {timeout.TotalSeconds:0} seconds. " +
                    "Stop the other instance of the app that uses this data folder, or raise Database:MigrationLockTimeoutSeconds.", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new StartupFailureException($"The data folder {Path.GetDirectoryName(path)} is not writable: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// Removes EF Core's lock row, which (while this lock is held) no live process can own, and
    /// returns when it was taken, or null when there was none.
    /// </summary>
    public static async Task<string?> ClearStaleEfLockAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tables = await db.Database
            .SqlQueryRaw<string>($"SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{EfLockTable}'")
            .ToListAsync(ct);
        if (tables.Count == 0)
        {
            return null;
        }
        var taken = await db.Database
            .SqlQueryRaw<string>($"SELECT CAST(\"Timestamp\" AS TEXT) AS \"Value\" FROM \"{EfLockTable}\"")
            .ToListAsync(ct);
        if (taken.Count == 0)
        {
            return null;
        }
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{EfLockTable}\"", ct);
        return taken[0];
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
