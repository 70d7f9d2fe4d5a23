namespace ResearcherProfiles.Core.Entry;

/// <summary>A line of a paste that could not be read: its 1-based number in the pasted text, the line, and why.</summary>
public sealed record LineProblem(int LineNumber, string Line, string Reason);

/// <summary>One item read from a paste, with the line it came from.</summary>
public sealed record ParsedLine<T>(int LineNumber, T Item);

/// <summary>
/// What a paste gave: the items read, the lines that could not be read, and an error for the paste
/// as a whole (too many lines, or nothing in it), in which case nothing was read.
/// </summary>
public sealed record PasteResult<T>(IReadOnlyList<ParsedLine<T>> Items, IReadOnlyList<LineProblem> Problems, string? Error)
{
    public bool CanSave => Error is null && Problems.Count == 0 && Items.Count > 0;
}

/// <summary>The rules every paste box shares: one item a line, blank lines skipped, a bound on the number of lines.</summary>
public static class PastedLines
{
    /// <summary>More lines than this in one paste are refused: a preview stays readable and a save stays one modest transaction.</summary>
    public const int MaxLines = 200;

    /// <summary>The pasted text as a whole: every line at its longest field, with room to spare.</summary>
    public const int MaxTextLength = 200_000;

    public const string EmptyMessage = "Paste at least one line.";

    public static string TooManyLinesMessage(int count) =>
        $"Paste at most {MaxLines} lines at a time; this has {count}. Split it and save it in parts.";

    /// <summary>
    /// Reads each non-blank line of <paramref name="text"/> with <paramref name="read"/>, which gives
    /// an item or the reason it could not. A leading list bullet ("• ", "* ") is dropped first, so a
    /// list copied from a document pastes as it is.
    /// </summary>
    public static PasteResult<T> Read<T>(string? text, Func<string, (T? Item, string? Problem)> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        var lines = (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n')
            .Select((line, index) => (Number: index + 1, Text: Unbullet(line.Trim())))
            .Where(l => l.Text.Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            return new([], [], EmptyMessage);
        }
        if (lines.Count > MaxLines)
        {
            return new([], [], TooManyLinesMessage(lines.Count));
        }
        var items = new List<ParsedLine<T>>();
        var problems = new List<LineProblem>();
        foreach (var (number, line) in lines)
        {
            var (item, problem) = read(line);
            if (item is null)
            {
                problems.Add(new LineProblem(number, line, problem ?? "This line could not be read."));
            }
            else
            {
                items.Add(new ParsedLine<T>(number, item));
            }
        }
        return new(items, problems, null);
    }

    /// <summary>The text before and after the first of <paramref name="separators"/> found (tried in order), or null.</summary>
    internal static (string Before, string After)? SplitAtFirst(string line, params string[] separators)
    {
        foreach (var separator in separators)
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (line[..at].Trim(), line[(at + separator.Length)..].Trim());
            }
        }
        return null;
    }

    /// <summary>The text before and after whichever of <paramref name="separators"/> comes first in the line, or null.</summary>
    internal static (string Before, string After)? SplitAtEarliest(string line, params string[] separators)
    {
        var (at, length) = separators
            .Select(s => (At: line.IndexOf(s, StringComparison.Ordinal), s.Length))
            .Where(s => s.At >= 0)
            .OrderBy(s => s.At)
            .FirstOrDefault((-1, 0));
        return at < 0 ? null : (line[..at].Trim(), line[(at + length)..].Trim());
    }

    internal static string TooLong(string what, int max) => $"The {what} is at most {max} characters.";

    /// <summary>The line without its leading bullet; a bullet alone (an empty list item) leaves nothing, and the line is skipped as blank.</summary>
    private static string Unbullet(string line) =>
        line is "•" or "*" or "-" or "–" ? string.Empty
        : line.StartsWith("• ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) ? line[2..].TrimStart()
        : line;
}
