using System.Buffers;
using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ResearcherProfiles.Core.Text;

/// <summary>
/// The one Markdown pipeline of the site: CommonMark plus tables, autolinks and list extras,
/// with raw HTML disabled (it is shown as text), every link whose URL is not http, https, mailto
/// or relative reduced to its text, and every image that is not https or the site's own /media/
/// reduced to its alt text. Links to other sites open as <see cref="Links"/> says.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <summary>The characters of a URL scheme after its first letter (RFC 3986).</summary>
    private static readonly SearchValues<char> SchemeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

    /// <param name="markdown">The source text; null or blank renders as nothing.</param>
    /// <param name="topHeadingLevel">
    /// The level the text's highest heading gets, so that Markdown headings continue the
    /// page's outline (h1 name, h2 sections) instead of competing with it.
    /// </param>
    public static string ToHtml(string? markdown, int topHeadingLevel = 3) => ToHtml(markdown, topHeadingLevel, Links);

    /// <param name="markdown">The source text; null or blank renders as nothing.</param>
    /// <param name="topHeadingLevel">The level the text's highest heading gets (see the overload above).</param>
    /// <param name="links">How links to other sites open.</param>
    /// <param name="baseUrl">
    /// Where the text is shown, when it is read away from the site (a feed): relative links and
    /// images are written as absolute addresses resolved against it. Null keeps them as written.
    /// </param>
    public static string ToHtml(string? markdown, int topHeadingLevel, ExternalLinks links, Uri? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }
        try
        {
            return RenderHtml(markdown, topHeadingLevel, links, baseUrl);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return Fallback(markdown, e);
        }
    }

    private static string RenderHtml(string markdown, int topHeadingLevel, ExternalLinks links, Uri? baseUrl)
    {
        var document = ParseGuarded(markdown);
        Sanitize(document, topHeadingLevel);
        if (baseUrl is not null)
        {
            ResolveRelativeLinks(document, baseUrl);
        }
        MarkExternalLinks(document, links);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Markdown reduced to plain text, for meta descriptions and summaries.</summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }
        try
        {
            ThrowIfTooCostly(markdown);
            return Markdown.ToPlainText(markdown, Pipeline).Trim();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            Log(e);
            return markdown.Trim();
        }
    }

    /// <summary>
    /// The text parsed with the site's pipeline, for layouts of their own (the PDF CV); null when it
    /// is not shown as Markdown on the site either (see <see cref="Renders"/>), so that the caller
    /// shows it as plain text.
    /// </summary>
    public static MarkdownDocument? ParseOrNull(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }
        try
        {
            var document = ParseGuarded(markdown);
            // Rendered once, unwritten: Markdig's renderer is what refuses inlines nested too deep.
            var renderer = new HtmlRenderer(TextWriter.Null);
            Pipeline.Setup(renderer);
            renderer.Render(document);
            return document;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return null;
        }
    }

    /// <summary>The text's paragraphs (split at blank lines, trimmed): how a text that is not rendered as Markdown is shown.</summary>
    public static IReadOnlyList<string> PlainParagraphs(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return markdown.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The text parsed, after the linear checks that keep a hostile text from costing seconds.</summary>
    private static MarkdownDocument ParseGuarded(string markdown)
    {
        ThrowIfTooCostly(markdown);
        return Markdown.Parse(markdown, Pipeline);
    }

    private static void ThrowIfTooCostly(string markdown)
    {
        if (BracketsNestTooDeep(markdown))
        {
            throw new InvalidOperationException($"Brackets nest more than {MaxBracketDepth} deep.");
        }
        if (InlineMarks(markdown) is var marks && marks > MaxInlineMarks)
        {
            throw new InvalidOperationException($"{marks} emphasis and link marks, more than {MaxInlineMarks}.");
        }
    }

    /// <summary>The most emphasis and link marks a text may hold outside code (see <see cref="InlineMarks"/>).</summary>
    public const int MaxInlineMarks = 2_000;

    /// <summary>The characters <see cref="CountMarks"/> stops at.</summary>
    private static readonly SearchValues<char> MarkCharacters = SearchValues.Create("\\*~^_=+]");

    /// <summary>A block parse only: what is code and what is text, without parsing the text's inlines.</summary>
    private static readonly MarkdownPipeline BlocksOnly = BuildBlocksOnly();

    private static MarkdownPipeline BuildBlocksOnly()
    {
        var builder = new MarkdownPipelineBuilder().UseListExtras().DisableHtml();
        builder.InlineParsers.RemoveAll(parser => parser is not LiteralInlineParser);
        return builder.Build();
    }

    /// <summary>
    /// How many marks outside code can open or close emphasis or end a link's text: *, ~ and ^;
    /// _ unless between letters or digits; = and + doubled (marked and inserted text); "](".
    /// Escaped ones are not counted. Markdig's time for a paragraph grows with the square of these:
    /// "*a* " five thousand times, or "a^" ten thousand times (20,000 characters), took half a
    /// second to render, on every render; at <see cref="MaxInlineMarks"/> a paragraph renders in
    /// tens of milliseconds. Code blocks are not counted: only a text with more marks than the
    /// bound in all is parsed (into blocks, in linear time) to leave its code out.
    /// </summary>
    public static int InlineMarks(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var count = CountMarks(markdown);
        if (count <= MaxInlineMarks)
        {
            return count;
        }
        count = 0;
        foreach (var leaf in Markdown.Parse(markdown, BlocksOnly).Descendants<LeafBlock>())
        {
            if (leaf.ProcessInlines && leaf.Span.Start >= 0 && leaf.Span.End < markdown.Length)
            {
                count += CountMarks(markdown.AsSpan(leaf.Span.Start, leaf.Span.Length));
            }
        }
        return count;
    }

    private static int CountMarks(ReadOnlySpan<char> text)
    {
        var count = 0;
        var i = text.IndexOfAny(MarkCharacters);
        while (i >= 0 && i < text.Length)
        {
            var c = text[i];
            var before = i > 0 ? text[i - 1] : '\0';
            var after = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '\\':
                    // The next character is escaped.
                    i++;
                    break;
                case '*' or '~' or '^':
                case '_' when !(char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after)):
                case '=' or '+' when before == c || after == c:
                case ']' when after == '(':
                    count++;
                    break;
            }
            var next = i + 1 < text.Length ? text[(i + 1)..].IndexOfAny(MarkCharacters) : -1;
            i = next < 0 ? -1 : i + 1 + next;
        }
        return count;
    }

    /// <summary>The most levels quotes and lists may nest in a saved text (see <see cref="NestingDepth"/>).</summary>
    public const int MaxNestingDepth = 16;

    /// <summary>The most square brackets a paragraph may open before it closes them (see <see cref="BracketsNestTooDeep"/>).</summary>
    public const int MaxBracketDepth = 32;

    /// <summary>
    /// Whether a paragraph of the text opens more than <see cref="MaxBracketDepth"/> square
    /// brackets before closing them. Markdig's time for link text grows with the square of its
    /// nesting: "[" nine thousand times, a letter and "]" as many times, within a field's 20,000
    /// characters, took about a second to render, on every render. No real text nests links that
    /// deep (link text cannot hold a link), so such a text is not parsed: it is refused on save and
    /// shown as plain text if stored before. A linear scan: escaped brackets are not counted, and a
    /// blank line ends the paragraph and so every bracket it left open.
    /// </summary>
    public static bool BracketsNestTooDeep(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var depth = 0;
        for (var i = 0; i < markdown.Length; i++)
        {
            switch (markdown[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    if (++depth > MaxBracketDepth)
                    {
                        return true;
                    }
                    break;
                case ']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '\n':
                    var next = i + 1;
                    while (next < markdown.Length && markdown[next] is ' ' or '\t' or '\r')
                    {
                        next++;
                    }
                    if (next == markdown.Length || markdown[next] == '\n')
                    {
                        depth = 0;
                    }
                    break;
            }
        }
        return false;
    }

    /// <summary>
    /// Where render failures are reported; the web app sets it at start-up. Rendering itself
    /// never throws: text that cannot be rendered is shown as escaped plain text.
    /// </summary>
    public static ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>
    /// How links to other sites open on this site; the web app sets it once at start-up from its
    /// configuration, so every page (and every cached copy of one) renders links the same way.
    /// </summary>
    public static ExternalLinks Links { get; set; } = ExternalLinks.SameTab;

    /// <summary>
    /// How many levels the text's block quotes and lists nest, counting a list inside a quote
    /// inside a list as three; null when it nests so deep that the Markdown parser gives up
    /// (Markdig refuses 128 levels and more, so that rendering cannot exhaust the stack).
    /// </summary>
    public static int? NestingDepth(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return 0;
        }
        if (BracketsNestTooDeep(markdown))
        {
            // Not parsed (see BracketsNestTooDeep): the text does not render as Markdown.
            return null;
        }
        MarkdownDocument document;
        try
        {
            // A text with too many marks is not rendered (see InlineMarks): its blocks are what nests.
            document = Markdown.Parse(markdown, InlineMarks(markdown) > MaxInlineMarks ? BlocksOnly : Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
        // An explicit stack rather than recursion: the tree is as deep as the text nests.
        var deepest = 0;
        var pending = new Stack<(Block Block, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (block, depth) = pending.Pop();
            var level = block is QuoteBlock or ListBlock ? depth + 1 : depth;
            deepest = Math.Max(deepest, level);
            if (block is ContainerBlock container)
            {
                foreach (var child in container)
                {
                    pending.Push((child, level));
                }
            }
        }
        return deepest;
    }

    /// <summary>
    /// Whether the text renders as Markdown: Markdig parses inline elements nested thousands deep
    /// (such as "![" repeated) and only its renderer refuses them, so a text can pass
    /// <see cref="NestingDepth"/> and still be shown as plain text.
    /// </summary>
    public static bool Renders(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return true;
        }
        try
        {
            RenderHtml(markdown, 3, ExternalLinks.SameTab, baseUrl: null);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return false;
        }
    }

    /// <summary>The text as it was typed, escaped, in paragraphs: what a page shows when the Markdown cannot be rendered.</summary>
    private static string Fallback(string markdown, Exception e)
    {
        Log(e);
        return string.Concat(PlainParagraphs(markdown).Select(p => $"<p class=\"markdown-unrendered\">{Utf8Html.Encoder.Encode(p).Replace("\n", "<br>\n", StringComparison.Ordinal)}</p>\n"));
    }

    private static void Log(Exception e)
    {
        try
        {
            // The reason without the parser's stack, which is as deep as the text nests (a hundred frames).
            Logger.LogWarning("Markdown could not be rendered ({Error}: {Reason}); it is shown as plain text.", e.GetType().Name, e.Message);
        }
        catch (ObjectDisposedException)
        {
            // The host that set the logger has shut down; nothing is left to tell.
        }
    }

    private static void Sanitize(MarkdownDocument document, int topHeadingLevel)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count > 0)
        {
            var shift = topHeadingLevel - headings.Min(h => h.Level);
            foreach (var heading in headings)
            {
                heading.Level = Math.Clamp(heading.Level + shift, 1, 6);
            }
        }
        var unsafeLinks = new List<Inline>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { IsImage: true } image when !SafeUrl.IsAllowedImage(image.Url):
                    unsafeLinks.Add(image);
                    break;
                case LinkInline link when !SafeUrl.IsAllowed(link.Url):
                    unsafeLinks.Add(link);
                    break;
                case AutolinkInline autolink when !SafeUrl.IsAllowed(autolink.Url):
                    unsafeLinks.Add(autolink);
                    break;
            }
        }
        foreach (var inline in unsafeLinks)
        {
            ReplaceWithText(inline);
        }
    }

    /// <summary>
    /// Writes the links and images that <see cref="Sanitize"/> kept with relative addresses as
    /// absolute ones against <paramref name="baseUrl"/>. One that cannot be resolved stays as written.
    /// </summary>
    private static void ResolveRelativeLinks(MarkdownDocument document, Uri baseUrl)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            // A URL with a scheme is absolute already. (Uri alone would take "/people/…" for a file path on Linux.)
            if (link.Url is { Length: > 0 } url && !HasScheme(url) && Uri.TryCreate(baseUrl, url, out var absolute))
            {
                link.Url = absolute.AbsoluteUri;
            }
        }
    }

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(url[0]) && url.AsSpan(0, colon).IndexOfAnyExcept(SchemeCharacters) < 0;
    }

    /// <summary>
    /// Gives each link to another site target="_blank", rel="noopener noreferrer" and the hidden
    /// hint, when <paramref name="links"/> asks for new tabs. Runs after <see cref="Sanitize"/>, so
    /// only links that survived it are left to mark.
    /// </summary>
    private static void MarkExternalLinks(MarkdownDocument document, ExternalLinks links)
    {
        if (!links.OpenInNewTab)
        {
            return;
        }
        var external = document.Descendants()
            .Where(node => node switch
            {
                LinkInline { IsImage: false } link => links.OpensInNewTab(link.Url),
                AutolinkInline { IsEmail: false } autolink => links.OpensInNewTab(autolink.Url),
                _ => false,
            })
            .ToList();
        foreach (var node in external)
        {
            LinkInline link;
            if (node is AutolinkInline autolink)
            {
                // An autolink renders only its address; as a link with that text it can carry the hint too.
                link = new LinkInline(autolink.Url, string.Empty);
                link.AppendChild(new LiteralInline(autolink.Url));
                autolink.ReplaceBy(link);
            }
            else
            {
                link = (LinkInline)node;
            }
            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("target", ExternalLinks.Target);
            attributes.AddPropertyIfNotExist("rel", ExternalLinks.Rel);
            link.AppendChild(new HtmlInline(ExternalLinks.HintHtml));
        }
    }

    private static void ReplaceWithText(Inline inline)
    {
        switch (inline)
        {
            case LinkInline { IsImage: true } image:
                // Without copyChildren: false, ReplaceBy would also re-insert the alt text inlines after the literal.
                image.ReplaceBy(
                    new LiteralInline(image.FirstChild is null ? string.Empty : Markdown.ToPlainText(TextOf(image)).Trim()),
                    copyChildren: false);
                break;
            case LinkInline link:
                // Keep the link's text (with its emphasis), drop the anchor.
                var children = new List<Inline>();
                for (var child = link.FirstChild; child is not null; child = child.NextSibling)
                {
                    children.Add(child);
                }
                foreach (var child in children)
                {
                    child.Remove();
                    link.InsertBefore(child);
                }
                link.Remove();
                break;
            case AutolinkInline autolink:
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
                break;
        }
    }

    private static string TextOf(ContainerInline container)
    {
        var parts = new List<string>();
        foreach (var literal in container.FindDescendants<LiteralInline>())
        {
            parts.Add(literal.Content.ToString());
        }
        return string.Concat(parts);
    }
}
