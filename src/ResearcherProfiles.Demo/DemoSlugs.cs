namespace ResearcherProfiles.Demo;

/// <summary>Slugs of demo profiles with a known shape, for links in documentation and for tests.</summary>
public static class DemoSlugs
{
    /// <summary>A one-page academic homepage: 25 papers (10 highlighted, 1 hidden) and 16 news items (1 hidden).</summary>
    public const string HomepageStyle = "mira-castellanos";

    /// <summary>A long Markdown biography with sub-headings, a numbered list and links.</summary>
    public const string LongAbout = "tobias-lindqvist";

    /// <summary>Five projects with long narratives, roles, mentors, status, popularity, links and related papers.</summary>
    public const string ProjectHeavy = "anjali-raman";

    /// <summary>A full CV: education, positions of every kind, talks, service and awards.</summary>
    public const string FullCv = "yusuf-halvorsen";

    /// <summary>A headline and two papers, nothing else.</summary>
    public const string Sparse = "rafael-duarte";

    /// <summary>Shows a phone number and keeps blog series under writing.</summary>
    public const string PhoneShown = "clara-beaumont";

    /// <summary>Has an email address on file that is not shown.</summary>
    public const string EmailHidden = "kwame-osei";

    public static IReadOnlyList<string> All { get; } =
    [
        HomepageStyle, LongAbout, ProjectHeavy, FullCv, PhoneShown, "sofia-marchetti", EmailHidden,
        "hana-kowalczyk", "wei-ting-liao", Sparse, "noor-haddad", "ines-vidal",
    ];
}
