using System.Text;
using System.Text.Encodings.Web;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Text;

/// <summary>
/// The site's HTML encoder writes every visible character as itself, beyond the Basic Multilingual
/// Plane too, and escapes what the framework's encoder escapes.
/// </summary>
public sealed class Utf8HtmlTests
{
    private static readonly HtmlEncoder Encoder = Utf8Html.Encoder;

    [Theory]
    [InlineData("🎓 PhD, 2019")]
    [InlineData("Jürgen 王小明 Ærø")]
    [InlineData("𠮷野家 and 𩸽")] // CJK Extension B ideographs, as in Japanese names
    [InlineData("𝔼[X] = μ")] // mathematical letters
    [InlineData("👩🏽‍🔬")] // a woman scientist with a skin tone, joined by U+200D
    [InlineData("🏴󠁧󠁢󠁳󠁣󠁴󠁿")] // the flag of Scotland, spelled with tag characters
    public void Visible_characters_are_written_as_themselves(string text)
    {
        var encoded = Encoder.Encode(text);

        Assert.Same(text, encoded);
    }

    [Theory]
    [InlineData("🎓<script>", "🎓&lt;script&gt;")]
    [InlineData("<b>🎓</b> & \"x\" 'y'", "&lt;b&gt;🎓&lt;/b&gt; &amp; &quot;x&quot; &#x27;y&#x27;")]
    [InlineData("\U000F0000", "&#xF0000;")] // private use
    [InlineData("\U0003FFFE", "&#x3FFFE;")] // a noncharacter
    [InlineData("\U0001FFFF", "&#x1FFFF;")] // unassigned
    [InlineData("x\u0001y\u007Fz\uE000", "x&#x1;y&#x7F;z&#xE000;")] // controls and private use within the plane, as before
    public void What_the_framework_escapes_stays_escaped(string text, string expected)
    {
        Assert.Equal(expected, Encoder.Encode(text));
    }

    [Fact]
    public void A_lone_surrogate_is_written_as_the_replacement_character()
    {
        // Built here: an attribute's strings are stored as UTF-8, which cannot hold a lone surrogate.
        var high = new string('\uD83C', 1);
        var low = new string('\uDF93', 1);

        Assert.Equal("a\uFFFDb", Encoder.Encode("a" + high + "b"));
        Assert.Equal("a\uFFFD", Encoder.Encode("a" + low));
        Assert.Equal("🎓\uFFFD&lt;", Encoder.Encode("🎓" + high + "<"));
        Assert.Equal("\uFFFD🎓", Encoder.Encode(low + "🎓"));
    }

    [Fact]
    public void Writing_to_a_text_writer_and_to_a_span_agree_with_the_string()
    {
        var text = string.Concat(Enumerable.Repeat("Ünïcödé 🎓 <&> 𠮷 \uD800 plain ascii text ", 200));
        var expected = Encoder.Encode(text);

        using var writer = new StringWriter();
        Encoder.Encode(writer, text, 5, text.Length - 10);
        Assert.Equal(Encoder.Encode(text.Substring(5, text.Length - 10)), writer.ToString());

        var destination = new char[text.Length * Encoder.MaxOutputCharactersPerInputCharacter];
        Assert.Equal(System.Buffers.OperationStatus.Done, Encoder.Encode(text, destination, out var read, out var written));
        Assert.Equal(text.Length, read);
        Assert.Equal(expected, new string(destination, 0, written));

        var utf8 = Encoding.UTF8.GetBytes(text.Replace("\uD800", "", StringComparison.Ordinal));
        var utf8Destination = new byte[utf8.Length * 8];
        Assert.Equal(System.Buffers.OperationStatus.Done, Encoder.EncodeUtf8(utf8, utf8Destination, out _, out var bytesWritten));
        Assert.Equal(Encoder.Encode(text.Replace("\uD800", "", StringComparison.Ordinal)), Encoding.UTF8.GetString(utf8Destination, 0, bytesWritten));
    }

    [Fact]
    public void Text_with_nothing_to_escape_is_returned_as_it_is()
    {
        const string text = "A plain headline with an emoji at the end 🎓";

        Assert.Same(text, Encoder.Encode(text));
        Assert.Equal(-1, Encoder.FindFirstCharacterToEncodeUtf8(Encoding.UTF8.GetBytes(text)));
        Assert.False(Encoder.WillEncode(0x1F393));
        Assert.True(Encoder.WillEncode('<'));
        Assert.True(Encoder.WillEncode(0xD800));
    }
}
