using System.Net;
using System.Net.Http.Headers;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>Public pages carry an ETag, a Last-Modified and a Content-Length, and a matching conditional request gets 304.</summary>
/// <remarks>Run over each store of the output cache: in memory here, Redis in <see cref="ValidatorOverRedisTests"/>.</remarks>
public abstract class ValidatorSpecs<TApp>(TApp factory) : IClassFixture<TApp>
    where TApp : ProfilesAppFactory
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private async Task<HttpResponseMessage> GetAsync(string url, string? encoding = null, EntityTagHeaderValue? ifNoneMatch = null, DateTimeOffset? ifModifiedSince = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        request.Headers.IfModifiedSince = ifModifiedSince;
        return await _visitor.SendAsync(request);
    }

    [ServiceFact]
    public async Task A_profile_has_validators_and_an_unchanged_one_is_not_sent_again()
    {
        var researcher = await new ResearcherBuilder("Validated Person").SaveAsync(factory);
        var url = $"/people/{researcher.Slug}";

        using var first = await GetAsync(url);
        var body = await first.Content.ReadAsByteArrayAsync();
        var tag = first.Headers.ETag;

        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(body.Length, first.Content.Headers.ContentLength);
        Assert.NotEqual(true, first.Headers.TransferEncodingChunked);

        using var again = await GetAsync(url, ifNoneMatch: tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        using var since = await GetAsync(url, ifModifiedSince: first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, since.StatusCode);
    }

    [ServiceFact]
    public async Task A_changed_profile_answers_an_old_tag_with_the_new_page()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Changing Person"));
        using var before = await GetAsync($"/people/{profile.Slug}");
        var tag = before.Headers.ETag!;

        using var saved = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Now a professor" }, "form.basics-form");
        using var after = await GetAsync($"/people/{profile.Slug}", ifNoneMatch: tag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(tag, after.Headers.ETag);
        Assert.Contains("Now a professor", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ServiceFact]
    public async Task Each_encoding_of_a_page_has_its_own_tag()
    {
        var researcher = await new ResearcherBuilder("Encoded Person").SaveAsync(factory);
        var url = $"/people/{researcher.Slug}";

        using var plain = await GetAsync(url);
        using var brotli = await GetAsync(url, "br");
        using var brotliAgain = await GetAsync(url, "br", plain.Headers.ETag);

        Assert.NotEqual(plain.Headers.ETag, brotli.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, brotliAgain.StatusCode);
        Assert.Equal(brotli.Headers.ETag, brotliAgain.Headers.ETag);
    }

    [ServiceFact]
    public async Task Downloads_have_validators_and_editor_pages_none()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Download Validator"));

        using var bib = await GetAsync($"/people/{profile.Slug}/publications.bib");
        using var editor = await owner.GetAsync(new Uri($"/edit/{profile.Slug}", UriKind.Relative));

        Assert.NotNull(bib.Headers.ETag);
        Assert.Null(editor.Headers.ETag);
    }
}

public sealed class ValidatorTests(ProfilesAppFactory factory) : ValidatorSpecs<ProfilesAppFactory>(factory);
