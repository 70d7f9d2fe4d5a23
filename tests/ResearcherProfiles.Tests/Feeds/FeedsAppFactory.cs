using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Feeds;

/// <summary>
/// The app with a public address unlike the one requests are sent to (TestServer's http://localhost),
/// so that an address taken from the request rather than the configuration shows.
/// </summary>
public class FeedsAppFactory : ProfilesAppFactory
{
    public const string Origin = "https://profiles.example.org";

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
        new Dictionary<string, string> { ["Site:PublicUrl"] = Origin };
}

/// <summary>XML answers read as a feed reader or a crawler would.</summary>
public static partial class FeedReading
{
    public sealed record XmlAnswer(HttpStatusCode Status, string? ContentType, XDocument? Document);

    public static async Task<XmlAnswer> GetXmlAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var contentType = response.Content.Headers.ContentType?.ToString();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new XmlAnswer(response.StatusCode, contentType, null);
        }
        await using var body = await response.Content.ReadAsStreamAsync();
        return new XmlAnswer(response.StatusCode, contentType, XDocument.Load(body));
    }

    /// <summary>The path of an absolute address on the test site, which must start with its public address.</summary>
    public static string PathOf(string absoluteUrl)
    {
        ArgumentNullException.ThrowIfNull(absoluteUrl);
        Assert.StartsWith(FeedsAppFactory.Origin + "/", absoluteUrl, StringComparison.Ordinal);
        return absoluteUrl[FeedsAppFactory.Origin.Length..];
    }

    /// <summary>Asserts a W3C datetime in UTC to the second (2024-05-01T09:30:00Z), as the sitemap and Atom take it.</summary>
    public static DateTimeOffset AssertTimestamp(string? text)
    {
        Assert.NotNull(text);
        Assert.Matches(Timestamp(), text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex Timestamp();
}
