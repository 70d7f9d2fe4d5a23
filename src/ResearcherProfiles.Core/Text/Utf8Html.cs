using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ResearcherProfiles.Core.Text;

/// <summary>
/// The site's one HTML encoder. The framework's default escapes every character outside Basic
/// Latin, so "Jürgen" went out as "J&amp;#xFC;rgen" and each Chinese character as eight bytes; pages
/// are sent as UTF-8, so all of Unicode can be written as itself. What makes text unsafe in HTML
/// is escaped as before: &lt; &gt; &amp; quotes, and control and unassigned characters.
/// </summary>
public static class Utf8Html
{
    public static HtmlEncoder Encoder { get; } = new AllPlanesHtmlEncoder();

    /// <summary>
    /// The framework's encoder for all ranges lets the Basic Multilingual Plane through but still
    /// writes every character beyond it — emoji, rarer CJK ideographs, historic scripts,
    /// mathematical letters — as a numeric reference, whatever ranges it is given. This one lets
    /// those through as well when they are assigned and not for private use (the framework lets
    /// the same categories through within the plane), and leaves everything else to the
    /// framework's encoder: markup characters and controls are escaped exactly as before, and a
    /// lone surrogate is written as U+FFFD.
    /// </summary>
    private sealed class AllPlanesHtmlEncoder : HtmlEncoder
    {
        private readonly HtmlEncoder _inner = HtmlEncoder.Create(UnicodeRanges.All);

        public override int MaxOutputCharactersPerInputCharacter => _inner.MaxOutputCharactersPerInputCharacter;

        public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
        {
            var offset = 0;
            while (offset < textLength)
            {
                // The framework's search is vectorised; it stops at every character beyond the
                // plane, and the search goes on after those that may be written as they are.
                var found = _inner.FindFirstCharacterToEncode(text + offset, textLength - offset);
                if (found < 0)
                {
                    return -1;
                }
                var at = offset + found;
                if (Rune.DecodeFromUtf16(new ReadOnlySpan<char>(text + at, textLength - at), out var rune, out var used) != OperationStatus.Done
                    || used != 2
                    || !Writable(rune))
                {
                    return at;
                }
                offset = at + used;
            }
            return -1;
        }

        public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
        {
            if (WillEncode(unicodeScalar))
            {
                return _inner.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
            }
            var rune = new Rune(unicodeScalar);
            if (rune.Utf16SequenceLength > bufferLength)
            {
                numberOfCharactersWritten = 0;
                return false;
            }
            numberOfCharactersWritten = rune.EncodeToUtf16(new Span<char>(buffer, bufferLength));
            return true;
        }

        public override bool WillEncode(int unicodeScalar) =>
            !Rune.IsValid(unicodeScalar)
            || (unicodeScalar > char.MaxValue ? !Writable(new Rune(unicodeScalar)) : _inner.WillEncode(unicodeScalar));

        private static bool Writable(Rune rune) =>
            !rune.IsBmp && Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse => false,
                _ => true,
            };
    }
}
