using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Data;

/// <summary>
/// Every row of every table of a site, each written as one line of its values in a form both
/// providers agree on, sorted: two sites hold the same data when their rows are equal.
/// </summary>
public static class SiteRows
{
    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(ProfilesAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            var properties = type.GetProperties().ToList();
            var rows = new List<string>();
            await foreach (var row in (IAsyncEnumerable<object>)set)
            {
                rows.Add(string.Join(" | ", properties.Select(p => $"{p.Name}={Text(p.PropertyInfo!.GetValue(row))}")));
            }
            rows.Sort(StringComparer.Ordinal);
            tables.Add(type.GetTableName()!, rows);
        }
        return tables;
    }

    /// <summary>
    /// Dates as UTC instants to the microsecond: SQLite reads a DateTime back without its kind, and
    /// PostgreSQL keeps microseconds where .NET has tenths of them (Npgsql drops the last digit).
    /// Lists item by item.
    /// </summary>
    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime d => new DateTime(d.Ticks - (d.Ticks % 10), DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset o => new DateTimeOffset(o.Ticks - (o.Ticks % 10), o.Offset).ToString("O", CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        byte[] bytes => Convert.ToHexString(bytes),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Text)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
