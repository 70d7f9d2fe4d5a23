using System.Net;
using System.Text;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Pages.Edit;
using SkiaSharp;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>Photo upload through the real multipart form, and serving the stored photos.</summary>
public sealed class PhotoTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static readonly byte[] Png = TestImages.Encode(SKEncodedImageFormat.Png, 40, 30);
    private static readonly byte[] Jpeg = TestImages.Encode(SKEncodedImageFormat.Jpeg, 40, 30);
    private static readonly byte[] WebP = TestImages.Encode(SKEncodedImageFormat.Webp, 40, 30);

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
        // Stored re-encoded, in the format it came in.
        var stored = TestImages.Describe(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal((40, 30, TestImages.Describe(Bytes(kind)).Format), stored);
    }

    [Fact]
    public async Task An_uploaded_jpeg_is_served_without_its_exif_and_gps_block_and_stands_upright()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        const string Marker = "Taken at the lab by camera SN-4711";
        var upload = TestImages.JpegWithExif(40, 20, Marker);
        Assert.Contains(Marker, Encoding.ASCII.GetString(upload), StringComparison.Ordinal);

        (await owner.UploadPhotoAsync(profile.Slug, upload, "phone.jpg", "image/jpeg")).AssertRedirectsTo($"/edit/{profile.Slug}/photo");
        var photoPath = (await factory.ResearcherAsync(profile.Id)).PhotoPath!;
        var served = await _visitor.GetByteArrayAsync(new Uri(photoPath, UriKind.Relative));

        var text = Encoding.ASCII.GetString(served);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        // Orientation 6 was applied to the pixels: the 40×20 upload stands as 20×40.
        Assert.Equal((20, 40, SKEncodedImageFormat.Jpeg), TestImages.Describe(served));
    }

    [Theory]
    [InlineData(8001, 10)]
    [InlineData(30000, 30000)]
    public async Task An_image_with_too_many_pixels_is_refused_next_to_the_field(int width, int height)
    {
        var (profile, owner) = await factory.OwnedProfileAsync();

        using var response = await owner.UploadPhotoAsync(profile.Slug, TestImages.PngClaiming(width, height), "huge.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PhotoImages.TooManyPixelsMessage(width, height), (await response.ReadDocumentAsync()).QuerySelector("#Upload-error")?.TextContent.Trim());
        Assert.Null((await factory.ResearcherAsync(profile.Id)).PhotoPath);
    }

    [Fact]
    public async Task A_large_photo_is_stored_scaled_down_to_1600_pixels_on_its_longer_side()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();

        (await owner.UploadPhotoAsync(profile.Slug, TestImages.Encode(SKEncodedImageFormat.Jpeg, 3200, 2400), "big.jpg", "image/jpeg"))
            .AssertRedirectsTo($"/edit/{profile.Slug}/photo");
        var served = await _visitor.GetByteArrayAsync(new Uri((await factory.ResearcherAsync(profile.Id)).PhotoPath!, UriKind.Relative));

        Assert.Equal((1600, 1200, SKEncodedImageFormat.Jpeg), TestImages.Describe(served));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "cut.png", "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "cut.jpg", "image/jpeg")]
    public async Task A_photo_file_cut_short_is_refused_rather_than_stored_part_blank(SKEncodedImageFormat format, string fileName, string contentType)
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var whole = TestImages.Encode(format, 200, 200);
        var cut = whole.AsSpan(0, whole.Length / 2).ToArray();

        using var response = await owner.UploadPhotoAsync(profile.Slug, cut, fileName, contentType);

        Assert.Equal(PhotoImages.IncompleteMessage, (await response.ReadDocumentAsync()).QuerySelector("#Upload-error")?.TextContent.Trim());
        Assert.Null((await factory.ResearcherAsync(profile.Id)).PhotoPath);
    }

    [Fact]
    public async Task A_damaged_image_with_the_right_first_bytes_is_refused()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var damaged = Png.AsSpan(0, 16).ToArray();

        using var response = await owner.UploadPhotoAsync(profile.Slug, damaged, "damaged.png", "image/png");

        Assert.Equal(PhotoImages.UnreadableMessage, (await response.ReadDocumentAsync()).QuerySelector("#Upload-error")?.TextContent.Trim());
        Assert.Null((await factory.ResearcherAsync(profile.Id)).PhotoPath);
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

    [Theory]
    [InlineData("--other\r\n\r\n")]
    [InlineData("--edge\r\nContent-Disposition: form-data; name=\"Upload\"; filename=\"a.png\"\r\n\r\n\u0089PNG")]
    public async Task A_multipart_body_cut_short_or_off_its_boundary_gets_a_page_that_says_so(string body)
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        foreach (var (client, path) in new[] { (owner, $"/edit/{profile.Slug}/photo"), (_visitor, "/account/login") })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=edge");

            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            Assert.Equal("The form could not be read", page.QuerySelector("h1")?.TextContent.Trim());
            Assert.StartsWith("The form arrived incomplete and could not be read. Nothing was saved.",
                page.QuerySelector(".form-not-read")?.TextContent.Trim(), StringComparison.Ordinal);
        }
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
    public async Task Replacing_or_removing_a_photo_deletes_its_file_and_removing_returns_to_initials()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        (await owner.UploadPhotoAsync(profile.Slug, Png, "a.png", "image/png")).AssertRedirectsTo($"/edit/{profile.Slug}/photo");
        var first = (await factory.ResearcherAsync(profile.Id)).PhotoPath!;

        (await owner.UploadPhotoAsync(profile.Slug, Jpeg, "b.jpg", "image/jpeg")).AssertRedirectsTo($"/edit/{profile.Slug}/photo");
        var second = (await factory.ResearcherAsync(profile.Id)).PhotoPath!;

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync(new Uri(first, UriKind.Relative))).StatusCode);
        Assert.False(File.Exists(StoredFile(first)));
        Assert.True(File.Exists(StoredFile(second)));
        var revision = await factory.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Revisions, r => r.ResearcherId == profile.Id && r.EntityType == "Researcher" && r.After!.Contains(second)));
        Assert.Contains(first, revision.Before, StringComparison.Ordinal);

        (await owner.SubmitFormAsync($"/edit/{profile.Slug}/photo", new Dictionary<string, string>(), "form.remove-photo"))
            .AssertRedirectsTo($"/edit/{profile.Slug}/photo");
        Assert.Null((await factory.ResearcherAsync(profile.Id)).PhotoPath);
        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.Null(page.Document.QuerySelector(".profile-header img"));
        Assert.NotNull(page.Document.QuerySelector(".profile-header .avatar-initials"));
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync(new Uri(second, UriKind.Relative))).StatusCode);
        Assert.False(File.Exists(StoredFile(second)));
    }

    [Fact]
    public async Task Photos_uploaded_at_once_leave_one_photo_and_one_file()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var folder = Path.Combine(Accounts.AccountPages.DataDirectory(factory), "photos");
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => owner.UploadPhotoAsync(profile.Slug, i % 2 == 0 ? Png : Jpeg, $"p{i}.png", "image/png")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Array.ForEach(responses, r => r.Dispose());
        var kept = (await factory.ResearcherAsync(profile.Id)).PhotoPath!;
        Assert.True(File.Exists(StoredFile(kept)));
        Assert.Equal(before + 1, Directory.GetFiles(folder).Length);
    }

    private string StoredFile(string photoPath) =>
        Path.Combine(Accounts.AccountPages.DataDirectory(factory), "photos", photoPath[PhotoFiles.UrlPrefix.Length..]);

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
