using System.Globalization;
using System.Text;
using System.Text.Json;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;

namespace ResearcherProfiles.Web.Editing;

/// <summary>One field of a recorded update, with its value before and after, as readable text.</summary>
public sealed record RevisionFieldChange(string Field, string? Before, string? After);

/// <summary>The words the history page uses for recorded revisions.</summary>
public static class HistoryText
{
    private const int MaxValueLength = 160;

    /// <summary>
    /// Records that are parts of another (an author of a publication, a link of a project): the
    /// history lists them under their parent's change rather than as changes of their own.
    /// </summary>
    public static readonly string[] PartTypes =
        [nameof(PublicationAuthor), nameof(PublicationLink), nameof(ProjectLink), nameof(ProjectPublication)];

    public static string Entity(string entityType) => entityType switch
    {
        nameof(Researcher) => "Profile",
        nameof(ProfileLink) => "Profile link",
        nameof(Education) => "Education",
        nameof(Position) => "Position",
        nameof(NewsItem) => "News item",
        nameof(Award) => "Award",
        nameof(ServiceRole) => "Service role",
        nameof(Talk) => "Talk",
        nameof(WritingItem) => "Writing link",
        nameof(Project) => "Project",
        nameof(ProjectLink) => "Project link",
        nameof(ProjectPublication) => "Related publication of a project",
        nameof(Publication) => "Publication",
        nameof(PublicationAuthor) => "Author",
        nameof(PublicationLink) => "Publication link",
        nameof(ProfilePublication) => "Publication listed on this profile",
        _ => Words(entityType),
    };

    public static string Plural(string entityType, int count) => entityType switch
    {
        nameof(PublicationAuthor) => count == 1 ? "1 author" : $"{count} authors",
        nameof(PublicationLink) or nameof(ProjectLink) => count == 1 ? "1 link" : $"{count} links",
        nameof(ProjectPublication) => count == 1 ? "1 related publication" : $"{count} related publications",
        _ => $"{count} × {Entity(entityType).ToLowerInvariant()}",
    };

    public static string Action(RevisionAction action) => action switch
    {
        RevisionAction.Created => "Created",
        RevisionAction.Updated => "Updated",
        RevisionAction.Deleted => "Deleted",
        _ => action.ToString(),
    };

    /// <summary>One reason an undo could not go ahead, as a sentence.</summary>
    public static string Conflict(UndoConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var what = conflict.Label is null ? Entity(conflict.EntityType).ToLowerInvariant() : $"{Entity(conflict.EntityType).ToLowerInvariant()} “{conflict.Label}”";
        return conflict.Kind switch
        {
            UndoConflictKind.ChangedSince when conflict.Field is not null =>
                $"{Field(conflict.Field)} of the {what} was changed again later (it is now “{Shorten(conflict.Current) ?? "empty"}”).",
            UndoConflictKind.ChangedSince => $"The {what} was changed again later.",
            UndoConflictKind.DeletedSince => $"The {what} was deleted later; restore it first.",
            UndoConflictKind.ParentMissing => $"The {what} belonged to a {Entity(conflict.Current ?? string.Empty).ToLowerInvariant()} that was deleted later; restore that first.",
            UndoConflictKind.SharedRecord => $"The {what} is a paper shared with {conflict.Current}, and this profile is not among its linked authors.",
            _ => $"The {what} cannot be restored.",
        };
    }

    /// <summary>"BodyMarkdown" → "Body", "IsHighlighted" → "Highlighted", "VenueShort" → "Venue short".</summary>
    public static string Field(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name;
        if (trimmed.StartsWith("Is", StringComparison.Ordinal) && trimmed.Length > 2 && char.IsUpper(trimmed[2]))
        {
            trimmed = trimmed[2..];
        }
        foreach (var suffix in new[] { "Markdown", "Id" })
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal) && trimmed.Length > suffix.Length)
            {
                trimmed = trimmed[..^suffix.Length];
            }
        }
        return Words(trimmed);
    }

    /// <summary>The changed fields of an update with their old and new values.</summary>
    public static IReadOnlyList<RevisionFieldChange> Changes(string? changedFields, string? before, string? after)
    {
        if (string.IsNullOrWhiteSpace(changedFields))
        {
            return [];
        }
        var old = Values(before);
        var current = Values(after);
        return changedFields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => new RevisionFieldChange(Field(f), old.GetValueOrDefault(f), current.GetValueOrDefault(f)))
            .ToList();
    }

    private static Dictionary<string, string?> Values(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return values;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = Shorten(Format(property.Value));
            }
        }
        catch (JsonException)
        {
            // A snapshot that cannot be read only costs the page its before/after values.
        }
        return values;
    }

    private static string? Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? null : string.Join(", ", value.EnumerateArray().Select(Format)),
        JsonValueKind.Object when value.TryGetProperty("Year", out var year) && year.ValueKind == JsonValueKind.Number =>
            PartialDateText(year.GetInt32(), Number(value, "Month"), Number(value, "Day")),
        _ => value.GetRawText(),
    };

    private static int? Number(JsonElement value, string name) =>
        value.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Number ? part.GetInt32() : null;

    private static string PartialDateText(int year, int? month, int? day)
    {
        try
        {
            return new PartialDate(year, month, day).ToDisplayString();
        }
        catch (ArgumentOutOfRangeException)
        {
            return year.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string? Shorten(string? text) =>
        text is null || text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength - 1), "…");

    private static string Words(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1]))
            {
                sb.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
