using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Citations;

internal static class CitationText
{
    /// <summary>
    /// The text on one line with single spaces: every export writes fields on one line (RIS has no
    /// continuation lines, and a blank line inside a BibTeX field ends a paragraph in LaTeX), and
    /// without control characters, which no reference manager reads back (a NUL ends a C string).
    /// </summary>
    public static string OneLine(string? text) =>
        text is null ? string.Empty : string.Join(' ', ControlCharacters.Strip(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
