using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Data;

/// <summary>SQLite's write-ahead log after a bulk write.</summary>
public static class WriteAheadLog
{
    /// <summary>
    /// Moves what a bulk write left in SQLite's write-ahead log into the database file and gives
    /// the log's space back. SQLite keeps the log at the largest size it reached, and after one
    /// transaction that wrote a whole site it is as large as the database (600 MB for 10,000
    /// generated researchers). Does nothing on PostgreSQL.
    /// </summary>
    public static async Task TruncateAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
    }
}
