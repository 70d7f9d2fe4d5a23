using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// A profile's own lists as its pages show them: the layout and every visible link, news item,
/// degree, position, award, service role, talk, piece of writing and project. On PostgreSQL, where
/// each query is a round trip, they are read in one statement: each list is a JSON array of rows,
/// in the order the page shows it, and the rows become the entities EF would have read, column by
/// column as the model maps them (about a tenth more uncached profiles a second on the 10k site).
/// The arrays are kept written in "ProfileLists" by the database's triggers whenever a list changes
/// (migration ProfileListsStored), so a page reads one row; a profile without that row has its
/// lists built from the tables by the same statement the triggers run. On SQLite a query is a call
/// into the app's own process: there each list that holds anything is read by a compiled query of
/// its own, which measured cheaper than building and parsing the JSON.
/// </summary>
public sealed class ProfileLists
{
    /// <summary>The sections in the owner's order, those never saved with their defaults (<see cref="SectionLayout"/>).</summary>
    public required IReadOnlyList<ProfileSection> Layout { get; init; }
    public required List<ProfileLink> Links { get; init; }
    /// <summary>Newest first.</summary>
    public required List<NewsItem> News { get; init; }
    public required List<Education> Education { get; init; }
    public required List<Position> Positions { get; init; }
    public required List<Award> Awards { get; init; }
    public required List<ServiceRole> Service { get; init; }
    public required List<Talk> Talks { get; init; }
    public required List<WritingItem> Writing { get; init; }
    public required List<Project> Projects { get; init; }

    /// <summary>The selected papers asked for (<see cref="SelectedPapers"/>), else empty.</summary>
    public IReadOnlyList<PublicationView> Selected { get; init; } = [];

    /// <summary>The profile's cited-by total when the selected papers were asked for with their counts (<see cref="SelectedPapers.WithCitations"/>).</summary>
    public CitationTotal? Citations { get; init; }

    /// <summary>Whether <see cref="Citations"/> was read (null then means no paper has a count above zero).</summary>
    public bool CitationsRead { get; init; }

    /// <summary>The lists in the statement's order: entity type, whether only visible rows are read, and the order.</summary>
    private static readonly (Type Type, bool VisibleOnly, string OrderBy)[] Lists =
    [
        (typeof(ProfileSection), false, """t."SortOrder", t."Id" """),
        (typeof(ProfileLink), true, """t."SortOrder", t."Id" """),
        (typeof(NewsItem), true, """t."Date" DESC, t."SortOrder", t."Id" """),
        (typeof(Education), true, """t."SortOrder", t."Id" """),
        (typeof(Position), true, """t."SortOrder", t."Id" """),
        (typeof(Award), true, """t."SortOrder", t."Id" """),
        (typeof(ServiceRole), true, """t."SortOrder", t."Id" """),
        (typeof(Talk), true, """t."SortOrder", t."Id" """),
        (typeof(WritingItem), true, """t."SortOrder", t."Id" """),
        (typeof(Project), true, """t."SortOrder", t."Id" """),
    ];

    /// <summary>The statement and the row readers, made once per provider from the model.</summary>
    private sealed record Statement(string Sql, RowReader[] Readers);

    private static readonly ConcurrentDictionary<string, Statement> Statements = new(StringComparer.Ordinal);

    /// <summary>
    /// The lists of profile <paramref name="researcherId"/>, whose fields say which lists hold
    /// anything (<paramref name="content"/>), with its first selected papers when <paramref name="selected"/>
    /// asks for them: on PostgreSQL every list in one statement, on SQLite each list that holds
    /// anything. (A profile page on PostgreSQL reads all of it in one round trip: <see cref="ProfileRead"/>.)
    /// </summary>
    public static async Task<ProfileLists> ReadAsync(AppDbContext db, int researcherId, VisibleContent content, SelectedPapers? selected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lists = db.Database.IsNpgsql()
            ? await ReadStoredAsync(db, researcherId, ct) ?? await ReadInOneStatementAsync(db, researcherId, ct)
            : await ReadEachAsync(db, researcherId, content, ct);
        return selected is null ? lists : await lists.WithSelectedAsync(db, researcherId, selected, ct);
    }

    /// <summary>These lists with the selected papers (and the cited-by total) read by a query each.</summary>
    private async Task<ProfileLists> WithSelectedAsync(AppDbContext db, int researcherId, SelectedPapers selected, CancellationToken ct) => With(
        await PublicationQueries.SelectedEachAsync(db, researcherId, selected.Count, selected.WithCitations, ct),
        selected.WithCitations ? await CitationTotal.ForProfileAsync(db, researcherId, ct) : null, selected.WithCitations);

    /// <summary>These lists with <paramref name="selected"/> papers and, when <paramref name="citationsRead"/>, the total <paramref name="citations"/>.</summary>
    internal ProfileLists With(IReadOnlyList<PublicationView> selected, CitationTotal? citations, bool citationsRead) => new()
    {
        Layout = Layout, Links = Links, News = News, Education = Education, Positions = Positions, Awards = Awards,
        Service = Service, Talks = Talks, Writing = Writing, Projects = Projects, Selected = selected,
        Citations = citationsRead ? citations : null, CitationsRead = citationsRead,
    };

    /// <summary>Each list that holds anything by a query of its own.</summary>
    public static async Task<ProfileLists> ReadEachAsync(AppDbContext db, int researcherId, VisibleContent content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        async Task<List<T>> Of<T>(bool any) where T : ProfileItem => any ? await VisibleItems.OfAsync<T>(db, researcherId, ct) : [];
        return new ProfileLists
        {
            Layout = await SectionLayout.LoadAsync(db, researcherId, ct),
            Links = await Of<ProfileLink>(content.Links),
            News = content.News ? await NewestNews.For(db)(db, researcherId).ToListAsync(ct) : [],
            Education = await Of<Education>(content.Education),
            Positions = await Of<Position>(content.Positions),
            Awards = await Of<Award>(content.Awards),
            Service = await Of<ServiceRole>(content.Service),
            Talks = await Of<Talk>(content.Talks),
            Writing = await Of<WritingItem>(content.Writing),
            Projects = await Of<Project>(content.Projects),
        };
    }

    /// <summary>The profile's visible news, newest first (compiled, as <see cref="VisibleItems"/> are).</summary>
    private static readonly CompiledQuery<Func<AppDbContext, int, IAsyncEnumerable<NewsItem>>> NewestNews = new(() => EF.CompileAsyncQuery<AppDbContext, int, NewsItem>(
        (AppDbContext db, int researcherId) => db.News.Where(n => n.ResearcherId == researcherId && n.IsVisible)
            .OrderByDescending(n => n.Date).ThenBy(n => n.SortOrder)));

    /// <summary>Every list in one statement.</summary>
    public static async Task<ProfileLists> ReadInOneStatementAsync(AppDbContext db, int researcherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.IsNpgsql();
        var statement = Statements.GetOrAdd(postgres ? "postgres" : "sqlite", _ => Make(db.Model, postgres));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = statement.Sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.Add(Parameter(command.CreateParameter(), postgres, researcherId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadRowAsync(reader, statement, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The columns of "ProfileLists", in the order of <see cref="Lists"/>.</summary>
    private const string StoredColumns = """d."Layout", d."Links", d."News", d."Education", d."Positions", d."Awards", d."Service", d."Talks", d."Writing", d."Projects" """;

    /// <summary>The lists of profile <paramref name="researcherId"/> as PostgreSQL keeps them written; null when it has no row of them.</summary>
    public static async Task<ProfileLists?> ReadStoredAsync(AppDbContext db, int researcherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"""SELECT {StoredColumns} FROM "ProfileLists" AS d WHERE d."ResearcherId" = $1""";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.Add(Parameter(command.CreateParameter(), postgres: true, researcherId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? ReadRow(reader, Postgres(db), first: 0) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbParameter Parameter(DbParameter parameter, bool postgres, int researcherId)
    {
        // PostgreSQL's positional parameter needs no name, so Npgsql sends the text as it is.
        if (!postgres)
        {
            parameter.ParameterName = "@id";
        }
        parameter.Value = researcherId;
        return parameter;
    }

    private static async Task<ProfileLists> ReadRowAsync(DbDataReader reader, Statement statement, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException("The statement reading a profile's lists returned no row.");
        }
        return ReadRow(reader, statement, first: 0);
    }

    /// <summary>The lists of the row <paramref name="reader"/> is at, the first in column <paramref name="first"/>.</summary>
    private static ProfileLists ReadRow(DbDataReader reader, Statement statement, int first)
    {
        var lists = new object[Lists.Length];
        for (var i = 0; i < Lists.Length; i++)
        {
            lists[i] = statement.Readers[i].Read(reader.GetString(first + i));
        }
        return new ProfileLists
        {
            Layout = SectionLayout.Complete((List<ProfileSection>)lists[0]),
            Links = (List<ProfileLink>)lists[1],
            News = (List<NewsItem>)lists[2],
            Education = (List<Education>)lists[3],
            Positions = (List<Position>)lists[4],
            Awards = (List<Award>)lists[5],
            Service = (List<ServiceRole>)lists[6],
            Talks = (List<Talk>)lists[7],
            Writing = (List<WritingItem>)lists[8],
            Projects = (List<Project>)lists[9],
        };
    }

    /// <summary>
    /// The stored lists of the public profile <c>$1</c> (its slug) on PostgreSQL, for a batch sent
    /// before the profile's own fields are known (<see cref="ProfileRead"/>): no row when there is no
    /// such profile, no lists in it when the profile has no stored row.
    /// </summary>
    internal static DbBatchCommand BySlugCommand(DbBatch batch, string slug)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var command = batch.CreateBatchCommand();
        command.CommandText = $"""SELECT {StoredColumns} FROM {ProfileRead.ProfileBySlug} AS me LEFT JOIN "ProfileLists" AS d ON d."ResearcherId" = me."Id" """;
        var parameter = command.CreateParameter();
        parameter.Value = slug;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>
    /// What <see cref="BySlugCommand"/> found, which <paramref name="reader"/> is at: whether the
    /// profile is there, and its lists unless it has no stored row (then <see cref="ReadAsync"/> builds them).
    /// </summary>
    internal static async Task<(bool Found, ProfileLists? Lists)> ReadBySlugAsync(AppDbContext db, DbDataReader reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        if (!await reader.ReadAsync(ct))
        {
            return (false, null);
        }
        return (true, reader.IsDBNull(0) ? null : ReadRow(reader, Postgres(db), first: 0));
    }

    /// <summary>PostgreSQL's statement by id, whose row readers also read the stored lists.</summary>
    private static Statement Postgres(AppDbContext db) => Statements.GetOrAdd("postgres", _ => Make(db.Model, postgres: true));

    /// <summary>
    /// The statement of every list for the profile whose id is the parameter: on PostgreSQL also
    /// what the triggers of "ProfileLists" run (migration ProfileListsStored), column for column.
    /// </summary>
    private static Statement Make(IModel model, bool postgres)
    {
        var sql = new StringBuilder("SELECT ");
        var readers = new RowReader[Lists.Length];
        for (var i = 0; i < Lists.Length; i++)
        {
            var (type, visibleOnly, orderBy) = Lists[i];
            var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties().Where(p => p.PropertyInfo is not null).ToArray();
            readers[i] = RowReader.For(type, columns);
            var values = string.Join(", ", columns.Select(p =>
            {
                var column = $"t.\"{p.GetColumnName(table)}\"";
                // SQLite keeps a list of numbers as JSON text: json() puts it in the row as an array, as PostgreSQL's array is.
                return p.IsPrimitiveCollection && !postgres ? $"json({column})" : column;
            }));
            var where = "t.\"ResearcherId\" = " + (postgres ? "$1" : "@id") + (visibleOnly ? " AND t.\"IsVisible\"" : string.Empty);
            if (i > 0)
            {
                sql.Append(", ");
            }
            sql.Append(postgres
                ? $"(SELECT coalesce(json_agg(json_build_array({values}) ORDER BY {orderBy}), '[]') FROM \"{table.Name}\" AS t WHERE {where})"
                : $"(SELECT json_group_array(json_array({values}) ORDER BY {orderBy}) FROM \"{table.Name}\" AS t WHERE {where})");
        }
        return new Statement(sql.ToString(), readers);
    }

    /// <summary>Makes the entities of one list from its JSON rows, each an array of the columns in the model's order.</summary>
    private sealed class RowReader(Func<System.Collections.IList> newList, Func<object> newEntity, (Action<object, object?> Set, Func<JsonElement, object?> Value)[] columns)
    {
        public static RowReader For(Type type, IProperty[] properties)
        {
            var listType = typeof(List<>).MakeGenericType(type);
            return new RowReader(
                () => (System.Collections.IList)Activator.CreateInstance(listType)!,
                () => Activator.CreateInstance(type)!,
                [.. properties.Select(p => (Setter(type, p.PropertyInfo!), ValueOf(p)))]);
        }

        /// <summary>(entity, value) => ((T)entity).Property = (TProperty)value, compiled once.</summary>
        private static Action<object, object?> Setter(Type type, PropertyInfo property)
        {
            var entity = Expression.Parameter(typeof(object), "entity");
            var value = Expression.Parameter(typeof(object), "value");
            return Expression.Lambda<Action<object, object?>>(
                Expression.Assign(Expression.Property(Expression.Convert(entity, type), property), Expression.Convert(value, property.PropertyType)),
                entity, value).Compile();
        }

        /// <summary>
        /// How a column's JSON value becomes the property's: read as the type the database stores, then
        /// through the model's converter. A type not read here stops the statement from being made at all.
        /// </summary>
        private static Func<JsonElement, object?> ValueOf(IProperty property)
        {
            if (property.IsPrimitiveCollection)
            {
                var type = property.ClrType;
                return value => value.Deserialize(type);
            }
            var converter = property.GetTypeMapping().Converter;
            var stored = converter?.ProviderClrType ?? property.ClrType;
            stored = Nullable.GetUnderlyingType(stored) ?? stored;
            Func<JsonElement, object> raw =
                stored == typeof(string) ? value => value.GetString()!
                : stored == typeof(int) ? value => value.GetInt32()
                : stored == typeof(long) ? value => value.GetInt64()
                // SQLite stores a flag as 0 or 1.
                : stored == typeof(bool) ? value => value.ValueKind == JsonValueKind.Number ? value.GetInt32() != 0 : value.GetBoolean()
                : stored == typeof(double) ? value => value.GetDouble()
                : stored == typeof(DateTimeOffset) ? value => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture)
                : throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is stored as {stored.Name}, which a profile's lists cannot read from JSON.");
            if (converter is null)
            {
                return raw;
            }
            return value => converter.ConvertFromProvider(raw(value));
        }

        public object Read(string json)
        {
            var list = newList();
            using var document = JsonDocument.Parse(json);
            foreach (var row in document.RootElement.EnumerateArray())
            {
                var entity = newEntity();
                var i = 0;
                foreach (var value in row.EnumerateArray())
                {
                    var (set, read) = columns[i++];
                    set(entity, value.ValueKind == JsonValueKind.Null ? null : read(value));
                }
                list.Add(entity);
            }
            return list;
        }
    }
}

/// <summary>
/// The first <paramref name="Count"/> selected papers, with their cited-by counts and the profile's
/// total (<see cref="ProfileLists.Citations"/>) when <paramref name="WithCitations"/>.
/// </summary>
public sealed record SelectedPapers(int Count, bool WithCitations);
