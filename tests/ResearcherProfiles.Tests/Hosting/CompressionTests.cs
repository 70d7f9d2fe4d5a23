using System.IO.Compression;
using System.Net;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>
/// Public pages and downloads are sent with Brotli or gzip, compressed once into the output cache;
/// pages behind a sign-in never are.
/// </summary>
/// <remarks>Run over each store of the output cache: in memory here, Redis in <see cref="CompressionOverRedisTests"/>.</remarks>
public abstract class CompressionSpecs<TApp>(TApp factory) : IClassFixture<TApp>
    where TApp : ProfilesAppFactory
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static string Decompress(byte[] body, string? encoding)
    {
        using var input = new MemoryStream(body);
        using Stream stream = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [ServiceTheory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task A_profile_is_sent_in_the_encoding_the_browser_prefers_and_reads_the_same(string? accept, string? expected)
    {
        var researcher = await new ResearcherBuilder($"Squeeze {Guid.NewGuid():N}"[..20]).With(r => r.AboutMarkdown = string.Concat(Enumerable.Repeat("Rivers and lakes. ", 200))).SaveAsync(factory);
        var url = $"/people/{researcher.Slug}";
        var (_, plain) = await GetAsync(_visitor, url, null);

        var (response, body) = await GetAsync(_visitor, url, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Assert.Equal(expected, encoding);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(plain), Decompress(body, encoding));
        if (expected is not null)
        {
            Assert.True(body.Length * 3 < plain.Length, $"{body.Length} bytes compressed against {plain.Length}");
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
    }

    [ServiceFact]
    public async Task A_compressed_page_is_served_from_the_cache_as_stored()
    {
        var researcher = await new ResearcherBuilder("Cached Squeeze").SaveAsync(factory);
        var url = $"/people/{researcher.Slug}";

        var (first, firstBody) = await GetAsync(_visitor, url, "br");
        var (second, secondBody) = await GetAsync(_visitor, url, "gzip, br");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal("br", second.Content.Headers.ContentEncoding.Single());
        Assert.Equal(firstBody, secondBody);
    }

    [ServiceFact]
    public async Task Downloads_are_compressed_except_the_pdf_which_is_compressed_already()
    {
        var researcher = await CvSamplesFor("Download Squeeze");

        var (bib, _) = await GetAsync(_visitor, $"/people/{researcher}/publications.bib", "br");
        var (resume, _) = await GetAsync(_visitor, $"/people/{researcher}/resume.json", "gzip");
        var (pdf, _) = await GetAsync(_visitor, $"/people/{researcher}/cv.pdf", "br");

        Assert.Equal("br", bib.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Equal("gzip", resume.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Empty(pdf.Content.Headers.ContentEncoding);
    }

    private async Task<string> CvSamplesFor(string name) => (await Pages.CvSamples.FullProfile(name).SaveAsync(factory)).Slug;

    [ServiceFact]
    public async Task Pages_behind_a_sign_in_are_never_compressed()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Private Squeeze"));

        var (editor, _) = await GetAsync(owner, $"/edit/{profile.Slug}", "br, gzip");
        var (account, _) = await GetAsync(owner, "/account", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Empty(editor.Content.Headers.ContentEncoding);
        Assert.Empty(account.Content.Headers.ContentEncoding);
    }

    [ServiceTheory]
    [InlineData("/css/site.css", "br")]
    [InlineData("/css/site.css", "gzip")]
    [InlineData("/js/cite.js", "br")]
    public async Task The_stylesheet_and_scripts_are_sent_compressed_with_their_own_tags(string path, string encoding)
    {
        var file = await File.ReadAllTextAsync(RepositoryFiles.Path(["wwwroot", .. path.TrimStart('/').Split('/')]));

        var (response, body) = await GetAsync(_visitor, path + "?v=abc", encoding);
        var (plain, plainBody) = await GetAsync(_visitor, path, null);

        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        Assert.Equal(file, Decompress(body, encoding));
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(file, System.Text.Encoding.UTF8.GetString(plainBody));
        Assert.True(body.Length * 2 < plainBody.Length, $"{body.Length} bytes compressed against {plainBody.Length}");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        request.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var again = await _visitor.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [ServiceTheory]
    [InlineData(new[] { "gzip, deflate, br" }, "br")]
    [InlineData(new[] { "gzip", "br;q=0.9" }, "gzip")]
    [InlineData(new[] { "*;q=0" }, "identity")]
    [InlineData(new[] { "deflate" }, "identity")]
    [InlineData(new[] { "br;q=0.5, identity" }, "identity")]
    [InlineData(new[] { ";;;,q=" }, "identity")]
    public void The_cache_key_names_the_encoding_the_answer_will_have(string[] header, string expected)
    {
        Assert.Equal(expected, PublicCompression.Choose(header));
        // The second time the answer is the one kept for the header.
        Assert.Equal(expected, PublicCompression.Choose(header));
    }

    [Fact]
    public void Headers_beyond_the_ones_kept_are_still_read()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(i % 2 == 0 ? "gzip" : "br", PublicCompression.Choose(i % 2 == 0 ? $"gzip, x-{i}" : $"br, x-{i}"));
        }
    }
}

public sealed class CompressionTests(ProfilesAppFactory factory) : CompressionSpecs<ProfilesAppFactory>(factory);
