using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ResearcherProfiles.Web.Pages;

/// <summary>
/// What a public page tells search engines, feed readers and link previews about itself: its
/// canonical address, its Atom feed, its Open Graph and Twitter card, its schema.org JSON-LD. A page model sets it with
/// <see cref="PageHeadExtensions.SetPageHead"/>; the layout writes it (Shared/_PageHead.cshtml).
/// </summary>
public sealed record PageHead
{
    public const string Key = nameof(PageHead);

    /// <summary>The most characters of a description in the head; link previews show about 200, search results fewer.</summary>
    public const int DescriptionLength = 300;

    /// <summary>The page's one absolute address, from the configured public address (<see cref="Hosting.PublicUrl"/>).</summary>
    public required string Canonical { get; init; }

    /// <summary>The card a shared link shows, or null for a page that is not shared as a thing of its own.</summary>
    public SharingCard? Card { get; init; }

    /// <summary>JSON-LD already made safe for a script element (<see cref="StructuredData.ForScript"/>).</summary>
    public string? JsonLd { get; init; }

    /// <summary>The Atom feed the page announces, which feed readers find when given the page's address; null for none.</summary>
    public Feeds.AlternateFeed? Feed { get; init; }
}

/// <summary>
/// The Open Graph card (also read by X/Twitter, Mastodon, Slack, LinkedIn): plain text only, the
/// image and address absolute.
/// </summary>
/// <param name="Type">The og:type: "profile" or "article".</param>
public sealed record SharingCard(string Type, string Title, string Description)
{
    /// <summary>An absolute image address, or null for none.</summary>
    public string? Image { get; init; }

    /// <summary>What the image shows, for those who cannot see it.</summary>
    public string? ImageAlt { get; init; }

    /// <summary>profile:first_name, for og:type profile.</summary>
    public string? FirstName { get; init; }

    /// <summary>profile:last_name, for og:type profile.</summary>
    public string? LastName { get; init; }

    /// <summary>
    /// A "summary" card: a small square image beside the text, which fits a portrait. The site has
    /// no wide images, which "summary_large_image" would stretch across the card.
    /// </summary>
    public static string TwitterCard => "summary";
}

public static class PageHeadExtensions
{
    public static void SetPageHead(this ViewDataDictionary viewData, PageHead head)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[PageHead.Key] = head;
    }
}
