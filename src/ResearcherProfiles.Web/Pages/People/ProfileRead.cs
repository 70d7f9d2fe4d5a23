using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Hosting;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// An uncached profile page on PostgreSQL in one round trip: the profile's own fields with the home
/// profile, its stored lists (<see cref="ProfileLists"/>), its first selected papers and its cited-by
/// total go to the server as one batch, each statement finding the profile by its slug. The fields are read as
/// <see cref="ResearcherHeader.FindAsync(AppDbContext, HomeProfile, string, CancellationToken)"/>
/// reads them; which lists hold anything is known from the lists themselves, which are read whole.
/// The selected papers and the total are read whatever the fields say (the page leaves them out
/// when the profile hides its papers); the total only when the profile shows counts.
/// </summary>
public static class ProfileRead
{
    /// <summary>The public profile whose slug is <c>$1</c>, as a subquery of at most one row: its id and whether it shows counts.</summary>
    internal const string ProfileBySlug = """
        (SELECT r."Id", r."ShowCitationCounts" FROM "Researchers" AS r WHERE r."Slug" = $1 AND NOT r."IsHidden" AND r."DeletedAt" IS NULL)
        """;

    private static string? _headerSql;

    /// <summary>
    /// The public profile <paramref name="slug"/> and its lists, with its first <paramref name="selectedCount"/>
    /// selected papers; null when there is none. <paramref name="home"/> learns the site's home profile.
    /// </summary>
    public static async Task<(ResearcherHeader Header, ProfileLists Lists)?> FindAsync(
        AppDbContext db, HomeProfile home, string slug, int selectedCount, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(slug);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var header = batch.CreateBatchCommand();
            header.CommandText = _headerSql ??= HeaderSql(db);
            foreach (var value in new[] { slug, home.ConfiguredSlug ?? string.Empty })
            {
                var parameter = header.CreateParameter();
                parameter.Value = value;
                header.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(header);
            batch.BatchCommands.Add(ProfileLists.BySlugCommand(batch, slug));
            batch.BatchCommands.Add(PublicationQueries.SelectedBySlugCommand(batch, slug, selectedCount));
            batch.BatchCommands.Add(CitationTotal.BySlugCommand(batch, slug));

            Fields fields;
            ProfileLists? lists;
            PublicationQueries.SelectedRead papers;
            CitationTotal? total;
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct))
                {
                    return null;
                }
                fields = ReadFields(reader);
                // Each statement sees the data as it stands when it starts: a profile hidden in between
                // is not found by the next, and is not shown.
                if (!await reader.NextResultAsync(ct) || await ProfileLists.ReadBySlugAsync(db, reader, ct) is not (true, var stored)
                    || !await reader.NextResultAsync(ct))
                {
                    return null;
                }
                lists = stored;
                papers = await PublicationQueries.ReadSelectedAsync(db, reader, fields.ShowCitationCounts, ct);
                total = await reader.NextResultAsync(ct) ? await CitationTotal.ReadAsync(reader, ct) : null;
            }
            // Lists or authors not stored are read from the tables, once the batch is read.
            lists ??= await ProfileLists.ReadInOneStatementAsync(db, fields.Id, ct);
            var selected = await PublicationQueries.FinishSelectedAsync(db, fields.Id, papers, ct);
            var found = fields.With(lists);
            home.ReadWith(found.Home);
            return (found, lists.With(selected, total, citationsRead: fields.ShowCitationCounts));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The profile's fields as the header statement gives them; which lists hold anything comes from the lists.</summary>
    private sealed record Fields(
        int Id, string Slug, string DisplayName, string? Pronouns, string? Headline, string? Affiliation, string? Location,
        string? PhotoPath, string? Email, string? Phone, string? Website, List<string> Interests, List<string> Skills,
        string? AboutMarkdown, string? AboutHtml, string? PublicationsNote, string? PublicationsNoteHtml, int? RenderedWith,
        bool ShowCitationCounts, bool OfferCv, bool ShowsPublications, string? GivenName, string FamilyName,
        List<string> NameVariants, DateTimeOffset UpdatedAt, int Publications, int SelectedPublications,
        DateTimeOffset? LastRevisionAt, string? HomeSlug, string? HomeName)
    {
        public ResearcherHeader With(ProfileLists lists) => new(
            Id, Slug, DisplayName, Pronouns, Headline, Affiliation, Location, PhotoPath, Email, Phone, Website,
            Interests, Skills, AboutMarkdown, AboutHtml, PublicationsNote, PublicationsNoteHtml, RenderedWith,
            ShowCitationCounts, OfferCv, ShowsPublications, GivenName, FamilyName, NameVariants, UpdatedAt,
            new VisibleContent(
                lists.Links.Count > 0, lists.News.Count > 0, Publications, SelectedPublications, lists.Projects.Count > 0,
                lists.Education.Count > 0, lists.Positions.Count > 0, lists.Awards.Count > 0, lists.Service.Count > 0,
                lists.Talks.Count > 0, lists.Writing.Count > 0, LastRevisionAt),
            HomeSlug, HomeName);
    }

    private static Fields ReadFields(DbDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new Fields(
            reader.GetInt32(0), reader.GetString(1), reader.GetString(2), Text(3), Text(4), Text(5), Text(6), Text(7), Text(8), Text(9), Text(10),
            reader.GetFieldValue<List<string>>(11), reader.GetFieldValue<List<string>>(12), Text(13), Text(14), Text(15), Text(16),
            reader.IsDBNull(17) ? null : reader.GetInt32(17), reader.GetBoolean(18), reader.GetBoolean(19), reader.GetBoolean(20),
            Text(21), reader.GetString(22), reader.GetFieldValue<List<string>>(23), reader.GetFieldValue<DateTimeOffset>(24),
            reader.GetInt32(25), reader.GetInt32(26), reader.IsDBNull(27) ? null : reader.GetFieldValue<DateTimeOffset>(27),
            Text(28), Text(29));
    }

    /// <summary>
    /// The profile's fields, in <see cref="Fields"/>' order: the address and phone only when shown;
    /// whether the Publications section is shown; the visible and the selected papers counted in one
    /// pass; the newest revision; the home profile, the administrator's choice once the settings are
    /// saved, else the configured slug (<c>$2</c>; an empty one is no profile's).
    /// </summary>
    private static string HeaderSql(AppDbContext db)
    {
        var publications = PaperDetails.Converter(db, typeof(ProfileSection), nameof(ProfileSection.Kind))
            .ConvertToProvider(ProfileSectionKind.Publications) as string
            ?? throw new NotSupportedException("A section's kind is not stored as text, which the profile's statement compares it with.");
        return $"""
            SELECT r."Id", r."Slug", r."DisplayName", r."Pronouns", r."Headline", r."Affiliation", r."Location", r."PhotoPath",
                   CASE WHEN r."ShowEmail" THEN r."Email" END, CASE WHEN r."ShowPhone" THEN r."Phone" END,
                   r."Website", r."Interests", r."Skills", r."AboutMarkdown", r."AboutHtml", r."PublicationsNote", r."PublicationsNoteHtml",
                   r."RenderedWith", r."ShowCitationCounts", r."OfferCv",
                   NOT EXISTS (SELECT 1 FROM "ProfileSections" AS s WHERE s."ResearcherId" = r."Id" AND s."Kind" = '{publications}' AND NOT s."IsVisible"),
                   r."GivenName", r."FamilyName", r."NameVariants", r."UpdatedAt",
                   papers.visible, papers.selected,
                   (SELECT v."At" FROM "Revisions" AS v WHERE v."ResearcherId" = r."Id" ORDER BY v."Id" DESC LIMIT 1),
                   home."Slug", home."DisplayName"
            FROM "Researchers" AS r
            CROSS JOIN LATERAL (SELECT count(*)::int AS visible, (count(*) FILTER (WHERE pp."IsHighlighted"))::int AS selected
                                FROM "ProfilePublications" AS pp WHERE pp."ResearcherId" = r."Id" AND pp."IsVisible") AS papers
            LEFT JOIN LATERAL (SELECT h."Slug", h."DisplayName" FROM "Researchers" AS h
                               WHERE h."Id" = CASE WHEN EXISTS (SELECT 1 FROM "SiteSettings")
                                                   THEN (SELECT st."HomeProfileId" FROM "SiteSettings" AS st WHERE st."Id" = {SiteSettings.SingletonId})
                                                   ELSE (SELECT c."Id" FROM "Researchers" AS c WHERE c."Slug" = $2) END
                                 AND NOT h."IsHidden" AND h."DeletedAt" IS NULL) AS home ON TRUE
            WHERE r."Slug" = $1 AND NOT r."IsHidden" AND r."DeletedAt" IS NULL
            """;
    }
}
