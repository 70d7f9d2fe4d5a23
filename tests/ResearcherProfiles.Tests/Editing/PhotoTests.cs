using System.Net;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Pages.Edit;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>Photo upload through the real multipart form, and serving the stored photos.</summary>
public sealed class PhotoTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    // Well-known minimal images: a 1×1 PNG, a 1×1 baseline JPEG and a 1×1 lossy WebP.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");
    private static readonly byte[] WebP = Convert.FromBase64String("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    private readonly HttpClient _visitor = factory.CreateVisitor();

    public static TheoryData<string, string, string> Images => new()
    {
        { "png", "portrait.png", "image/png" },
        { "jpeg", "portrait.jpeg", "image/jpeg" },
        { "webp", "portrait.webp", "image/webp" },
    };

    private static byte[] Bytes(string kind) => kind switch
    {
        "png" => Png,
        "jpeg" => Jpeg,
        _ => WebP,
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task An_uploaded_photo_is_shown_on_the_public_page_and_served_safely(string kind, string fileName, string contentType)
    {
        var (profile, owner) = await factory.OwnedProfileAsync();

        // The browser's name and type are ignored: the bytes decide.
        using var response = await owner.UploadPhotoAsync(profile.Slug, Bytes(kind), fileName.Replace(".", "-evil.", StringComparison.Ordinal) + ".exe", "application/octet-stream");

        response.AssertRedirectsTo($"/edit/{profile.Slug}/photo");
        var photoPath = (await factory.ResearcherAsync(profile.Id)).PhotoPath!;
        Assert.Matches("^/media/photos/[0-9a-f]{32}\\.(jpg|png|webp)$", photoPath);
        Assert.DoesNotContain("evil", photoPath, StringComparison.Ordinal);
        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.Equal(photoPath, page.Document.QuerySelector(".profile-header img.avatar")?.GetAttribute("src"));

        using var served = await _visitor.GetAsync(new Uri(photoPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(contentType, served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(served.Headers.CacheControl?.Public);
        Assert.Equal(Bytes(kind), await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Html_named_like_a_png_is_rejected_and_nothing_changes()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();

        using var response = await owner.UploadPhotoAsync(profile.Slug, "<html><script>alert(1)</script></html>"u8.ToArray(), "photo.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(PhotoModel.WrongTypeMessage, page.QuerySelector("#Upload-error")?.TextContent.Trim());
        Assert.Contains("Upload-error", page.QuerySelector("#Upload")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".form-errors[role=alert]"));
        Assert.Null((await factory.ResearcherAsync(profile.Id)).PhotoPath);
    }

    [Fact]
    public async Task A_photo_over_5_MB_is_rejected()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var big = new byte[5 * 1024 * 1024 + 1];
        Png.CopyTo(big, 0);

        using var response = await owner.UploadPhotoAsync(profile.Slug, big, "big.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PhotoModel.TooLargeMessage, (await response.ReadDocumentAsync()).QuerySelector("#Upload-error")?.TextContent.Trim());
        Assert.Null((await factory.ResearcherAsync(profile.Id)).PhotoPath);
    }

    [Fact]
    public async Task A_6_MB_photo_gets_the_size_message_next_to_the_field()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var big = new byte[6 * 1024 * 1024];
        Png.CopyTo(big, 0);

        using var response = await owner.UploadPhotoAsync(profile.Slug, big, "big.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PhotoModel.TooLargeMessage, (await response.ReadDocumentAsync()).QuerySelector("#Upload-error")?.TextContent.Trim());
        Assert.Null((await factory.ResearcherAsync(profile.Id)).PhotoPath);
    }

    [Fact]
    public async Task A_request_far_over_the_limit_is_refused_unread_with_a_page_that_says_so()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var huge = new byte[16 * 1024 * 1024];
        Png.CopyTo(huge, 0);

        using var response = await owner.UploadPhotoAsync(profile.Slug, huge, "huge.png", "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("The form could not be read", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.StartsWith("The upload was larger than the server accepts for this page (at most 10.1 MB). Nothing was saved.",
            page.QuerySelector(".form-not-read")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null((await factory.ResearcherAsync(profile.Id)).PhotoPath);
    }

    [Fact]
    public async Task Submitting_without_a_file_asks_for_one()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}/photo", new Dictionary<string, string>(), "form.upload-photo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PhotoModel.MissingMessage, (await response.ReadDocumentAsync()).QuerySelector("#Upload-error")?.TextContent.Trim());
    }

    [Fact]
    public async Task Replacing_keeps_the_old_file_and_removing_returns_to_initials()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        (await owner.UploadPhotoAsync(profile.Slug, Png, "a.png", "image/png")).AssertRedirectsTo($"/edit/{profile.Slug}/photo");
        var first = (await factory.ResearcherAsync(profile.Id)).PhotoPath!;

        (await owner.UploadPhotoAsync(profile.Slug, Jpeg, "b.jpg", "image/jpeg")).AssertRedirectsTo($"/edit/{profile.Slug}/photo");
        var second = (await factory.ResearcherAsync(profile.Id)).PhotoPath!;

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync(new Uri(first, UriKind.Relative))).StatusCode);
        var revision = await factory.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Revisions, r => r.ResearcherId == profile.Id && r.EntityType == "Researcher" && r.After!.Contains(second)));
        Assert.Contains(first, revision.Before, StringComparison.Ordinal);

        (await owner.SubmitFormAsync($"/edit/{profile.Slug}/photo", new Dictionary<string, string>(), "form.remove-photo"))
            .AssertRedirectsTo($"/edit/{profile.Slug}/photo");
        Assert.Null((await factory.ResearcherAsync(profile.Id)).PhotoPath);
        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.Null(page.Document.QuerySelector(".profile-header img"));
        Assert.NotNull(page.Document.QuerySelector(".profile-header .avatar-initials"));
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync(new Uri(second, UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/media/photos/..%2Fprofiles.db")]
    [InlineData("/media/photos/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/media/photos/%2E%2E%2Fkeys")]
    [InlineData("/media/photos/profiles.db")]
    [InlineData("/media/photos/0123456789ABCDEF0123456789ABCDEF.png")]
    [InlineData("/media/photos/0123456789abcdef0123456789abcdef.svg")]
    [InlineData("/media/photos/0123456789abcdef0123456789abcdef.png.html")]
    [InlineData("/media/photos/0123456789abcdef0123456789abcdef.png")]
    [InlineData("/media/photos/")]
    public async Task Anything_but_a_stored_photo_name_is_not_found(string url)
    {
        using var response = await _visitor.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
