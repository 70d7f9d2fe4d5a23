using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// Pages carry text as people write it, in UTF-8, not as numeric character references; what is
/// markup in HTML stays escaped.
/// </summary>
public sealed class Utf8OutputTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task Names_in_any_script_are_sent_as_utf8_bytes()
    {
        var jurgen = await new ResearcherBuilder("Jürgen Schmidhüber").With(r => r.Headline = "Ñandú & Ærø 🎓").SaveAsync(factory);
        var wang = await new ResearcherBuilder("王 𠮷明").With(r => r.Headline = "计算机科学").SaveAsync(factory);

        var profile = await BytesAsync($"/people/{jurgen.Slug}");
        var chinese = await BytesAsync($"/people/{wang.Slug}");
        var directory = await BytesAsync("/");

        Assert.Contains("<h1 class=\"profile-name\">Jürgen Schmidhüber</h1>", Utf8(profile), StringComparison.Ordinal);
        Assert.Contains("Ñandú &amp; Ærø 🎓", Utf8(profile), StringComparison.Ordinal);
        // Beyond the Basic Multilingual Plane too: 🎓 is U+1F393, four bytes, where "&#x1F393;" took nine.
        Assert.True(Contains(profile, [0xF0, 0x9F, 0x8E, 0x93]), "🎓 is not in the page as UTF-8");
        Assert.True(Contains(profile, [0x4A, 0xC3, 0xBC, 0x72]), "\"Jür\" is not in the page as UTF-8");
        // 计 is U+8BA1: three bytes in UTF-8, where "&#x8BA1;" took eight.
        Assert.True(Contains(chinese, [0xE8, 0xAE, 0xA1]), "计 is not in the page as UTF-8");
        foreach (var page in new[] { profile, chinese })
        {
            Assert.Empty(NonAsciiReferences(Utf8(page)));
        }
        Assert.Contains("Jürgen Schmidhüber", Utf8(directory), StringComparison.Ordinal);
        Assert.Contains("王 𠮷明", Utf8(directory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Author_bylines_and_attributes_carry_utf8_too()
    {
        var owner = await new ResearcherBuilder("Zoë Ångström").With(r => r.PhotoPath = "/media/photos/zoe.jpg").SaveAsync(factory);
        var paper = await new PublicationBuilder("Über Bäume").Author(owner).Author("Łukasz Żółć").ShownOn(owner).SaveAsync(factory);

        var profile = Utf8(await BytesAsync($"/people/{owner.Slug}"));
        var paperPage = Utf8(await BytesAsync($"/publications/{paper.Id}/{PaperSlug.For(paper.Title)}".TrimEnd('/')));

        Assert.Contains("alt=\"Photo of Zoë Ångström\"", profile, StringComparison.Ordinal);
        Assert.Contains("content=\"Zoë Ångström\"", profile, StringComparison.Ordinal);
        Assert.Contains(">Zoë Ångström</a></span> and <span class=\"author\">Łukasz Żółć</span>", paperPage, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"citation_author\" content=\"Łukasz Żółć\">", paperPage, StringComparison.Ordinal);
        Assert.Empty(NonAsciiReferences(paperPage));
    }

    [Fact]
    public async Task Markup_characters_are_still_escaped_in_text_and_attributes()
    {
        var profile = await new ResearcherBuilder("Escape Tester")
            .With(r =>
            {
                r.DisplayName = "Zoë <i>\"Quote\"</i> & 'Apostrophe'";
                r.Interests = ["<script>alert(1)</script>"];
                r.PhotoPath = "/media/photos/escape.jpg";
            })
            .SaveAsync(factory);

        var html = Utf8(await BytesAsync($"/people/{profile.Slug}"));

        Assert.Contains(">Zoë &lt;i&gt;&quot;Quote&quot;&lt;/i&gt; &amp; &#x27;Apostrophe&#x27;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Photo of Zoë &lt;i&gt;&quot;Quote&quot;&lt;/i&gt; &amp; &#x27;Apostrophe&#x27;\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_html_encoder_lets_all_of_unicode_through()
    {
        var services = factory.Services;

        Assert.Equal("Jürgen 🎓 &lt;b&gt; &amp; &quot;x&quot;", services.GetRequiredService<HtmlEncoder>().Encode("Jürgen 🎓 <b> & \"x\""));
        // Addresses that routing builds stay ASCII, as a Location header must be.
        Assert.Equal("J%C3%BCrgen", services.GetRequiredService<UrlEncoder>().Encode("Jürgen"));
        Assert.Equal("J\\u00FCrgen", services.GetRequiredService<JavaScriptEncoder>().Encode("Jürgen"));
    }

    [Theory]
    [InlineData(null, 10, null)]
    [InlineData("   ", 10, null)]
    [InlineData("short", 10, "short")]
    [InlineData("one  two\nthree", 20, "one two three")]
    [InlineData("alpha beta gamma delta", 15, "alpha beta…")]
    [InlineData("Supercalifragilistic", 10, "Supercali…")]
    [InlineData("ab 😀😀😀😀", 7, "ab 😀…")]
    public void Excerpts_are_cut_between_words_and_never_inside_a_character(string? text, int maxLength, string? expected)
    {
        var excerpt = Excerpt.Of(text, maxLength);

        Assert.Equal(expected, excerpt);
        Assert.True(excerpt is null || excerpt.Length <= maxLength);
    }

    private async Task<byte[]> BytesAsync(string path)
    {
        using var response = await _visitor.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Numeric character references to characters outside ASCII (line breaks in a &lt;pre&gt; are still written as "&amp;#xA;").</summary>
    private static List<string> NonAsciiReferences(string html) =>
        Regex.Matches(html, "&#x([0-9A-Fa-f]+);|&#([0-9]+);")
            .Where(m => m.Groups[1].Success ? Convert.ToInt32(m.Groups[1].Value, 16) > 0x7F : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) > 0x7F)
            .Select(m => m.Value)
            .ToList();

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
