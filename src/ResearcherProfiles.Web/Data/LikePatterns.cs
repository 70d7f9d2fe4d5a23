namespace ResearcherProfiles.Web.Data;

/// <summary>
/// Patterns for EF.Functions.Like with '\' as the escape character, so text a visitor typed is
/// matched literally: its '%' and '_' are not wildcards. Used with lower-cased text on both sides
/// because LIKE ignores case on SQLite (ASCII) but not on PostgreSQL.
/// </summary>
public static class LikePatterns
{
    public const string Escape = "\\";

    /// <summary>Matches exactly <paramref name="text"/>.</summary>
    public static string Exactly(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
    }

    /// <summary>Matches <paramref name="text"/> anywhere.</summary>
    public static string Containing(string text) => "%" + Exactly(text) + "%";
}
