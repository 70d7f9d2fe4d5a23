using System.Net;
using ResearcherProfiles.Tests.Accounts;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Tests.Admin;

public sealed class PurgePhotoTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task Purging_a_profile_deletes_its_photo_file_and_leaves_other_photos()
    {
        var photos = Path.Combine(factory.DataDirectory(), "photos");
        Directory.CreateDirectory(photos);
        var purgedName = $"{Guid.NewGuid():N}.png";
        var keptName = $"{Guid.NewGuid():N}.png";
        await File.WriteAllBytesAsync(Path.Combine(photos, purgedName), TestImages.Encode(SkiaSharp.SKEncodedImageFormat.Png, 4, 4));
        await File.WriteAllBytesAsync(Path.Combine(photos, keptName), TestImages.Encode(SkiaSharp.SKEncodedImageFormat.Png, 4, 4));
        var purged = await new ResearcherBuilder("Photo Purged")
            .With(r => { r.PhotoPath = PhotoFiles.UrlPrefix + purgedName; r.DeletedAt = DateTimeOffset.UtcNow; })
            .SaveAsync(factory);
        await new ResearcherBuilder("Photo Kept").With(r => r.PhotoPath = PhotoFiles.UrlPrefix + keptName).SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();

        using var response = await admin.SubmitFormAsync($"/admin/trash/{purged.Id}/purge", new Dictionary<string, string> { ["Confirmation"] = purged.Slug });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(photos, purgedName)));
        Assert.True(File.Exists(Path.Combine(photos, keptName)));
    }
}
