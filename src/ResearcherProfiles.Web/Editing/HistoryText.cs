using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// One field of a recorded update, with its value before and after, as readable text; a long
/// text's change also as a word-level <see cref="Diff"/>, to show instead of the two values.
/// </summary>
public sealed record RevisionFieldChange(string Field, string? Before, string? After)
{
    public IReadOnlyList<DiffPiece>? Diff { get; init; }
}

public enum DiffKind
{
    Same,
    Removed,
    Added,
    /// <summary>Unchanged words left out between two changes: "…".</summary>
    Gap,
}

/// <summary>A run of words in a word-level diff.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>The words the history page uses for recorded revisions.</summary>
public static class HistoryText
{
    private const int MaxValueLength = 160;

    /// <summary>
    /// Records that are parts of another (an author of a publication, a link of a project): the
    /// history lists them under their parent's change rather than as changes of their own.
    /// </summary>
    public static readonly string[] PartTypes = [.. RecordNames.PartTypes];

    public static string Entity(string entityType) => RecordNames.Of(entityType)?.Noun ?? Words(entityType);

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

    /// <summary>
    /// The name of the item a revision touched (<see cref="RecordNames"/>), from its values after
    /// the change (before it, for a deletion); a paper's listing by the paper's title from
    /// <paramref name="paperTitles"/>; the label recorded with it when its values name nothing.
    /// </summary>
    public static string? ItemTitle(ProfileRevision revision, IReadOnlyDictionary<int, string> paperTitles)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(paperTitles);
        var values = Values(revision.After ?? revision.Before);
        if (RecordNames.IsNamedByPaper(revision.EntityType))
        {
            return PaperOf(revision) is int paper && paperTitles.TryGetValue(paper, out var title) ? RecordNames.Shorten(title) : revision.Label;
        }
        return RecordNames.Title(revision.EntityType, name => values.GetValueOrDefault(name)) ?? revision.Label;
    }

    /// <summary>The paper a listing or a project's related publication points to.</summary>
    public static int? PaperOf(ProfileRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (!RecordNames.IsNamedByPaper(revision.EntityType))
        {
            return null;
        }
        return int.TryParse(Values(revision.After ?? revision.Before).GetValueOrDefault(nameof(ProfilePublication.PublicationId)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>
    /// A reorder in one line: "Moved “X” above “Y”"; "Sorted publications by date, newest first: 12 moved"
    /// when the items now stand in the order of <paramref name="dateKey"/> (the lists Sort by date
    /// sorts); otherwise "Reordered news: 12 moved".
    /// </summary>
    public static string Reorder(Reorder reorder, Func<ProfileRevision, string?> title, Func<ProfileRevision, int?>? dateKey = null)
    {
        ArgumentNullException.ThrowIfNull(reorder);
        ArgumentNullException.ThrowIfNull(title);
        if (reorder is { Swap: true, Item: { } one, Neighbour: { } other })
        {
            return $"Swapped the places of {Quoted(title(one), reorder.EntityType)} and {Quoted(title(other), reorder.EntityType)}";
        }
        if (reorder.IsSingleMove)
        {
            return $"Moved {Quoted(title(reorder.Item!), reorder.EntityType)} {(reorder.Above ? "above" : "below")} {Quoted(title(reorder.Neighbour!), reorder.EntityType)}";
        }
        var list = ListName(reorder.EntityType);
        if (reorder.Moved > 2 && dateKey is not null && IsNewestFirst(reorder.NewOrder.Select(r => dateKey(r) ?? int.MinValue).ToList()))
        {
            return $"Sorted {list} by date, newest first: {reorder.Moved.ToString("N0", CultureInfo.InvariantCulture)} moved";
        }
        return reorder.Moved == 0
            ? $"Renumbered {list} without changing their order"
            : $"Reordered {list}: {reorder.Moved.ToString("N0", CultureInfo.InvariantCulture)} moved";
    }

    private static bool IsNewestFirst(List<int> keys) => keys.Count > 1 && keys.Zip(keys.Skip(1)).All(pair => pair.First >= pair.Second);

    /// <summary>When a news item or talk took place, as a number that sorts (<see cref="PartialDate.ToSortKey"/>), from its values.</summary>
    public static int? DateKey(ProfileRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (revision.EntityType is not (nameof(NewsItem) or nameof(Talk)) || revision.After is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(revision.After);
            return document.RootElement.TryGetProperty("Date", out var date) && date.ValueKind == JsonValueKind.Object
                && Number(date, "Year") is int year
                ? year * 10000 + (Number(date, "Month") ?? 0) * 100 + (Number(date, "Day") ?? 0)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The list a kind of item belongs to, by its section's title: "publications", "news".</summary>
    public static string ListName(string entityType) =>
        (EditorSections.All.FirstOrDefault(s => s.ItemType == entityType)?.Title ?? Entity(entityType)).ToLowerInvariant();

    private static string Quoted(string? title, string entityType) =>
        title is null ? $"a {Entity(entityType).ToLowerInvariant()}" : $"“{title}”";

    /// <summary>
    /// Why an undo cannot go ahead, in sentences, with what to do about it: later changes are undone
    /// first; a paper this profile may no longer change is changed by its linked authors.
    /// </summary>
    public static string UndoRefused(IReadOnlyList<UndoConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var onlyShared = conflicts.All(c => c.Kind == UndoConflictKind.SharedRecord);
        return string.Join(" ", conflicts.Select(Conflict).Distinct()) +
            (onlyShared
                ? " Its linked authors, from their own profiles, or an administrator can change it."
                : " Undo the later changes first, or edit the item directly.");
    }

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
            UndoConflictKind.SharedRecord when conflict.EntityType == nameof(Publication) =>
                $"The {what} is a paper shared with {conflict.Current}, and this profile is not among its linked authors.",
            UndoConflictKind.SharedRecord =>
                $"The {what} belongs to a paper shared with {conflict.Current}, and this profile is not among its linked authors.",
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

    /// <summary>The changed fields of an update with their old and new values; long texts with their word-level diff.</summary>
    public static IReadOnlyList<RevisionFieldChange> Changes(string? changedFields, string? before, string? after)
    {
        if (string.IsNullOrWhiteSpace(changedFields))
        {
            return [];
        }
        var old = Values(before);
        var current = Values(after);
        return changedFields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => Change(Field(f), old.GetValueOrDefault(f), current.GetValueOrDefault(f)))
            .ToList();
    }

    /// <summary>Texts longer than this on either side are shown as a word-level diff.</summary>
    public const int LongText = 80;

    /// <summary>Unchanged words kept on each side of a change in a diff; the rest of a long unchanged run is "…".</summary>
    private const int ContextWords = 8;

    private static RevisionFieldChange Change(string field, string? before, string? after)
    {
        if ((before?.Length > LongText || after?.Length > LongText) && before != after)
        {
            return new RevisionFieldChange(field, Shorten(before), Shorten(after)) { Diff = WordDiff(before ?? string.Empty, after ?? string.Empty) };
        }
        return new RevisionFieldChange(field, Shorten(before), Shorten(after));
    }

    /// <summary>
    /// The words of <paramref name="before"/> and <paramref name="after"/> as removed, added and unchanged
    /// runs (DiffPlex); long unchanged runs keep <see cref="ContextWords"/> words of context each side of a change.
    /// </summary>
    public static IReadOnlyList<DiffPiece> WordDiff(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var result = DiffPlex.Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, DiffPlex.Chunkers.WordChunker.Instance);
        var pieces = new List<DiffPiece>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            AddSame(pieces, result.PiecesOld, a, block.DeleteStartA, first: a == 0, last: false);
            Add(pieces, DiffKind.Removed, string.Concat(result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)));
            Add(pieces, DiffKind.Added, string.Concat(result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        AddSame(pieces, result.PiecesOld, a, result.PiecesOld.Count, first: a == 0, last: true);
        return pieces;
    }

    /// <summary>Unchanged words from <paramref name="start"/> to <paramref name="end"/>, their middle left out when long.</summary>
    /// <summary>
    /// A word-level diff as HTML: removed words in &lt;del&gt;, added ones in &lt;ins&gt;, each
    /// with a visually hidden "removed:"/"added:" for screen readers; every word HTML-encoded.
    /// </summary>
    public static IHtmlContent DiffHtml(IReadOnlyList<DiffPiece> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var html = new HtmlContentBuilder();
        html.AppendHtml("<span class=\"history-diff\">");
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case DiffKind.Removed:
                    html.AppendHtml("<del><span class=\"visually-hidden\">[removed: </span>").Append(piece.Text).AppendHtml("<span class=\"visually-hidden\">]</span></del>");
                    break;
                case DiffKind.Added:
                    html.AppendHtml("<ins><span class=\"visually-hidden\">[added: </span>").Append(piece.Text).AppendHtml("<span class=\"visually-hidden\">]</span></ins>");
                    break;
                case DiffKind.Gap:
                    html.AppendHtml("<span class=\"history-gap\" title=\"unchanged text left out\">…</span>");
                    break;
                default:
                    html.Append(piece.Text);
                    break;
            }
        }
        return html.AppendHtml("</span>");
    }

    private static void AddSame(List<DiffPiece> pieces, IReadOnlyList<string> words, int start, int end, bool first, bool last)
    {
        var count = end - start;
        // Words and the spaces between them are separate pieces: twice the words, each side.
        var keep = ContextWords * 2;
        var head = first ? 0 : keep;
        var tail = last ? 0 : keep;
        if (count <= head + tail + 2)
        {
            Add(pieces, DiffKind.Same, string.Concat(words.Skip(start).Take(count)));
            return;
        }
        Add(pieces, DiffKind.Same, string.Concat(words.Skip(start).Take(head)));
        Add(pieces, DiffKind.Gap, "…");
        Add(pieces, DiffKind.Same, string.Concat(words.Skip(end - tail).Take(tail)));
    }

    private static void Add(List<DiffPiece> pieces, DiffKind kind, string text)
    {
        if (text.Length > 0)
        {
            pieces.Add(new DiffPiece(kind, text));
        }
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
                values[property.Name] = Format(property.Value);
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
