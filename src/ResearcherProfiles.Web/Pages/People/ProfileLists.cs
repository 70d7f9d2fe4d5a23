using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// A profile's own lists as its page shows them — the layout's rows and every visible link, news
/// item, degree, position, award, service role, talk, piece of writing and project — read in one
/// statement, where each list was a query (and, on PostgreSQL, a round trip) of its own. The
/// database writes each list as a JSON array of rows, in the order the page shows it; the rows
/// become the entities EF would have read, column by column as the model maps them.
/// </summary>
public sealed class ProfileLists
{
    /// <summary>The layout's stored rows, in no order (<see cref="Core.Layout.SectionLayout.Complete"/> orders them).</summary>
    public required List<ProfileSection> Sections { get; init; }
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

    public static async Task<ProfileLists> ReadAsync(AppDbContext db, int researcherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.IsNpgsql();
        var statement = Statements.GetOrAdd(postgres ? "postgres" : "sqlite", _ => Make(db.Model, postgres));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            // PostgreSQL's positional parameter needs no name, so Npgsql sends the text as it is.
            if (!postgres)
            {
                parameter.ParameterName = "@id";
            }
            parameter.Value = researcherId;
            command.Parameters.Add(parameter);
            var lists = new object[Lists.Length];
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct))
                {
                    throw new InvalidOperationException("The statement reading a profile's lists returned no row.");
                }
                for (var i = 0; i < Lists.Length; i++)
                {
                    lists[i] = statement.Readers[i].Read(reader.GetString(i));
                }
            }
            return new ProfileLists
            {
                Sections = (List<ProfileSection>)lists[0],
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
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

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
    private sealed class RowReader(Func<System.Collections.IList> newList, Func<object> newEntity, (IProperty Property, Action<object, object?> Set, ValueConverter? Converter, Type Provider)[] columns)
    {
        public static RowReader For(Type type, IProperty[] properties)
        {
            var listType = typeof(List<>).MakeGenericType(type);
            return new RowReader(
                () => (System.Collections.IList)Activator.CreateInstance(listType)!,
                () => Activator.CreateInstance(type)!,
                [.. properties.Select(p =>
                {
                    var converter = p.GetTypeMapping().Converter;
                    var stored = converter?.ProviderClrType ?? p.ClrType;
                    return (p, (Action<object, object?>)p.PropertyInfo!.SetValue, p.IsPrimitiveCollection ? null : converter, Nullable.GetUnderlyingType(stored) ?? stored);
                })]);
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
                    var (property, set, converter, provider) = columns[i++];
                    set(entity, ValueOf(value, property, converter, provider));
                }
                list.Add(entity);
            }
            return list;
        }

        private static object? ValueOf(JsonElement value, IProperty property, ValueConverter? converter, Type provider)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (property.IsPrimitiveCollection)
            {
                return value.Deserialize(property.ClrType);
            }
            object raw = provider == typeof(string) ? value.GetString()!
                : provider == typeof(int) ? value.GetInt32()
                : provider == typeof(long) ? value.GetInt64()
                : provider == typeof(bool) ? value.ValueKind == JsonValueKind.Number ? value.GetInt32() != 0 : value.GetBoolean()
                : provider == typeof(double) ? value.GetDouble()
                : provider == typeof(DateTimeOffset) ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture)
                : throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is stored as {provider.Name}, which the profile's lists cannot read from JSON.");
            return converter is null ? raw : converter.ConvertFromProvider(raw);
        }
    }
}
