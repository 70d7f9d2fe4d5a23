namespace ResearcherProfiles.Core.Bibtex;

/// <summary>One parsed entry. Field values keep inner braces and LaTeX for the conversion step.</summary>
public sealed record BibtexEntry(string Type, string Key, IReadOnlyDictionary<string, string> Fields, int Line);

/// <summary>A problem found while parsing; <see cref="Key"/> is set when the entry's key was read.</summary>
public sealed record BibtexError(int Line, string Message, string? Key);

public sealed record BibtexParseResult(IReadOnlyList<BibtexEntry> Entries, IReadOnlyList<BibtexError> Errors);
