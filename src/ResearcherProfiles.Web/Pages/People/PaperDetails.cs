using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>An author of a paper as a list shows it: the linked profile's address when it is public.</summary>
public sealed record PaperAuthorRow(int PublicationId, string Name, int? ResearcherId, string? Slug, bool EqualContribution, bool Corresponding);

/// <summary>
/// What a list shows with each of its papers besides the paper's own fields: the authors in their
/// order, the links in theirs, and the cited-by counts above zero when the profile shows counts.
/// </summary>
/// <remarks>
/// On PostgreSQL, where each query is a round trip, the three are read in one statement: the
/// database writes each as a JSON array of rows (as <see cref="ProfileLists"/> reads a profile's own
/// lists), the authors from the arrays it keeps written for each paper. On SQLite each is a compiled query of its own, as a query there is a call into the
/// process and building and parsing JSON measured dearer than the calls it saves.
/// </remarks>
public sealed record PaperDetails(List<PaperAuthorRow> Authors, List<PublicationLink> Links, List<CitationCount> Citations)
{
    /// <summary>The details of papers <paramref name="ids"/>; the counts only when <paramref name="withCitations"/>.</summary>
    public static Task<PaperDetails> ReadAsync(AppDbContext db, int[] ids, bool withCitations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() ? ReadInOneStatementAsync(db, ids, withCitations, ct) : ReadEachAsync(db, ids, withCitations, ct);
    }

    /// <summary>Authors, links and counts each by a compiled query.</summary>
    public static async Task<PaperDetails> ReadEachAsync(AppDbContext db, int[] ids, bool withCitations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new PaperDetails(
            await AuthorsOf.For(db)(db, ids).ToListAsync(ct),
            await LinksOf.For(db)(db, ids).ToListAsync(ct),
            withCitations ? await CitationsOf.For(db)(db, ids).ToListAsync(ct) : []);
    }

    /// <summary>
    /// Authors, links and counts in one PostgreSQL statement, each paper's in the order
    /// <see cref="ReadEachAsync"/> gives them. The authors are those PostgreSQL keeps written
    /// (migration PublicationAuthorListsStored); a paper without its row has them read from the
    /// tables after the statement.
    /// </summary>
    public static async Task<PaperDetails> ReadInOneStatementAsync(AppDbContext db, int[] ids, bool withCitations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = withCitations ? WithCitationsSql : Sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.Value = ids;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException("The statement reading papers' authors and links returned no row.");
            }
            var kindOf = LinkKind(db);
            var stored = reader.IsDBNull(0) ? [] : reader.GetFieldValue<int[]>(0);
            var details = new PaperDetails(
                ReadAuthors(reader.GetString(1), []),
                ReadLinks(reader.GetString(2), kindOf, []),
                withCitations ? ReadCitations(reader.GetString(3), []) : []);
            await reader.DisposeAsync();
            if (ids.Except(stored).ToArray() is { Length: > 0 } missing)
            {
                details.Authors.AddRange(await ReadAuthorsFromTablesAsync(db, missing, ct));
            }
            return details;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The authors of papers <paramref name="ids"/> read from the tables, not from what PostgreSQL keeps written.</summary>
    internal static async Task<List<PaperAuthorRow>> ReadAuthorsFromTablesAsync(AppDbContext db, int[] ids, CancellationToken ct) =>
        await AuthorsOf.For(db)(db, ids).ToListAsync(ct);

    /// <summary>Adds the author rows of <paramref name="json"/> (as PostgreSQL keeps them written: migration PublicationAuthorListsStored) to <paramref name="into"/>.</summary>
    internal static List<PaperAuthorRow> ReadAuthors(string json, List<PaperAuthorRow> into) => Read(json, into, row => new PaperAuthorRow(
        row[0].GetInt32(), row[1].GetString()!, row[2].ValueKind == JsonValueKind.Null ? null : row[2].GetInt32(),
        row[3].GetString(), row[4].GetBoolean(), row[5].GetBoolean()));

    /// <summary>Adds the links of <paramref name="json"/> (written by <see cref="LinksJson"/>) to <paramref name="into"/>.</summary>
    internal static List<PublicationLink> ReadLinks(string json, ValueConverter kindOf, List<PublicationLink> into) => Read(json, into, row => new PublicationLink
    {
        Id = row[0].GetInt32(),
        PublicationId = row[1].GetInt32(),
        SortOrder = row[2].GetInt32(),
        Kind = (PublicationLinkKind)kindOf.ConvertFromProvider(row[3].GetString())!,
        Label = row[4].GetString(),
        Url = row[5].GetString()!,
    });

    /// <summary>Adds the counts of <paramref name="json"/> (written by <see cref="CitationsJson"/>) to <paramref name="into"/>.</summary>
    internal static List<CitationCount> ReadCitations(string json, List<CitationCount> into) => Read(json, into, row => new CitationCount
    {
        PublicationId = row[0].GetInt32(),
        Count = row[1].GetInt32(),
        Source = row[2].GetString()!,
        // As EF reads a timestamp with time zone: in UTC, whatever the session's zone.
        ReadAt = DateTimeOffset.Parse(row[3].GetString()!, CultureInfo.InvariantCulture).ToUniversalTime(),
    });

    private static List<T> Read<T>(string json, List<T> into, Func<JsonElement[], T> make)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var row in document.RootElement.EnumerateArray())
        {
            into.Add(make([.. row.EnumerateArray()]));
        }
        return into;
    }

    /// <summary>How the model stores a link's kind (by name): the statement reads the stored value and converts it as EF would.</summary>
    internal static ValueConverter LinkKind(AppDbContext db) => Converter(db, typeof(PublicationLink), nameof(PublicationLink.Kind));

    /// <summary>The model's converter for a property the statements read as its stored value.</summary>
    internal static ValueConverter Converter(AppDbContext db, Type entity, string property) =>
        db.Model.FindEntityType(entity)?.FindProperty(property)?.GetTypeMapping().Converter
            ?? throw new NotSupportedException($"{entity.Name}.{property} is stored without a converter, which the statement does not read.");

    // The fragments' aliases are their own: they are placed inside statements with aliases of theirs.
    /// <summary>A JSON array of the links of the papers whose id is <paramref name="papers"/>.</summary>
    internal static string LinksJson(string papers) => $"""
        (SELECT coalesce(json_agg(json_build_array(pl."Id", pl."PublicationId", pl."SortOrder", pl."Kind", pl."Label", pl."Url") ORDER BY pl."SortOrder", pl."Id"), '[]')
         FROM "PublicationLinks" AS pl WHERE pl."PublicationId" {papers})
        """;

    // Only counts above zero are shown; a paper has at most one.
    /// <summary>A JSON array of the counts above zero of the papers whose id is <paramref name="papers"/>.</summary>
    internal static string CitationsJson(string papers) => $"""
        (SELECT coalesce(json_agg(json_build_array(cc."PublicationId", cc."Count", cc."Source", cc."ReadAt")), '[]')
         FROM "CitationCounts" AS cc WHERE cc."PublicationId" {papers} AND cc."Count" > 0)
        """;

    // The papers whose authors are kept written, and those authors as one JSON array: each paper's
    // array without its brackets, joined with commas (an empty one left out), so PostgreSQL
    // concatenates text rather than parsing JSON and writing it again. An aggregate without
    // GROUP BY gives its one row even when no paper has a stored list.
    private const string StoredAuthors = """
        (SELECT array_agg(pal."PublicationId") AS "Papers",
                '[' || coalesce(string_agg(nullif(substr(pal."Authors", 2, length(pal."Authors") - 2), ''), ','), '') || ']' AS "Authors"
         FROM "PublicationAuthorLists" AS pal WHERE pal."PublicationId" = ANY($1)) AS stored
        """;

    private static readonly string Sql = $"SELECT stored.\"Papers\", stored.\"Authors\",\n{LinksJson("= ANY($1)")}\nFROM {StoredAuthors}";

    private static readonly string WithCitationsSql = $"SELECT stored.\"Papers\", stored.\"Authors\",\n{LinksJson("= ANY($1)")},\n{CitationsJson("= ANY($1)")}\nFROM {StoredAuthors}";

    private static readonly CompiledQuery<Func<AppDbContext, int[], IAsyncEnumerable<CitationCount>>> CitationsOf = new(() => EF.CompileAsyncQuery<AppDbContext, int[], CitationCount>(
        (AppDbContext db, int[] ids) => db.CitationCounts.Where(c => ids.Contains(c.PublicationId) && c.Count > 0)));

    // Compiled: every uncached profile and list runs both. The ids go as one parameter
    // (DatabaseProviders.UseProvider), so their SQL is written once whatever their number.
    // A linked author's address is looked up by key for each author row, as a subquery rather than
    // a join. PostgreSQL plans this statement afresh on every page (its cost depends on how many
    // papers there are), and for a long list it chose to hash every researcher of the site to join
    // a few hundred authors; the subquery leaves it no such choice and is quicker to plan
    // (tests/benchmarks/RESULTS.md).
    private static readonly CompiledQuery<Func<AppDbContext, int[], IAsyncEnumerable<PaperAuthorRow>>> AuthorsOf = new(() => EF.CompileAsyncQuery<AppDbContext, int[], PaperAuthorRow>(
        (AppDbContext db, int[] ids) => db.PublicationAuthors
            .Where(a => ids.Contains(a.PublicationId))
            .OrderBy(a => a.PublicationId).ThenBy(a => a.Position)
            .Select(a => new PaperAuthorRow(
                a.PublicationId,
                a.Name,
                a.ResearcherId,
                db.Researchers.Where(r => r.Id == a.ResearcherId && !r.IsHidden && r.DeletedAt == null).Select(r => r.Slug).FirstOrDefault(),
                a.EqualContribution,
                a.Corresponding))));

    private static readonly CompiledQuery<Func<AppDbContext, int[], IAsyncEnumerable<PublicationLink>>> LinksOf = new(() => EF.CompileAsyncQuery<AppDbContext, int[], PublicationLink>(
        (AppDbContext db, int[] ids) => db.PublicationLinks
            .Where(l => ids.Contains(l.PublicationId))
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new PublicationLink { Id = l.Id, PublicationId = l.PublicationId, SortOrder = l.SortOrder, Kind = l.Kind, Label = l.Label, Url = l.Url })));
}
