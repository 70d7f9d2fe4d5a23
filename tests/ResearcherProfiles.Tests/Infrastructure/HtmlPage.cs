using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>A page as a visitor receives it: the status, the headers and the parsed document.</summary>
public sealed record HtmlPage(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, IHtmlDocument Document)
{
    /// <summary>The visible text of the first element matching <paramref name="selector"/>, or null when there is none.</summary>
    public string? TextOf(string selector) => Document.QuerySelector(selector)?.CleanText();

    /// <summary>The visible text of every element matching <paramref name="selector"/>, in document order.</summary>
    public IReadOnlyList<string> TextsOf(string selector) => Document.QuerySelectorAll(selector).Select(e => e.CleanText()).ToList();

    /// <summary>The section whose h2 reads <paramref name="heading"/>, or null when the page has no such section.</summary>
    public IElement? Section(string heading) =>
        Document.QuerySelectorAll("section").FirstOrDefault(s => s.QuerySelector("h2")?.CleanText() == heading);

    public IReadOnlyList<string> SectionHeadings => TextsOf("main h2");

    public string BodyText => Document.Body?.CleanText() ?? string.Empty;
}

public static class HtmlPageExtensions
{
    public static async Task<HtmlPage> GetPageAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlPage(response.StatusCode, response.Headers, response.Content.Headers, new HtmlParser().ParseDocument(html));
    }

    /// <summary>The text content with runs of whitespace collapsed, as a reader sees it.</summary>
    public static string CleanText(this INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
