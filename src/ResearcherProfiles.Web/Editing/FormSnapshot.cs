using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace ResearcherProfiles.Web.Editing;

/// <summary>A field someone else changed while the editor had the form open, with its value now.</summary>
public sealed record FieldChange(string Field, string CurrentValue);

/// <summary>
/// The values a form was opened with, round-tripped in a hidden field, so that a stale save can
/// tell the editor which fields someone else changed meanwhile and what they hold now.
/// </summary>
public static class FormSnapshot
{
    private const int ShownLength = 200;

    public static string Capture(object input) => JsonSerializer.Serialize(Values(input));

    /// <summary>The fields of <paramref name="current"/> that differ from the captured <paramref name="original"/>.</summary>
    public static IReadOnlyList<FieldChange> Compare(string? original, object current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var before = Read(original);
        return current.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(IsField)
            .Select(p => (Property: p, Value: Format(p.GetValue(current))))
            .Where(f => !before.TryGetValue(f.Property.Name, out var old) || old != f.Value)
            .Select(f => new FieldChange(LabelOf(f.Property), Shown(f.Value)))
            .ToList();
    }

    private static Dictionary<string, string?> Values(object input) =>
        input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(IsField)
            .ToDictionary(p => p.Name, p => Format(p.GetValue(input)));

    // The version is how staleness is detected, not content the editor sees. Lists of rows
    // (authors, links) are compared through a read-only summary property in words, which the
    // form declares beside them with the label people know.
    private static bool IsField(PropertyInfo property) =>
        property.CanRead && property.GetIndexParameters().Length == 0 && property.Name != nameof(SectionInput.Version)
        && (property.PropertyType == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType));

    private static Dictionary<string, string?> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        }
        catch (JsonException)
        {
            // A damaged snapshot only makes every field count as changed.
            return [];
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text.ReplaceLineEndings("\n").Trim(),
        bool flag => flag ? "Yes" : "No",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Shown(string? value) => string.IsNullOrEmpty(value)
        ? "(empty)"
        : value.Length <= ShownLength ? value : string.Concat(value.AsSpan(0, ShownLength - 1), "…");

    private static string LabelOf(PropertyInfo property) =>
        property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? property.Name;
}
