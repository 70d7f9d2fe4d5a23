namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>Text for values the database writes into JSON and the app reads back.</summary>
public static class AwkwardText
{
    /// <summary>Text a JSON writer must escape, and text past the basic plane.</summary>
    public const string ForJson = "Quotes \" and \\ backslash,\nnew line\ttab, </script> & <b>, naïve café, 数学, 𝔽 and 🎓";
}
