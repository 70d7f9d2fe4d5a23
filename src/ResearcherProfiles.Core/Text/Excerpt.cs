namespace ResearcherProfiles.Core.Text;

/// <summary>
/// Text shortened for a line of its own: a history entry's title, a page's description in search
/// results and link previews. Runs of whitespace become one space, and a cut falls between words.
/// </summary>
public static class Excerpt
{
    /// <summary>
    /// <paramref name="text"/> on one line, at most <paramref name="maxLength"/> characters with the "…"
    /// that marks a cut; null when it has no text. The cut is at the last space before the limit,
    /// unless that would drop more than half of the allowed length (one long word), and never
    /// between the halves of a character outside the Basic Multilingual Plane.
    /// </summary>
    public static string? Of(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= maxLength)
        {
            return line;
        }
        var space = line.LastIndexOf(' ', maxLength - 1);
        var cut = space > maxLength / 2 ? space : maxLength - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }
        return string.Concat(line.AsSpan(0, cut).TrimEnd(), "…");
    }
}
