using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// Reading what a failed save ran into, so that pages can answer the person instead of failing.
/// Each provider reports it in its own exception type; both are read here, so pages need not know
/// which database the site runs on.
/// </summary>
public static class DatabaseErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteFull = 13;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// True when the save broke the unique index on <paramref name="table"/> that starts with
    /// <paramref name="column"/>: someone else took the value between the page's check and the save.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception, string table, string column)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique } sqlite =>
                sqlite.Message.Contains($"{table}.{column}", StringComparison.Ordinal),
            // EF names a unique index IX_{Table}_{Column}[_{Column}...].
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres =>
                postgres.TableName == table
                && postgres.ConstraintName?.StartsWith($"IX_{table}_{column}", StringComparison.Ordinal) == true,
            _ => false,
        };
    }

    /// <summary>
    /// True when the save lost a race with another save: a row it updates changed or went, a key or
    /// unique value it inserts was taken, or a row it refers to was deleted in the meantime. Anything
    /// else (a value the database refuses, a full disk) is a failure of the save itself.
    /// </summary>
    public static bool IsRace(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is DbUpdateConcurrencyException || exception.InnerException switch
        {
            SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey or SqliteConstraintForeignKey } => true,
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation } => true,
            _ => false,
        };
    }

    /// <summary>
    /// True when the database gave the save up because another transaction held what it needed:
    /// PostgreSQL broke a deadlock or a serialization conflict by rolling this transaction back, or
    /// SQLite stayed locked by another writer for longer than it waits. Nothing of the save is kept,
    /// so it can be run again or the person told to retry. With several instances on one database
    /// two saves that touch the same shared rows (a paper's author list rewritten as a profile's
    /// address changes) can meet this way; it is a race lost, never a failure of the page.
    /// </summary>
    public static bool IsContention(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable })
            {
                return true;
            }
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when PostgreSQL rolled the save back at once to settle a race (a deadlock, a
    /// serialization conflict): the part of <see cref="IsContention"/> worth running again. SQLite's
    /// "locked" comes only after the whole busy timeout, and waiting that long again and again would
    /// outlast the person's patience and the proxy's timeout.
    /// </summary>
    public static bool IsRaceRolledBack(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the database could not be written for want of room or permission (full disk, read-only folder).</summary>
    public static bool IsStorageFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteFull or SqliteReadOnly or SqliteIoError })
            {
                return true;
            }
            if (e is PostgresException { SqlState: PostgresErrorCodes.DiskFull or PostgresErrorCodes.ReadOnlySqlTransaction })
            {
                return true;
            }
            if (e is IOException io && (io.HResult & 0xFFFF) is 28 or 112)
            {
                // ENOSPC, ERROR_DISK_FULL: a photo or other file could not be written.
                return true;
            }
        }
        return false;
    }
}
