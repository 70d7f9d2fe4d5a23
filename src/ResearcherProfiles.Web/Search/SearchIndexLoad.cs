using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Web.Search;

/// <summary>
/// Fills an empty database's search index once, after a bulk load, instead of row by row while it
/// runs. The triggers that keep the index in step write a paper's whole document again for every
/// author row inserted (eight times for a paper with eight authors, each time tokenizing its
/// abstract), which made copying a large site take most of its time. Suspended inside the load's
/// transaction, so a failure brings them back with the rollback; <see cref="RebuildAsync"/> puts
/// them back and has them write each document once. The triggers that keep each profile's stored
/// lists and each paper's stored authors (migrations ProfileListsStored, PublicationAuthorListsStored)
/// are suspended and written once the same way.
/// </summary>
public sealed class SearchIndexLoad
{
    private readonly AppDbContext _db;
    private readonly IReadOnlyList<SearchTrigger> _triggers;
    private readonly IReadOnlyList<SearchIndex> _indexes;

    private SearchIndexLoad(AppDbContext db, IReadOnlyList<SearchTrigger> triggers, IReadOnlyList<SearchIndex> indexes)
    {
        _db = db;
        _triggers = triggers;
        _indexes = indexes;
    }

    /// <summary>
    /// Runs <paramref name="load"/>, a bulk write, in one transaction with the search triggers
    /// suspended, writes the index once after it and commits; then gives SQLite's log back and, on
    /// PostgreSQL, takes the planner's statistics of the new rows. A failure rolls all of it back.
    /// </summary>
    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(load);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One transaction for the whole load; a savepoint before every batch would only cost time.
        db.Database.AutoSavepointsEnabled = false;
        var searchIndex = await SuspendAsync(db, ct);
        var loaded = await load();
        await searchIndex.RebuildAsync(ct);
        await transaction.CommitAsync(ct);
        await WriteAheadLog.TruncateAsync(db, ct);
        if (db.Database.IsNpgsql())
        {
            // The planner's statistics of the new rows at once, rather than whenever autovacuum
            // comes by: search chooses its plan by the planner's estimate of how common a word is.
            await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
        return loaded;
    }

    /// <summary>
    /// Suspends the search triggers of <paramref name="db"/>, which must be in a transaction. The
    /// rebuild writes every document again, those of rows already there too; on PostgreSQL the
    /// search tables stay locked until the transaction ends, so it suits a database nobody is using.
    /// </summary>
    public static async Task<SearchIndexLoad> SuspendAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The search triggers are only suspended inside a transaction, which restores them if the load fails.");
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        if (db.Database.IsSqlite())
        {
            // SQLite cannot disable a trigger: it is dropped, and created again from its own definition.
            var triggers = await db.Database.SqlQuery<SearchTrigger>(
                $"""SELECT name AS "Name", tbl_name AS "Table", sql AS "Definition" FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'Search_*'""").ToListAsync(ct);
            foreach (var trigger in triggers)
            {
                await ExecuteAsync(db, $"DROP TRIGGER {sql.DelimitIdentifier(trigger.Name)}", ct);
            }
            return new SearchIndexLoad(db, triggers, []);
        }
        // The triggers that keep the index's words ("SearchWords_*", migration SearchWords) stay
        // suspended while RebuildAsync writes the documents, which then adds their words at once.
        var pgTriggers = await db.Database.SqlQuery<SearchTrigger>(
            $"""SELECT t.tgname::text AS "Name", c.relname::text AS "Table", '' AS "Definition" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND (t.tgname LIKE 'Search\_%' OR t.tgname LIKE 'SearchWords\_%' OR t.tgname LIKE 'ProfileLists\_%' OR t.tgname LIKE 'PublicationAuthorLists\_%')""").ToListAsync(ct);
        foreach (var trigger in pgTriggers)
        {
            await ExecuteAsync(db, $"ALTER TABLE {sql.DelimitIdentifier(trigger.Table)} DISABLE TRIGGER {sql.DelimitIdentifier(trigger.Name)}", ct);
        }
        // PostgreSQL's full-text indexes are dropped too and built again from their own definitions
        // after the documents are written: building the papers' over the 10k site's 336,047
        // documents takes 5 seconds, while writing each document into it (they keep no pending list,
        // migration SearchIndexesWrittenAtOnce) made the rebuild take 3.5 minutes instead of 2.3.
        var indexes = await db.Database.SqlQuery<SearchIndex>($"""
            SELECT i.relname::text AS "Name", pg_get_indexdef(i.oid) AS "Definition"
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
            WHERE x.indrelid IN (to_regclass('"SearchPapers"'), to_regclass('"SearchPeople"')) AND am.amname = 'gin'
            """).ToListAsync(ct);
        foreach (var index in indexes)
        {
            await ExecuteAsync(db, $"DROP INDEX {sql.DelimitIdentifier(index.Name)}", ct);
        }
        return new SearchIndexLoad(db, pgTriggers, indexes);
    }

    /// <summary>
    /// How long one statement of the rebuild may run: each writes the documents of a whole table in
    /// one go, which on a large site (336,000 papers) takes minutes, where a page's statements are
    /// held to seconds. An hour still ends a statement that is stuck.
    /// </summary>
    public static readonly TimeSpan StatementTimeout = TimeSpan.FromHours(1);

    /// <summary>Puts the triggers back, writes the document of every researcher and paper, once each, and builds the indexes dropped.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        var timeout = _db.Database.GetCommandTimeout();
        _db.Database.SetCommandTimeout(StatementTimeout);
        try
        {
            await WriteDocumentsAsync(ct);
        }
        finally
        {
            _db.Database.SetCommandTimeout(timeout);
        }
    }

    private async Task WriteDocumentsAsync(CancellationToken ct)
    {
        var sql = _db.GetService<ISqlGenerationHelper>();
        if (_db.Database.IsSqlite())
        {
            foreach (var trigger in _triggers)
            {
                await ExecuteAsync(_db, trigger.Definition, ct);
            }
            // Touching one indexed column fires each row's update trigger, which writes its document
            // by the same statement as every later edit.
            await ExecuteAsync(_db, """UPDATE "Researchers" SET "DisplayName" = "DisplayName" """, ct);
            await ExecuteAsync(_db, """UPDATE "Publications" SET "Title" = "Title" """, ct);
            return;
        }
        // Statistics of the rows just written (ANALYZE sees its own transaction's rows) before the
        // documents are built from them. Without any, the planner's guesses had each paper's check
        // for a public listing scan an index at length: building the 10k site's index had not ended
        // after 25 minutes; with them it takes two or three. The search tables, outside the model,
        // are left out: planned as they were before the load (empty, or a few documents), every
        // document written would first look for its old one by reading all those before it.
        var tables = _db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.GetViewName() is null)
            .Select(t => sql.DelimitIdentifier(t.GetTableName()!, t.GetSchema())).Distinct(StringComparer.Ordinal);
        await ExecuteAsync(_db, "ANALYZE " + string.Join(", ", tables), ct);
        var words = _triggers.Where(t => t.Name.StartsWith("SearchWords_", StringComparison.Ordinal)).ToList();
        var documents = _triggers.Except(words);
        foreach (var trigger in documents)
        {
            await ExecuteAsync(_db, $"ALTER TABLE {sql.DelimitIdentifier(trigger.Table)} ENABLE TRIGGER {sql.DelimitIdentifier(trigger.Name)}", ct);
        }
        // The functions the triggers call, as the migration that created the index filled it.
        await ExecuteAsync(_db, """SELECT count(search_person_refresh("Id")) FROM "Researchers" """, ct);
        await ExecuteAsync(_db, """SELECT count(search_paper_refresh("Id")) FROM "Publications" """, ct);
        if (_triggers.Any(t => t.Name.StartsWith("ProfileLists_", StringComparison.Ordinal)))
        {
            await ExecuteAsync(_db, global::ResearcherProfiles.Migrations.Postgres.Migrations.ProfileListsStored.FillSql, ct);
        }
        if (_triggers.Any(t => t.Name.StartsWith("PublicationAuthorLists_", StringComparison.Ordinal)))
        {
            await ExecuteAsync(_db, global::ResearcherProfiles.Migrations.Postgres.Migrations.PublicationAuthorListsStored.FillSql, ct);
        }
        if (words.Count > 0)
        {
            await ExecuteAsync(_db, global::ResearcherProfiles.Migrations.Postgres.Migrations.SearchWords.FillSql, ct);
            foreach (var trigger in words)
            {
                await ExecuteAsync(_db, $"ALTER TABLE {sql.DelimitIdentifier(trigger.Table)} ENABLE TRIGGER {sql.DelimitIdentifier(trigger.Name)}", ct);
            }
        }
        foreach (var index in _indexes)
        {
            await ExecuteAsync(_db, index.Definition, ct);
        }
    }

    // Statements built from the schema's own names (quoted) and definitions, never from input.
#pragma warning disable EF1002
    private static Task<int> ExecuteAsync(AppDbContext db, string statement, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(statement, ct);
#pragma warning restore EF1002

    private sealed record SearchTrigger(string Name, string Table, string Definition);

    private sealed record SearchIndex(string Name, string Definition);
}
