using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Search;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// One table of a copy: its rows in the source and, after the copy, in the target, and how many of
/// its values lost NUL characters on the way to PostgreSQL.
/// </summary>
public sealed record CopiedTable(string Name, long SourceRows, long TargetRows, long ValuesWithoutNul = 0);

/// <summary>
/// Copies a whole site from one database to another of either provider (SQLite to PostgreSQL and
/// back): every table of the EF model, primary keys and concurrency tokens as they are, and each
/// table's key counter, so that nothing is lost and a deleted row's key is never handed out again
/// (history restores a deleted record under its old key).
/// </summary>
/// <remarks>
/// Rows travel as EF entities, so each provider applies its own conversions (dates as text on SQLite
/// and timestamptz on PostgreSQL, string lists as JSON or arrays, enums as names). They are attached
/// as Added to a context with no <see cref="AppDbContext.History"/>, so its save records nothing and
/// bumps no version: versions only change on Modified rows.
/// </remarks>
public static class DatabaseCopy
{
    /// <summary>Rows per save: bounds the memory a table of 336,000 papers needs, in one transaction all the same.</summary>
    public const int BatchSize = 1_000;

    /// <summary>
    /// Migrates <paramref name="target"/>, refuses (with <see cref="DatabaseCopyRefusedException"/>)
    /// when it holds any row or the source is not up to date, then copies every table from a
    /// consistent snapshot of <paramref name="source"/> in one transaction on the target: a failure
    /// leaves it empty. Row counts are compared before the transaction commits.
    /// </summary>
    public static async Task<IReadOnlyList<CopiedTable>> CopyAsync(AppDbContext source, AppDbContext target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var tables = CopyOrder(source.Model).Select(t => Table.For(t, target.Model)).ToList();
        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new DatabaseCopyRefusedException("The site's database is not up to date: start the app on it once, then copy it.");
        }
        await PrepareTargetAsync(target, ct);
        foreach (var table in tables)
        {
            if (await table.AnyAsync(target, ct))
            {
                throw new DatabaseCopyRefusedException($"The target database already holds data (table {table.Name}): copy into an empty database.");
            }
        }

        await using var snapshot = await Snapshot.BeginAsync(source, ct);
        target.ChangeTracker.AutoDetectChangesEnabled = false;
        return await SearchIndexLoad.RunAsync(target, async () =>
        {
            var copied = new List<CopiedTable>(tables.Count);
            foreach (var table in tables)
            {
                try
                {
                    var sourceRows = await table.CountAsync(source, ct);
                    var withoutNul = await table.CopyRowsAsync(source, target, ct);
                    await KeyCounters.CarryAsync(table, source, target, ct);
                    copied.Add(new CopiedTable(table.Name, sourceRows, await table.CountAsync(target, ct), withoutNul));
                }
                catch (Exception e) when (e is DbException or DbUpdateException)
                {
                    // The database's own words, with the table they concern (e.g. a text longer than PostgreSQL's column allows).
                    throw new InvalidOperationException($"Copying the table {table.Name} failed: {e.GetBaseException().Message}", e);
                }
            }
            if (copied.Where(t => t.SourceRows != t.TargetRows).Select(t => $"{t.Name} {t.SourceRows} → {t.TargetRows}").ToList() is { Count: > 0 } differing)
            {
                throw new InvalidOperationException($"The copy's row counts differ from the source's ({string.Join(", ", differing)}); nothing was kept.");
            }
            return (IReadOnlyList<CopiedTable>)copied;
        }, ct);
    }

    /// <summary>
    /// The tables in an order that satisfies every foreign key: each after the tables it refers to.
    /// </summary>
    /// <remarks>
    /// Rows of a table go in as they come, in no order of their own, so a table that refers to itself
    /// (directly or through a cycle of tables) cannot be copied this way: on PostgreSQL the app's
    /// foreign keys are not deferrable, so nothing short of writing the reference in a second pass
    /// would do. The model has no such key today; one added later stops the copy here, before it
    /// starts, with the tables named, rather than half-way through with a constraint error.
    /// </remarks>
    public static IReadOnlyList<IEntityType> CopyOrder(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // A derived type's rows are read with its root's (Set<Root>() returns them all): copy roots only.
        var roots = model.GetEntityTypes().Where(t => t.BaseType is null).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        foreach (var type in roots)
        {
            if (type.IsOwned() || type.HasSharedClrType || type.FindPrimaryKey() is null || type.GetTableName() is null
                || type.GetDerivedTypesInclusive().SelectMany(t => t.GetDeclaredProperties()).Any(p => p.IsShadowProperty()))
            {
                throw new InvalidOperationException(
                    $"The copy carries tables of plain entities with keys and no shadow properties; {type.DisplayName()} is not one: extend DatabaseCopy for it.");
            }
        }
        var dependsOn = roots.ToDictionary(
            t => t,
            t => t.GetDerivedTypesInclusive().SelectMany(d => d.GetDeclaredForeignKeys()).Select(k => k.PrincipalEntityType.GetRootType()).ToHashSet());
        var ordered = new List<IEntityType>(roots.Count);
        while (ordered.Count < roots.Count)
        {
            var ready = roots.Where(t => !ordered.Contains(t) && dependsOn[t].All(ordered.Contains)).ToList();
            if (ready.Count == 0)
            {
                var stuck = roots.Where(t => !ordered.Contains(t)).Select(t => t.GetTableName());
                throw new InvalidOperationException(
                    $"The tables {string.Join(", ", stuck)} refer to themselves or to each other in a cycle, which the copy cannot order.");
            }
            ordered.AddRange(ready);
        }
        return ordered;
    }

    /// <summary>True when both settings name the same database: the same SQLite file, or the same PostgreSQL database on the same server.</summary>
    public static bool SameDatabase(DatabaseProvider provider, string connectionString, DatabaseProvider otherProvider, string otherConnectionString)
    {
        if (provider != otherProvider)
        {
            return false;
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            var other = new SqliteConnectionStringBuilder(otherConnectionString).DataSource;
            return file == other || (file != ":memory:" && other != ":memory:" && Path.GetFullPath(file) == Path.GetFullPath(other));
        }
        var server = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var otherServer = new Npgsql.NpgsqlConnectionStringBuilder(otherConnectionString);
        return string.Equals(server.Host, otherServer.Host, StringComparison.OrdinalIgnoreCase)
            && server.Port == otherServer.Port
            && string.Equals(server.Database ?? server.Username, otherServer.Database ?? otherServer.Username, StringComparison.Ordinal);
    }

    /// <summary>
    /// Brings an empty target to the current schema. A database with some but not all migrations
    /// is another site at an older version: it is left as it is.
    /// </summary>
    private static async Task PrepareTargetAsync(AppDbContext target, CancellationToken ct)
    {
        var applied = (await target.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count > 0 && (await target.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new DatabaseCopyRefusedException("The target database holds an older version of the site's tables: copy into an empty database.");
        }
        await target.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// A read transaction on the source for the whole copy, so every table comes from the same
    /// moment while the site keeps serving and saving: on SQLite a deferred transaction (WAL lets
    /// writers go on; an immediate one would stop them), on PostgreSQL a repeatable-read one.
    /// </summary>
    private sealed class Snapshot(AppDbContext db, DbTransaction transaction) : IAsyncDisposable
    {
        public static async Task<Snapshot> BeginAsync(AppDbContext db, CancellationToken ct)
        {
            await db.Database.OpenConnectionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await db.Database.UseTransactionAsync(transaction, ct);
            return new Snapshot(db, transaction);
        }

        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>One table of the model, with the typed queries and inserts that EF needs its entity type for.</summary>
    internal abstract class Table(IEntityType sourceType, IEntityType targetType)
    {
        public string Name { get; } = sourceType.GetTableName()!;

        public IEntityType SourceType { get; } = sourceType;

        public IEntityType TargetType { get; } = targetType;

        /// <summary>The key whose values the database generates (an identity or AUTOINCREMENT column), if any.</summary>
        public IProperty? GeneratedKey { get; } = sourceType.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key]
            && (key.ClrType == typeof(int) || key.ClrType == typeof(long)) ? key : null;

        public static Table For(IEntityType type, IModel targetModel) =>
            (Table)Activator.CreateInstance(typeof(Table<>).MakeGenericType(type.ClrType), type, targetModel.FindEntityType(type.Name)!)!;

        public abstract Task<bool> AnyAsync(AppDbContext db, CancellationToken ct);

        public abstract Task<long> CountAsync(AppDbContext db, CancellationToken ct);

        /// <summary>Copies the rows; returns how many values lost NUL characters.</summary>
        public abstract Task<long> CopyRowsAsync(AppDbContext source, AppDbContext target, CancellationToken ct);
    }

    private sealed class Table<TEntity>(IEntityType sourceType, IEntityType targetType) : Table(sourceType, targetType)
        where TEntity : class
    {
        /// <summary>
        /// Npgsql writes timestamptz only from UTC values, while SQLite reads DateTime back without a
        /// kind and keeps a DateTimeOffset's offset: the app stores UTC, so these are marked as such.
        /// </summary>
        private readonly string[] _timestamps = [.. targetType.GetProperties()
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) is var type && (type == typeof(DateTime) || type == typeof(DateTimeOffset)))
            .Select(p => p.Name)];

        /// <summary>
        /// SQLite keeps a NUL character in text (sites from before sources' records were cleaned may
        /// hold one); PostgreSQL refuses it in text and in arrays of text. It is never a visible part
        /// of a value, so it is dropped on the way and counted.
        /// </summary>
        private readonly string[] _texts = [.. targetType.GetProperties()
            .Where(p => p.ClrType == typeof(string) || p.ClrType == typeof(List<string>))
            .Select(p => p.Name)];

        public override Task<bool> AnyAsync(AppDbContext db, CancellationToken ct) =>
            db.Set<TEntity>().IgnoreQueryFilters().AnyAsync(ct);

        public override Task<long> CountAsync(AppDbContext db, CancellationToken ct) =>
            db.Set<TEntity>().IgnoreQueryFilters().LongCountAsync(ct);

        public override async Task<long> CopyRowsAsync(AppDbContext source, AppDbContext target, CancellationToken ct)
        {
            var toPostgres = target.Database.IsNpgsql();
            var toUtc = toPostgres ? _timestamps : [];
            var texts = toPostgres ? _texts : [];
            var pending = 0;
            var withoutNul = 0L;
            // Streamed untracked: the source holds one row at a time, the target one batch.
            await foreach (var row in source.Set<TEntity>().IgnoreQueryFilters().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            {
                // Setting the state attaches this row alone, its key as read, without walking its navigations.
                var entry = target.Entry(row);
                entry.State = EntityState.Added;
                foreach (var name in toUtc)
                {
                    var property = entry.Property(name);
                    property.CurrentValue = property.CurrentValue switch
                    {
                        DateTime { Kind: not DateTimeKind.Utc } value => DateTime.SpecifyKind(value, DateTimeKind.Utc),
                        DateTimeOffset { Offset.Ticks: not 0 } value => value.ToUniversalTime(),
                        var value => value,
                    };
                }
                foreach (var name in texts)
                {
                    var property = entry.Property(name);
                    switch (property.CurrentValue)
                    {
                        case string text when text.Contains('\0', StringComparison.Ordinal):
                            property.CurrentValue = text.Replace("\0", "", StringComparison.Ordinal);
                            withoutNul++;
                            break;
                        case List<string> list when list.Exists(item => item.Contains('\0', StringComparison.Ordinal)):
                            property.CurrentValue = list.ConvertAll(item => item.Replace("\0", "", StringComparison.Ordinal));
                            withoutNul++;
                            break;
                    }
                }
                if (++pending == BatchSize)
                {
                    await SaveBatchAsync(target, ct);
                    pending = 0;
                }
            }
            await SaveBatchAsync(target, ct);
            return withoutNul;
        }

        private static async Task SaveBatchAsync(AppDbContext target, CancellationToken ct)
        {
            await target.SaveChangesAsync(ct);
            target.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The counter behind each generated key: after the copy the target hands out keys above both
    /// the highest key copied and the highest the source ever handed out (SQLite's sqlite_sequence,
    /// PostgreSQL's identity sequence), as the source would have.
    /// </summary>
    private static class KeyCounters
    {
        public static async Task CarryAsync(Table table, AppDbContext source, AppDbContext target, CancellationToken ct)
        {
            if (table.GeneratedKey is not { } key)
            {
                return;
            }
            var handedOut = Math.Max(await LastHandedOutAsync(source, table, ct) ?? 0, await HighestAsync(target, table, ct) ?? 0);
            var tableName = table.Name;
            if (target.Database.IsSqlite())
            {
                // AUTOINCREMENT keeps its counter in this table, which may be written like any other.
                if (await target.Database.ExecuteSqlAsync($"UPDATE sqlite_sequence SET seq = {handedOut} WHERE name = {tableName}", ct) == 0 && handedOut > 0)
                {
                    await target.Database.ExecuteSqlAsync($"INSERT INTO sqlite_sequence (name, seq) VALUES ({tableName}, {handedOut})", ct);
                }
                return;
            }
            var quotedTable = Delimit(target, table.TargetType);
            var column = key.GetColumnName();
            // setval(…, 1, false) makes 1 the next value of a table that never had a row.
            var value = Math.Max(handedOut, 1);
            var called = handedOut > 0;
            await target.Database.ExecuteSqlAsync($"SELECT setval(pg_get_serial_sequence({quotedTable}, {column}), {value}, {called})", ct);
        }

        private static async Task<long?> LastHandedOutAsync(AppDbContext db, Table table, CancellationToken ct)
        {
            var tableName = table.Name;
            if (db.Database.IsSqlite())
            {
                return await db.Database.SqlQuery<long?>($"SELECT seq AS \"Value\" FROM sqlite_sequence WHERE name = {tableName}").SingleOrDefaultAsync(ct);
            }
            var quotedTable = Delimit(db, table.SourceType);
            var column = table.GeneratedKey!.GetColumnName();
            return await db.Database.SqlQuery<long?>(
                $"SELECT pg_sequence_last_value(CAST(pg_get_serial_sequence({quotedTable}, {column}) AS regclass)) AS \"Value\"").SingleAsync(ct);
        }

        private static Task<long?> HighestAsync(AppDbContext db, Table table, CancellationToken ct)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            // Names from the model, not from input: safe to put in the statement.
#pragma warning disable EF1002
            return db.Database.SqlQueryRaw<long?>(
                $"SELECT CAST(MAX({sql.DelimitIdentifier(table.GeneratedKey!.GetColumnName())}) AS bigint) AS \"Value\" FROM {Delimit(db, table.TargetType)}").SingleAsync(ct);
#pragma warning restore EF1002
        }
    }

    private static string Delimit(AppDbContext db, IEntityType type) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());
}

/// <summary>A copy that must not start; its message is the one-sentence reason.</summary>
public sealed class DatabaseCopyRefusedException : Exception
{
    public DatabaseCopyRefusedException(string message)
        : base(message)
    {
    }

    public DatabaseCopyRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatabaseCopyRefusedException()
    {
    }
}
