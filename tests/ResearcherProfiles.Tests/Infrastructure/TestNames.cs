namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>Names that no other test uses, so tests sharing one site never see each other's records.</summary>
public static class TestNames
{
    /// <summary>Eight random lowercase letters: safe in names, titles, slugs and BibTeX keys.</summary>
    public static string Unique() =>
        string.Concat(Guid.NewGuid().ToString("N").Take(8).Select(c => (char)('a' + (c % 26))));
}
