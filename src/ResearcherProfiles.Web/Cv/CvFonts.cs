using PdfSharp.Fonts;

namespace ResearcherProfiles.Web.Cv;

/// <summary>
/// The PDF's one typeface, DejaVu Sans (Bitstream Vera licence, Cv/Fonts/LICENSE-DejaVu.txt), read
/// from the assembly: PDFsharp finds no system fonts on Linux, and a container or a bare machine
/// may have none. DejaVu covers Latin, Greek and Cyrillic, so names with diacritics print as typed.
/// </summary>
public sealed class CvFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static readonly CvFonts Instance = new();

    /// <summary>
    /// Installs the resolver once per process. PDFsharp's setting is global and must receive the
    /// same instance every time, before any text is measured.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family asked for is DejaVu Sans; italic is slanted by PDFsharp, as the face has no italic here.
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName)
    {
        var name = faceName == Bold ? Bold : Regular;
        using var stream = typeof(CvFonts).Assembly.GetManifestResourceStream($"Cv.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name}.ttf is not embedded in the application.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
