using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The CV as a PDF made on the server: <c>/people/{slug}/cv.pdf</c>.</summary>
public sealed class CvPdfTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private sealed record Download(HttpStatusCode Status, string? ContentType, string? ContentDisposition, byte[] Body);

    private async Task<Download> DownloadAsync(string url)
    {
        using var response = await _visitor.GetAsync(new Uri(url, UriKind.Relative));
        return new Download(
            response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.ContentDisposition?.ToString(),
            await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_pdf_holds_the_name_every_section_and_every_publication_title()
    {
        var researcher = await CvSamples.FullProfile("Zoë Ångström-Dvořák").SaveAsync(factory);

        var download = await DownloadAsync($"/people/{researcher.Slug}/cv.pdf");

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("application/pdf", download.ContentType);
        Assert.Equal($"attachment; filename=\"{researcher.Slug}-cv.pdf\"", download.ContentDisposition);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(download.Body, 0, 4));
        var (pages, text, title) = PdfText.Read(download.Body);
        Assert.True(pages > 0);
        Assert.Equal("CV of Zoë Ångström-Dvořák", title);
        Assert.Contains("Zoë Ångström-Dvořák", text, StringComparison.Ordinal);
        foreach (var heading in new[] { "Publications", "Projects", "Education", "Experience", "Awards", "Service", "Talks", "Skills" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }
        Assert.Contains("Newest Paper on Streams", text, StringComparison.Ordinal);
        Assert.Contains("Older Paper on Lakes", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("[1] Newest Paper on Streams", StringComparison.Ordinal) < text.IndexOf("[2] Older Paper on Lakes", StringComparison.Ordinal), text);
        Assert.DoesNotContain(CvSamples.HiddenTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(CvSamples.HiddenEmail, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_list_of_papers_runs_over_several_pages()
    {
        var builder = new ResearcherBuilder("Prolific Writer");
        for (var i = 0; i < 150; i++)
        {
            var year = 2000 + (i % 25);
            builder.WithPublication($"Paper number {i} with a title long enough to wrap onto a second line of the page", p =>
            {
                p.Owner().With(x => x.Year = year);
                for (var a = 0; a < 12; a++)
                {
                    p.Author($"Coauthor {a}");
                }
            });
        }
        var researcher = await builder.SaveAsync(factory);

        var download = await DownloadAsync($"/people/{researcher.Slug}/cv.pdf?paper=letter");

        var (pages, text, _) = PdfText.Read(download.Body);
        Assert.InRange(pages, 5, 60);
        Assert.Contains("[150] Paper number", text, StringComparison.Ordinal);
        using var document = PdfReader.Open(new MemoryStream(download.Body), PdfDocumentOpenMode.Import);
        Assert.Equal(792, document.Pages[0].Height.Point, 0);
    }

    [Fact]
    public async Task A_description_the_site_shows_as_plain_text_is_plain_text_in_the_pdf_too()
    {
        // Saved before the rules or imported (each within the field's 5,000 characters): emphasis
        // marks by the thousand, brackets nested deep, images nested deeper.
        var marks = string.Concat(Enumerable.Repeat("*a* ", 1_100));
        var researcher = await new ResearcherBuilder("Odd Descriptions")
            .WithPosition(new Position { Title = "Marked Post", Employer = "Lab", DescriptionMarkdown = "First words " + marks })
            .WithPosition(new Position { Title = "Bracketed Post", Employer = "Lab", DescriptionMarkdown = "Second words " + new string('[', 2_000) + "x" + new string(']', 2_000) })
            .WithPosition(new Position { Title = "Imaged Post", Employer = "Lab", DescriptionMarkdown = "Third words " + string.Concat(Enumerable.Repeat("![", 2_400)) })
            .WithPosition(new Position { Title = "Plain Post", Employer = "Lab", DescriptionMarkdown = "Leads the *flood* group." })
            .SaveAsync(factory);

        var download = await DownloadAsync($"/people/{researcher.Slug}/cv.pdf");

        Assert.Equal(HttpStatusCode.OK, download.Status);
        var (_, text, _) = PdfText.Read(download.Body);
        foreach (var words in new[] { "First words *a* *a*", "Second words [[[", "Third words ![![", "Leads the flood group." })
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hidden_trashed_and_unknown_profiles_have_no_pdf()
    {
        var hidden = await new ResearcherBuilder("Hidden Pdf Person").Hidden().SaveAsync(factory);
        var trashed = await new ResearcherBuilder("Trashed Pdf Person").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);

        foreach (var slug in new[] { hidden.Slug, trashed.Slug, "nobody-by-this-name" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync($"/people/{slug}/cv.pdf")).Status);
        }
    }

    [Fact]
    public async Task The_pdf_is_cached_and_made_again_after_a_change()
    {
        var researcher = await new ResearcherBuilder("Cached Pdf Person")
            .WithAward(new Award { Title = "First Prize" })
            .SaveAsync(factory);
        var url = $"/people/{researcher.Slug}/cv.pdf";
        await DownloadAsync(url);

        var again = await factory.SqlCommands.RecordAsync(() => DownloadAsync(url));
        await factory.ChangeDataAsync(db =>
            db.Awards.Where(a => a.Id == researcher.Awards[0].Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Renamed Prize")));
        var changed = await DownloadAsync(url);

        Assert.Empty(again);
        Assert.Contains("Renamed Prize", PdfText.Read(changed.Body).Text, StringComparison.Ordinal);
    }
}

/// <summary>
/// Reads a PDF back with PDFsharp: its page count, its title and the text its pages draw, in
/// drawing order. Text in a Unicode font is written as glyph ids; each font's ToUnicode map turns
/// them back into characters, as a PDF reader's copy and search do.
/// </summary>
internal static partial class PdfText
{
    public static (int Pages, string Text, string Title) Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var maps = FontMaps(page);
            Dictionary<int, string>? font = null;
            Collect(ContentReader.ReadContent(page), maps, ref font, text);
        }
        return (document.PageCount, string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)), document.Info.Title);
    }

    private static Dictionary<string, Dictionary<int, string>> FontMaps(PdfPage page)
    {
        var maps = new Dictionary<string, Dictionary<int, string>>();
        var fonts = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
        if (fonts is null)
        {
            return maps;
        }
        foreach (var name in fonts.Elements.Keys)
        {
            var toUnicode = fonts.Elements.GetDictionary(name)?.Elements.GetDictionary("/ToUnicode");
            if (toUnicode?.Stream is { } stream)
            {
                maps[name] = ParseCMap(Encoding.ASCII.GetString(stream.UnfilteredValue));
            }
        }
        return maps;
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match section in Section().Matches(cmap).Where(m => m.Groups[1].Value == "char"))
        {
            foreach (Match m in Pair().Matches(section.Groups[2].Value))
            {
                map[Convert.ToInt32(m.Groups[1].Value, 16)] = Utf16(m.Groups[2].Value);
            }
        }
        foreach (Match m in Section().Matches(cmap).Where(m => m.Groups[1].Value == "range").SelectMany(section => Triple().Matches(section.Groups[2].Value)))
        {
            var (from, to, first) = (Convert.ToInt32(m.Groups[1].Value, 16), Convert.ToInt32(m.Groups[2].Value, 16), Convert.ToInt32(m.Groups[3].Value, 16));
            for (var gid = from; gid <= to; gid++)
            {
                map[gid] = char.ConvertFromUtf32(first + gid - from);
            }
        }
        return map;
    }

    private static string Utf16(string hex) =>
        Encoding.BigEndianUnicode.GetString(Enumerable.Range(0, hex.Length / 2).Select(i => Convert.ToByte(hex.Substring(i * 2, 2), 16)).ToArray());

    private static void Collect(CObject content, Dictionary<string, Dictionary<int, string>> maps, ref Dictionary<int, string>? font, StringBuilder text)
    {
        switch (content)
        {
            case COperator { Name: "Tf" } op when op.Operands.Count > 0 && op.Operands[0] is CName name:
                font = maps.GetValueOrDefault(name.Name);
                break;
            case COperator op:
                foreach (var operand in op.Operands)
                {
                    Collect(operand, maps, ref font, text);
                }
                break;
            case CString s when font is not null:
                for (var i = 0; i + 1 < s.Value.Length; i += 2)
                {
                    text.Append(font.GetValueOrDefault((s.Value[i] << 8) | s.Value[i + 1], "?"));
                }
                text.Append(' ');
                break;
            case CString s:
                text.Append(s.Value).Append(' ');
                break;
            case CSequence sequence:
                foreach (var item in sequence)
                {
                    Collect(item, maps, ref font, text);
                }
                break;
        }
    }

    [GeneratedRegex(@"beginbf(char|range)(.*?)endbf\1", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Triple();
}
