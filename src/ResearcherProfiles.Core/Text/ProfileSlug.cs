namespace ResearcherProfiles.Core.Text;

/// <summary>The rule for the last part of a profile's address, /people/{slug}.</summary>
public static class ProfileSlug
{
    /// <summary>Lowercase ASCII letters and digits in runs joined by single hyphens: "ada-lovelace".</summary>
    public const string Pattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
}
