namespace ResearcherProfiles.Web.Feeds;

/// <summary>Settings of the sitemap and the Atom feeds (section "Feeds").</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>The sitemap protocol's limit of addresses in one file.</summary>
    public const int SitemapProtocolLimit = 50_000;

    /// <summary>
    /// The most addresses one sitemap file lists; a site with more gets a sitemap index over
    /// several files. At most <see cref="SitemapProtocolLimit"/>.
    /// </summary>
    public int SitemapUrlLimit { get; set; } = SitemapProtocolLimit;

    /// <summary>Entries in a feed: the newest news items of a profile, the newest papers of the site.</summary>
    public int FeedEntries { get; set; } = 50;

    public int UrlsPerSitemap => Math.Clamp(SitemapUrlLimit, 1, SitemapProtocolLimit);

    public int EntriesPerFeed => Math.Clamp(FeedEntries, 1, 500);
}
