using System.Net;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>
/// A form posted to a page without naming one of its handlers, or naming one it does not have, is
/// refused with a 400, and one posted to a page that takes none with a 405: the page never renders
/// without its data.
/// </summary>
public sealed class UnknownHandlerTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task A_form_for_no_handler_of_the_page_is_refused_with_400()
    {
        var admin = await factory.CreateAdminAsync();
        var adminClient = await factory.SignInAsync(admin.Email!);
        var adminToken = await adminClient.TokenFromAsync("/admin/site");
        var (profile, owner) = await factory.OwnedProfileAsync();
        var ownerToken = await owner.TokenFromAsync($"/edit/{profile.Slug}");
        var posts = new[]
        {
            (adminClient, adminToken, "/admin", HttpStatusCode.BadRequest), (adminClient, adminToken, "/admin/trash", HttpStatusCode.BadRequest),
            (adminClient, adminToken, $"/admin/profiles/{profile.Id}", HttpStatusCode.BadRequest),
            (owner, ownerToken, $"/edit/{profile.Slug}/publications", HttpStatusCode.BadRequest),
            (adminClient, adminToken, "/admin/paper-sources", HttpStatusCode.MethodNotAllowed),
            (owner, ownerToken, $"/edit/{profile.Slug}/history/undo/{Guid.NewGuid()}", HttpStatusCode.MethodNotAllowed),
        };

        foreach (var (client, token, page, status) in posts)
        {
            foreach (var query in new[] { "", "?handler=nope" })
            {
                using var content = new FormUrlEncodedContent([new(EditorClient.TokenField, token)]);
                using var response = await client.PostAsync(new Uri(page + query, UriKind.Relative), content);

                Assert.True(response.StatusCode == status, $"POST {page}{query}: {(int)response.StatusCode}");
            }
        }
        // The status page itself still renders for a POST the framework sends it.
        using var stranger = await owner.PostAsync(new Uri("/admin/trash", UriKind.Relative),
            new FormUrlEncodedContent([new(EditorClient.TokenField, ownerToken)]));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("Access denied", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
