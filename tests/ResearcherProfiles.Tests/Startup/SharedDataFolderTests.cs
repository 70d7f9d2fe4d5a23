using System.Net;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// Uploaded photos are files in the data folder: instances that serve one site share that folder
/// (one volume mounted by each), and a photo uploaded through one is served by every other.
/// </summary>
public sealed class SharedDataFolderTests
{
    /// <summary>One app instance over the shared data folder (its database and its photos).</summary>
    private sealed class Instance(string data) : ProfilesAppFactory(data);

    [Fact]
    public async Task A_photo_uploaded_through_one_instance_is_served_by_another()
    {
        var data = Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N"));
        await using var first = new Instance(data);
        var (profile, owner) = await first.OwnedProfileAsync(new ResearcherBuilder("Shared Photo"));
        await using var second = new Instance(data);
        var photo = TestImages.Encode(SkiaSharp.SKEncodedImageFormat.Png, 40, 30);

        (await owner.UploadPhotoAsync(profile.Slug, photo, "me.png", "image/png")).AssertRedirectsTo($"/edit/{profile.Slug}/photo");

        var path = (await second.ResearcherAsync(profile.Id)).PhotoPath!;
        using var served = await second.CreateVisitor().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(await first.CreateVisitor().GetByteArrayAsync(new Uri(path, UriKind.Relative)), await served.Content.ReadAsByteArrayAsync());
    }
}
