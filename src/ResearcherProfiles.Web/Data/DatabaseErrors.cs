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
