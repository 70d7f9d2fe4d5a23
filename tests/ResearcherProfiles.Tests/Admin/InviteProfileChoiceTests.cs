using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Areas.Admin.Pages;

namespace ResearcherProfiles.Tests.Admin;

/// <summary>The invitation form's profile list is bounded; an older profile without an owner is chosen by its address.</summary>
public sealed class InviteProfileChoiceTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task The_list_offers_the_newest_unowned_profiles_and_an_older_one_is_invited_by_address()
    {
        var old = await new ResearcherBuilder("Olde Unowned").SaveAsync(factory);
        for (var i = 0; i < InviteModel.MaxProfileChoices; i++)
        {
            await new ResearcherBuilder($"Newer Unowned{i}").SaveAsync(factory);
        }
        var (admin, _) = await factory.SignInAdminAsync();

        var form = await admin.GetPageAsync("/admin/invite");
        var profiles = form.Document.QuerySelectorAll("select[name='Input.Profile'] option").Skip(2).ToList();
        Assert.Equal(InviteModel.MaxProfileChoices, profiles.Count);
        Assert.DoesNotContain(profiles, o => o.GetAttribute("value") == old.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var email = $"invitee-{Guid.NewGuid():N}@example.org";
        using var response = await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Profile"] = "",
            ["Input.ProfileAddress"] = $"https://profiles.example.org/people/{old.Slug}",
        });

        response.AssertRedirectedTo("/admin/invite");
        Assert.Equal(old.Id, await factory.QueryAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.ResearcherId).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_profile_address_is_explained_next_to_the_field_and_nothing_is_sent()
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var email = $"invitee-{Guid.NewGuid():N}@example.org";

        using var response = await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Profile"] = "",
            ["Input.ProfileAddress"] = "nobody-here",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            "No profile without an owner has the address “nobody-here”. Check the address on the Profiles list.",
            document.QuerySelector("#profile-address-error")?.TextContent.Trim());
        Assert.False(await factory.QueryAsync(db => db.Invitations.AnyAsync(i => i.Email == email)));
    }
}
