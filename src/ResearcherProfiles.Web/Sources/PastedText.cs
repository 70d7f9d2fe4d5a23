namespace ResearcherProfiles.Web.Sources;

/// <summary>What a researcher pasted, quoted back in a message.</summary>
internal static class PastedText
{
    /// <summary>Trimmed, and cut at 80 characters so that a pasted page does not become the message.</summary>
    public static string Quote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 80 ? $"“{trimmed[..80]}…”" : $"“{trimmed}”";
    }
}
