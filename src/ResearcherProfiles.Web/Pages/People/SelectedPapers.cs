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
    /// The first <c>$2</c> selected papers of the public profile <c>$1</c> (its slug) with their
    /// authors, links and, when the profile shows them, cited-by counts, in one PostgreSQL statement:
    /// each paper's row carries its stored authors and its details as JSON arrays (<see cref="PaperDetails"/>). A profile page
    /// sends it in one batch with its fields and lists (<see cref="ProfileRead"/>).
    /// </summary>
    internal static DbBatchCommand SelectedBySlugCommand(DbBatch batch, string slug, int count)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var command = batch.CreateBatchCommand();
        command.CommandText = SelectedBySlugSql;
        foreach (var value in new object[] { slug, count })
        {
            var parameter = command.CreateParameter();
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>
    /// The papers of <see cref="SelectedBySlugCommand"/>'s result, which <paramref name="reader"/> is
    /// at, with their links and counts, and their authors as stored; <see cref="FinishSelectedAsync"/>
    /// makes them the page's papers once the batch is read.
    /// </summary>
    internal static async Task<SelectedRead> ReadSelectedAsync(AppDbContext db, DbDataReader reader, bool withCitations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stored = StoredAs.For(db);
        var read = new SelectedRead([], new PaperDetails([], [], []), []);
        while (await reader.ReadAsync(ct))
        {
            var row = ReadPaper(reader, stored);
            read.Rows.Add(row);
            if (reader.IsDBNull(PaperColumns.Length))
            {
                read.WithoutAuthors.Add(row.PublicationId);
            }
            else
            {
                PaperDetails.ReadAuthors(reader.GetString(PaperColumns.Length), read.Details.Authors);
            }
            PaperDetails.ReadLinks(reader.GetString(PaperColumns.Length + 1), stored.LinkKind, read.Details.Links);
            // Null in a batch that found the profile no longer showing counts (ProfileRead).
            if (withCitations && !reader.IsDBNull(PaperColumns.Length + 2))
            {
                PaperDetails.ReadCitations(reader.GetString(PaperColumns.Length + 2), read.Details.Citations);
            }
        }
        return read;
    }

    /// <summary>The selected papers as a batch read them: a paper's authors wait in <see cref="WithoutAuthors"/> when they are not stored.</summary>
    internal sealed record SelectedRead(List<PaperRow> Rows, PaperDetails Details, List<int> WithoutAuthors);

    /// <summary>The papers of <paramref name="read"/>, the authors not stored read from the tables first.</summary>
    internal static async Task<IReadOnlyList<PublicationView>> FinishSelectedAsync(AppDbContext db, int researcherId, SelectedRead read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.WithoutAuthors.Count > 0)
        {
            read.Details.Authors.AddRange(await PaperDetails.ReadAuthorsFromTablesAsync(db, [.. read.WithoutAuthors], ct));
        }
        return Views(researcherId, read.Rows, read.Details, withBibtex: false);
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

    // The profile is found first, then its selection (whose index gives the order and the limit),
    // then each chosen paper is joined with its row, its stored authors (migration
    // PublicationAuthorListsStored) and its details: the JSON is built for those papers only.
    private static readonly string SelectedBySlugSql = $"""
        SELECT {string.Join(", ", PaperColumns.Select(c => c.Trim()))},
        authors."Authors",
        {PaperDetails.LinksJson("= chosen.\"PublicationId\"")},
        CASE WHEN me."ShowCitationCounts" THEN {PaperDetails.CitationsJson("= chosen.\"PublicationId\"")} END
        FROM {ProfileRead.ProfileBySlug} AS me
        CROSS JOIN LATERAL (SELECT pp."PublicationId", pp."IsHighlighted", pp."SortOrder"
              FROM "ProfilePublications" AS pp
              WHERE pp."ResearcherId" = me."Id" AND pp."IsVisible" AND pp."IsHighlighted"
              ORDER BY pp."SortOrder", pp."PublicationId"
              LIMIT $2) AS chosen
        JOIN "Publications" AS p ON p."Id" = chosen."PublicationId"
        LEFT JOIN "PublicationAuthorLists" AS authors ON authors."PublicationId" = chosen."PublicationId"
        ORDER BY chosen."SortOrder", chosen."PublicationId"
        """;

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
