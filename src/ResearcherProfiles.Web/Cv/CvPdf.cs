using System.Globalization;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Cv;

/// <summary>
/// Writes a <see cref="CvContent"/> as a PDF with PDFsharp (MIT): the same sections, entries and
/// numbered publications as the CV page, with wrapped text, page breaks that keep an entry's first
/// lines with its title, the owner's name in bold in every author list and page numbers.
/// </summary>
/// <remarks>
/// PDFsharp rather than printing the page in a headless browser: it runs inside the app with no
/// browser or native library to install, and it is the served PDF library whose licence (MIT up to
/// 6.2.x) suits the project.
/// </remarks>
public sealed class CvPdf : IDisposable
{
    private const double Margin = 51; // 18 mm, the print stylesheet's margin.
    private const double BodySize = 9.5;
    private const double SmallSize = 8.5;
    private const double HeadingSize = 12;
    private const double SubheadingSize = 10.5;
    private const double NameSize = 20;

    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));
    private static readonly XPen Rule = new(XColor.FromArgb(0x99, 0x99, 0x99), 0.5);

    private readonly PdfDocument document = new();
    private readonly PageSize paper;
    private readonly Dictionary<(double Size, bool Bold), XFont> fonts = [];
    private XGraphics? graphics;
    private PdfPage? page;
    private double y;

    private CvPdf(PageSize paper) => this.paper = paper;

    private XGraphics Gfx => graphics!;
    private double Right => page!.Width.Point - Margin;
    private double Bottom => page!.Height.Point - Margin - 14; // Room for the page number.

    /// <summary>The CV as PDF bytes, on A4 or US Letter paper.</summary>
    public static byte[] Write(CvContent cv, bool letter = false)
    {
        ArgumentNullException.ThrowIfNull(cv);
        CvFonts.EnsureInstalled();
        using var pdf = new CvPdf(letter ? PageSize.Letter : PageSize.A4);
        return pdf.Render(cv);
    }

    private byte[] Render(CvContent cv)
    {
        var h = cv.Header;
        document.Info.Title = $"CV of {h.DisplayName}";
        document.Info.Author = h.DisplayName;
        document.Info.Creator = "ResearcherProfiles";
        NewPage();

        Paragraph([new Run(h.DisplayName, true)], 0, NameSize, Ink);
        y += 2;
        if (h.Headline is not null)
        {
            Paragraph([new Run(h.Headline)], 0, BodySize + 1, Ink);
        }
        if (h.Affiliation is not null || h.Location is not null)
        {
            Paragraph([new Run(string.Join(" · ", new[] { h.Affiliation, h.Location }.Where(x => x is not null)))], 0, BodySize, Muted);
        }
        var contact = new List<string>();
        if (h.Email is not null)
        {
            contact.Add(h.Email);
        }
        if (h.Phone is not null)
        {
            contact.Add(h.Phone);
        }
        if (h.SafeWebsite is not null)
        {
            contact.Add(h.SafeWebsite);
        }
        contact.AddRange(cv.Links.Select(l => l.Url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? l.Url[7..] : $"{l.Label}: {l.Url}"));
        if (contact.Count > 0)
        {
            Paragraph([new Run(string.Join("  ·  ", contact))], 0, SmallSize, Ink);
        }
        if (h.Interests.Count > 0)
        {
            Paragraph([new Run("Research interests: ", true), new Run(string.Join(", ", h.Interests))], 0, SmallSize, Ink);
        }

        foreach (var section in cv.Sections)
        {
            SectionHeading(section.Title);
            if (!string.IsNullOrWhiteSpace(section.IntroMarkdown))
            {
                MarkdownText(section.IntroMarkdown);
                y += 3;
            }
            switch (section.Kind)
            {
                case ProfileSectionKind.Publications:
                    Publications(cv);
                    break;
                case ProfileSectionKind.Skills:
                    Paragraph([new Run(string.Join(" · ", h.Skills))], 0, BodySize, Ink);
                    break;
                default:
                    foreach (var group in cv.Groups(section.Kind))
                    {
                        if (group.Name is not null)
                        {
                            GroupHeading(group.Name);
                        }
                        foreach (var entry in group.Entries)
                        {
                            Entry(entry);
                        }
                    }
                    break;
            }
        }
        graphics?.Dispose();
        graphics = null;
        PageNumbers(h.DisplayName);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void Publications(CvContent cv)
    {
        if (cv.PublicationLegend is not null)
        {
            Paragraph([new Run(cv.PublicationLegend)], 0, SmallSize, Muted);
        }
        // The column of numbers is as wide as the largest one, "[150]".
        var numberWidth = Width($"[{cv.Publications.Count.ToString(CultureInfo.InvariantCulture)}]", BodySize, false) + 5;
        for (var i = 0; i < cv.Publications.Count; i++)
        {
            var p = cv.Publications[i];
            var runs = new List<Run> { new(p.Title + ". ", true) };
            var authors = cv.AuthorsOf(p);
            for (var a = 0; a < authors.Count; a++)
            {
                runs.Add(new Run(AuthorList.SeparatorBefore(a, authors.Count, authors[a].Name)));
                runs.Add(new Run(authors[a].Name + authors[a].Marks, authors[a].IsOwner));
            }
            runs.Add(new Run(". "));
            var venue = CvContent.VenueLine(p);
            if (venue.Length > 0)
            {
                runs.Add(new Run(venue + ". "));
            }
            if (p.Badges.Count > 0)
            {
                runs.Add(new Run(string.Join(", ", p.Badges) + "."));
            }
            var lines = Wrap(runs, Right - Margin - numberWidth, BodySize);
            KeepTogether(Math.Min(lines.Count, 3) * LineHeight(BodySize));
            Gfx.DrawString($"[{(i + 1).ToString(CultureInfo.InvariantCulture)}]", Font(BodySize, false), Muted,
                Margin, y + Font(BodySize, false).GetHeight() * 0.8, XStringFormats.BaseLineLeft);
            DrawLines(lines, Margin + numberWidth, BodySize, Ink);
            y += 3;
        }
    }

    private void Entry(CvEntry entry)
    {
        var datesWidth = entry.Dates is null ? 0 : Gfx.MeasureString(entry.Dates, Font(BodySize, false)).Width + 12;
        var titleLines = Wrap([new Run(entry.Title, true)], Right - Margin - datesWidth, BodySize);
        KeepTogether((titleLines.Count + (entry.Meta is null ? 0 : 1) + Math.Min(entry.Details.Count, 1)) * LineHeight(BodySize));
        if (entry.Dates is not null)
        {
            var font = Font(BodySize, false);
            Gfx.DrawString(entry.Dates, font, Muted, Right, y + font.GetHeight() * 0.8, XStringFormats.BaseLineRight);
        }
        var top = y;
        DrawLines(titleLines, Margin, BodySize, Ink);
        if (entry.Url is not null)
        {
            page!.AddWebLink(new PdfRectangle(Gfx.Transformer.WorldToDefaultPage(new XRect(Margin, top, Right - Margin - datesWidth, y - top))), entry.Url);
        }
        if (entry.Meta is not null)
        {
            Paragraph([new Run(entry.Meta)], 0, BodySize, Muted);
        }
        foreach (var line in entry.Details)
        {
            Paragraph([new Run(line)], 0, BodySize, Ink);
        }
        if (entry.Description is not null)
        {
            MarkdownText(entry.Description.Markdown);
        }
        y += 5;
    }

    /// <summary>
    /// A Markdown text laid out as <see cref="MarkdownBlocks"/> does; one the site does not render
    /// as Markdown (nested or marked too much to parse in good time) as its paragraphs of plain text.
    /// </summary>
    private void MarkdownText(string markdown)
    {
        if (MarkdownRenderer.ParseOrNull(markdown) is { } document)
        {
            MarkdownBlocks(document, 0);
            return;
        }
        foreach (var paragraph in MarkdownRenderer.PlainParagraphs(markdown))
        {
            Paragraph([new Run(paragraph.ReplaceLineEndings(" "))], 0, BodySize, Ink);
        }
    }

    /// <summary>Paragraphs, headings and (nested) lists of a description; other blocks as their text.</summary>
    private void MarkdownBlocks(ContainerBlock container, double indent)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{number++.ToString(CultureInfo.InvariantCulture)}." : "•";
                        var font = Font(BodySize, false);
                        KeepTogether(LineHeight(BodySize));
                        Gfx.DrawString(marker, font, Ink, Margin + indent, y + font.GetHeight() * 0.8, XStringFormats.BaseLineLeft);
                        MarkdownBlocks(item, indent + 12);
                    }
                    break;
                case HeadingBlock heading:
                    y += 2;
                    Paragraph(InlineRuns(heading.Inline, true), indent, BodySize, Ink);
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    Paragraph(InlineRuns(leaf.Inline, false), indent, BodySize, Ink);
                    y += 1.5;
                    break;
                case LeafBlock leaf:
                    var text = leaf.Lines.ToString().Trim();
                    if (text.Length > 0)
                    {
                        Paragraph([new Run(text)], indent, BodySize, Ink);
                    }
                    break;
                case ContainerBlock inner:
                    MarkdownBlocks(inner, indent);
                    break;
            }
        }
    }

    private static List<Run> InlineRuns(ContainerInline? inline, bool bold)
    {
        var runs = new List<Run>();
        if (inline is not null)
        {
            AddRuns(inline, bold, runs);
        }
        return runs;
    }

    private static void AddRuns(Inline inline, bool bold, List<Run> runs)
    {
        switch (inline)
        {
            case LiteralInline literal:
                runs.Add(new Run(literal.Content.ToString(), bold));
                break;
            case CodeInline code:
                runs.Add(new Run(code.Content, bold));
                break;
            case LineBreakInline:
                runs.Add(new Run(" ", bold));
                break;
            case AutolinkInline auto:
                runs.Add(new Run(auto.Url, bold));
                break;
            case HtmlInline html:
                runs.Add(new Run(html.Tag, bold));
                break;
            case HtmlEntityInline entity:
                runs.Add(new Run(entity.Transcoded.ToString(), bold));
                break;
            case LinkInline { IsImage: true }:
                break;
            case LinkInline link:
                foreach (var child in link)
                {
                    AddRuns(child, bold, runs);
                }
                // As on paper: the address after the text, when the text is not the address already.
                if (link.Url is { Length: > 0 } url && SafeUrl.IsHttpUrl(url) && !runs.Select(r => r.Text).LastOrDefault("").Contains(url, StringComparison.Ordinal))
                {
                    runs.Add(new Run($" ({url})", bold));
                }
                break;
            case EmphasisInline emphasis:
                foreach (var child in emphasis)
                {
                    AddRuns(child, bold || emphasis.DelimiterCount >= 2, runs);
                }
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AddRuns(child, bold, runs);
                }
                break;
        }
    }

    private void SectionHeading(string title)
    {
        y += 8;
        // A heading never ends a page: it stays with at least two lines of what follows.
        KeepTogether(LineHeight(HeadingSize) + 4 + 2 * LineHeight(BodySize));
        Paragraph([new Run(title, true)], 0, HeadingSize, Ink);
        Gfx.DrawLine(Rule, Margin, y + 1, Right, y + 1);
        y += 5;
    }

    /// <summary>A group's name over its entries (projects under a theme), kept with the first of them.</summary>
    private void GroupHeading(string name)
    {
        y += 3;
        KeepTogether(LineHeight(SubheadingSize) + 2 * LineHeight(BodySize));
        Paragraph([new Run(name, true)], 0, SubheadingSize, Muted);
        y += 2;
    }

    private void Paragraph(IReadOnlyList<Run> runs, double indent, double size, XBrush brush) =>
        DrawLines(Wrap(runs, Right - Margin - indent, size), Margin + indent, size, brush);

    private void DrawLines(List<List<Run>> lines, double x, double size, XBrush brush)
    {
        foreach (var line in lines)
        {
            KeepTogether(LineHeight(size));
            var left = x;
            var baseline = y + Font(size, false).GetHeight() * 0.8;
            foreach (var run in line)
            {
                var font = Font(size, run.Bold);
                var text = run.Text.TrimEnd();
                if (text.Length > 0)
                {
                    Gfx.DrawString(text, font, brush, left, baseline, XStringFormats.BaseLineLeft);
                }
                left += Gfx.MeasureString(run.Text, font).Width;
            }
            y += LineHeight(size);
        }
    }

    /// <summary>
    /// Breaks runs into lines no wider than <paramref name="width"/>, at spaces only: a word made of
    /// several runs ("Castellanos*," with its comma) stays whole, and a word wider than the line
    /// alone (a long address) is cut where the line ends.
    /// </summary>
    private List<List<Run>> Wrap(IReadOnlyList<Run> runs, double width, double size)
    {
        var lines = new List<List<Run>>();
        var line = new List<Run>();
        var used = 0.0;
        foreach (var word in Words(runs))
        {
            var visible = word.Sum(r => Width(r.Text, size, r.Bold)) - TrailingSpace(word[^1], size);
            if (used > 0 && used + visible > width)
            {
                lines.Add(line);
                line = [];
                used = 0;
            }
            if (visible > width && word.Count == 1)
            {
                var piece = word[0].Text;
                while (piece.Length > 1 && Width(piece.TrimEnd(), size, word[0].Bold) > width)
                {
                    var fits = 1;
                    while (fits < piece.Length && Width(piece[..(fits + 1)], size, word[0].Bold) <= width)
                    {
                        fits++;
                    }
                    lines.Add([new Run(piece[..fits], word[0].Bold)]);
                    piece = piece[fits..];
                }
                line.Add(new Run(piece, word[0].Bold));
                used = Width(piece, size, word[0].Bold);
                continue;
            }
            line.AddRange(word);
            used += word.Sum(r => Width(r.Text, size, r.Bold));
        }
        if (line.Count > 0)
        {
            lines.Add(line);
        }
        return lines;
    }

    private double Width(string text, double size, bool bold) => Gfx.MeasureString(text, Font(size, bold)).Width;

    private double TrailingSpace(Run run, double size) => Width(run.Text, size, run.Bold) - Width(run.Text.TrimEnd(), size, run.Bold);

    /// <summary>The runs cut into words, each word the pieces of runs up to and with the spaces after it.</summary>
    private static List<List<Run>> Words(IReadOnlyList<Run> runs)
    {
        var words = new List<List<Run>>();
        var word = new List<Run>();
        foreach (var run in runs)
        {
            var text = run.Text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == ' ' && (i + 1 == text.Length || text[i + 1] != ' '))
                {
                    word.Add(new Run(text[start..(i + 1)], run.Bold));
                    words.Add(word);
                    word = [];
                    start = i + 1;
                }
            }
            if (start < text.Length)
            {
                word.Add(new Run(text[start..], run.Bold));
            }
        }
        if (word.Count > 0)
        {
            words.Add(word);
        }
        return words;
    }

    private void KeepTogether(double height)
    {
        if (y + height > Bottom && y > Margin + 1)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = paper;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private void PageNumbers(string name)
    {
        var font = Font(SmallSize - 1, false);
        for (var i = 0; i < document.PageCount; i++)
        {
            var p = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            var text = $"{name} · CV · {(i + 1).ToString(CultureInfo.InvariantCulture)} of {document.PageCount.ToString(CultureInfo.InvariantCulture)}";
            gfx.DrawString(text, font, Muted, p.Width.Point / 2, p.Height.Point - Margin / 2, XStringFormats.BaseLineCenter);
        }
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }

    private static double LineHeight(double size) => size * 1.35;

    private XFont Font(double size, bool bold)
    {
        if (!fonts.TryGetValue((size, bold), out var font))
        {
            font = new XFont(CvFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            fonts[(size, bold)] = font;
        }
        return font;
    }

    private sealed record Run(string Text, bool Bold = false);
}
