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
/// lists). On SQLite each is a compiled query of its own, as a query there is a call into the
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

    /// <summary>Authors, links and counts in one PostgreSQL statement, in the orders <see cref="ReadEachAsync"/> gives them.</summary>
    public static async Task<PaperDetails> ReadInOneStatementAsync(AppDbContext db, int[] ids, bool withCitations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var kind = LinkKind(db);
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
            return new PaperDetails(
                Rows(reader.GetString(0), row => new PaperAuthorRow(
                    row[0].GetInt32(), row[1].GetString()!, row[2].ValueKind == JsonValueKind.Null ? null : row[2].GetInt32(),
                    row[3].GetString(), row[4].GetBoolean(), row[5].GetBoolean())),
                Rows(reader.GetString(1), row => new PublicationLink
                {
                    Id = row[0].GetInt32(),
                    PublicationId = row[1].GetInt32(),
                    SortOrder = row[2].GetInt32(),
                    Kind = (PublicationLinkKind)kind.ConvertFromProvider(row[3].GetString())!,
                    Label = row[4].GetString(),
                    Url = row[5].GetString()!,
                }),
                withCitations
                    ? Rows(reader.GetString(2), row => new CitationCount
                    {
                        PublicationId = row[0].GetInt32(),
                        Count = row[1].GetInt32(),
                        Source = row[2].GetString()!,
                        ReadAt = DateTimeOffset.Parse(row[3].GetString()!, CultureInfo.InvariantCulture).ToUniversalTime(),
                    })
                    : []);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static List<T> Rows<T>(string json, Func<JsonElement[], T> make)
    {
        using var document = JsonDocument.Parse(json);
        var rows = new List<T>(document.RootElement.GetArrayLength());
        foreach (var row in document.RootElement.EnumerateArray())
        {
            rows.Add(make([.. row.EnumerateArray()]));
        }
        return rows;
    }

    /// <summary>How the model stores a link's kind (by name): the statement reads the stored value and converts it as EF would.</summary>
    private static ValueConverter LinkKind(AppDbContext db) =>
        db.Model.FindEntityType(typeof(PublicationLink))?.FindProperty(nameof(PublicationLink.Kind))?.GetTypeMapping().Converter
            ?? throw new NotSupportedException("A publication link's kind is stored without a converter, which the statement does not read.");

    // The linked author's address is looked up by key for each author row, as AuthorsOf does.
    private const string AuthorsSql = """
        (SELECT coalesce(json_agg(json_build_array(a."PublicationId", a."Name", a."ResearcherId",
                    (SELECT r."Slug" FROM "Researchers" AS r WHERE r."Id" = a."ResearcherId" AND NOT r."IsHidden" AND r."DeletedAt" IS NULL),
                    a."EqualContribution", a."Corresponding") ORDER BY a."PublicationId", a."Position"), '[]')
         FROM "PublicationAuthors" AS a WHERE a."PublicationId" = ANY($1))
        """;

    private const string LinksSql = """
        (SELECT coalesce(json_agg(json_build_array(l."Id", l."PublicationId", l."SortOrder", l."Kind", l."Label", l."Url") ORDER BY l."SortOrder", l."Id"), '[]')
         FROM "PublicationLinks" AS l WHERE l."PublicationId" = ANY($1))
        """;

    // Only counts above zero are shown; a paper has at most one.
    private const string CitationsSql = """
        (SELECT coalesce(json_agg(json_build_array(c."PublicationId", c."Count", c."Source", c."ReadAt")), '[]')
         FROM "CitationCounts" AS c WHERE c."PublicationId" = ANY($1) AND c."Count" > 0)
        """;

    private const string Sql = "SELECT " + AuthorsSql + ",\n" + LinksSql;

    private const string WithCitationsSql = Sql + ",\n" + CitationsSql;

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
