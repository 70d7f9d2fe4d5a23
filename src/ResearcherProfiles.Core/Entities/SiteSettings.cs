namespace ResearcherProfiles.Core.Entities;

/// <summary>
/// The settings of the whole site, changed by an administrator: a single row, <see cref="SingletonId"/>.
/// Until an administrator saves them there is no row, and the site follows its configuration.
/// </summary>
public class SiteSettings : IVersioned
{
    /// <summary>The id of the one row.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>
    /// The profile the home page shows, making the site that researcher's homepage; null for the
    /// directory of researchers. A hidden or trashed profile is not shown: the directory is.
    /// </summary>
    public int? HomeProfileId { get; set; }
    public Researcher? HomeProfile { get; set; }

    public int Version { get; set; }
}
