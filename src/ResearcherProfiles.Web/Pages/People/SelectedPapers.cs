using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// The first papers a profile's owner selected, in their order, as <see cref="LoadAsync"/> reads them
/// without BibTeX: what every uncached profile shows (<see cref="ProfileLists.ReadAsync"/> asks for them).
/// </summary>
public static partial class PublicationQueries
{
    /// <summary>The selected papers by a compiled query, then their authors, links and counts (<see cref="PaperDetails.ReadAsync"/>): SQLite's way.</summary>
    public static async Task<IReadOnlyList<PublicationView>> SelectedEachAsync(
        AppDbContext db, int researcherId, int count, bool withCitations, CancellationToken ct) =>
        await CompleteAsync(db, researcherId, await Selected.For(db)(db, researcherId, count).ToListAsync(ct), withCitations, withBibtex: false, ct);

    /// <summary>
    /// The selected papers with their authors, links and counts in one PostgreSQL statement: each
    /// paper's row carries its details as JSON arrays (<see cref="PaperDetails"/>). A profile page
    /// sends it in one batch with its lists' statement.
    /// </summary>
    public static async Task<IReadOnlyList<PublicationView>> SelectedInOneStatementAsync(
        AppDbContext db, int researcherId, int count, bool withCitations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            batch.BatchCommands.Add(SelectedCommand(db, batch, researcherId, count, withCitations));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            return await ReadSelectedAsync(db, reader, researcherId, withCitations, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The statement of <see cref="SelectedInOneStatementAsync"/>, as a command of <paramref name="batch"/> (PostgreSQL's SQL).</summary>
    internal static DbBatchCommand SelectedCommand(AppDbContext db, DbBatch batch, int researcherId, int count, bool withCitations)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var command = batch.CreateBatchCommand();
        command.CommandText = withCitations ? SelectedWithCitationsSql : SelectedSql;
        foreach (var value in new[] { researcherId, count })
        {
            var parameter = command.CreateParameter();
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>The papers of <see cref="SelectedCommand"/>'s result, which <paramref name="reader"/> is at.</summary>
    internal static async Task<IReadOnlyList<PublicationView>> ReadSelectedAsync(AppDbContext db, DbDataReader reader, int researcherId, bool withCitations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stored = StoredAs.For(db);
        var rows = new List<PaperRow>();
        var details = new PaperDetails([], [], []);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(ReadPaper(reader, stored));
            PaperDetails.ReadAuthors(reader.GetString(PaperColumns.Length), details.Authors);
            PaperDetails.ReadLinks(reader.GetString(PaperColumns.Length + 1), stored.LinkKind, details.Links);
            if (withCitations)
            {
                PaperDetails.ReadCitations(reader.GetString(PaperColumns.Length + 2), details.Citations);
            }
        }
        return Views(researcherId, rows, details, withBibtex: false);
    }

    /// <summary>The columns of a <see cref="PaperRow"/>, in its order; the selection's own flag comes from its entry.</summary>
    private static readonly string[] PaperColumns =
    [
        """p."Id" """, """chosen."IsHighlighted" """, """p."Title" """, """p."VenueName" """, """p."VenueShort" """, """p."Year" """,
        """p."Month" """, """p."Type" """, """p."Status" """, """p."Badges" """, """p."Doi" """, """p."ArxivId" """, """p."Url" """,
        """p."Summary" """, """p."Volume" """, """p."Number" """, """p."Pages" """, """p."Publisher" """, """p."Note" """,
        """p."Keywords" """, """p."CitationKey" """,
    ];

    private static PaperRow ReadPaper(DbDataReader reader, StoredAs stored)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        int? Number(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
        return new PaperRow(
            reader.GetInt32(0), reader.GetBoolean(1), reader.GetString(2), Text(3), Text(4), Number(5), Number(6),
            (PublicationType)stored.Type.ConvertFromProvider(reader.GetString(7))!,
            (PublicationStatus)stored.Status.ConvertFromProvider(reader.GetString(8))!,
            reader.GetFieldValue<List<string>>(9), Text(10), Text(11), Text(12), Text(13), Text(14), Text(15), Text(16), Text(17), Text(18),
            reader.GetFieldValue<List<string>>(19), Text(20));
    }

    // The selection is made first (its index gives the order and the limit), then each chosen paper
    // is joined with its row and details: the JSON is built for those papers only.
    private static readonly string SelectedFrom = """
        FROM (SELECT pp."PublicationId", pp."IsHighlighted", pp."SortOrder"
              FROM "ProfilePublications" AS pp
              WHERE pp."ResearcherId" = $1 AND pp."IsVisible" AND pp."IsHighlighted"
              ORDER BY pp."SortOrder", pp."PublicationId"
              LIMIT $2) AS chosen
        JOIN "Publications" AS p ON p."Id" = chosen."PublicationId"
        ORDER BY chosen."SortOrder", chosen."PublicationId"
        """;

    private static readonly string SelectedColumns =
        string.Join(", ", PaperColumns.Select(c => c.Trim())) + ",\n"
        + PaperDetails.AuthorsJson("""= chosen."PublicationId" """) + ",\n" + PaperDetails.LinksJson("""= chosen."PublicationId" """);

    private static readonly string SelectedSql = $"SELECT {SelectedColumns}\n{SelectedFrom}";

    private static readonly string SelectedWithCitationsSql =
        $"SELECT {SelectedColumns},\n{PaperDetails.CitationsJson("""= chosen."PublicationId" """)}\n{SelectedFrom}";

    /// <summary>The model's converters for the values the statement reads as stored (enums by name).</summary>
    private sealed record StoredAs(ValueConverter Type, ValueConverter Status, ValueConverter LinkKind)
    {
        private static StoredAs? _postgres;

        public static StoredAs For(AppDbContext db) => _postgres ??= new StoredAs(
            PaperDetails.Converter(db, typeof(Publication), nameof(Publication.Type)),
            PaperDetails.Converter(db, typeof(Publication), nameof(Publication.Status)),
            PaperDetails.LinkKind(db));
    }
}
