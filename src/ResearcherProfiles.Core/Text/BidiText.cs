namespace ResearcherProfiles.Core.Text;

/// <summary>
/// Text that may hold explicit direction marks (right-to-left overrides and embeddings, opened and
/// never closed), placed inside a sentence where markup cannot isolate it, such as a page title.
/// </summary>
public static class BidiText
{
    /// <summary>
    /// <paramref name="text"/> between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it holds
    /// an explicit direction mark, so that whatever it opens ends with it instead of turning the
    /// rest of the sentence around; as it is otherwise.
    /// </summary>
    public static string Isolated(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') >= 0 || text.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') >= 0
            ? $"\u2068{text}\u2069"
            : text;
    }
}
