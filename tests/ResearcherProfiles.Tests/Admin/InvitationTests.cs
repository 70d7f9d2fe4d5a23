using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Areas.Account.Pages;
using ResearcherProfiles.Web.Areas.Admin.Pages;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Admin;

/// <summary>Inviting a person by email, and what the emailed link lets them do (once, in time).</summary>
public sealed class InvitationTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private const string NewPassword = "a long enough passphrase for tests";

    [Fact]
    public async Task Invited_person_sets_a_password_owns_the_assigned_profile_and_can_sign_in()
    {
        var profile = await new ResearcherBuilder("Grace Hopper").SaveAsync(factory);
        var email = NewEmail();

        var link = await InviteAsync(email, profile.Id.ToString());
        var invitee = NewBrowser();
        var form = await invitee.GetPageAsync(link);
        using var accepted = await invitee.SubmitFormAsync(link, Passwords(NewPassword));

        Assert.Equal(email, form.Document.QuerySelector("input#email")?.GetAttribute("value"));
        accepted.AssertRedirectedTo($"/edit/{profile.Slug}");
        var account = await invitee.GetPageAsync("/account");
        Assert.Contains(email, account.BodyText, StringComparison.Ordinal);
        var user = await FindUserAsync(email);
        Assert.NotNull(user);
        Assert.Equal(user.Id, await OwnerOfAsync(profile.Id));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True(await users.IsInRoleAsync(user, AccountsExtensions.ResearcherRole));
            Assert.False(await users.IsInRoleAsync(user, AccountsExtensions.AdminRole));
        }
        await factory.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored_and_the_link_expires_in_seven_days()
    {
        var email = NewEmail();

        var link = await InviteAsync(email, string.Empty);

        var token = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var invitation = await factory.QueryAsync(db => db.Invitations.SingleAsync(i => i.Email == email));
        Assert.DoesNotContain(token, invitation.TokenHash, StringComparison.Ordinal);
        Assert.Equal(Web.Admin.InvitationTokens.Hash(token), invitation.TokenHash);
        Assert.Equal(32, Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token).Length);
        Assert.InRange(invitation.ExpiresAt - invitation.CreatedAt, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Invitation_can_create_a_new_profile_that_the_invitee_then_owns()
    {
        var email = NewEmail();
        var slug = $"new-colleague-{Guid.NewGuid():N}"[..30];

        var link = await InviteAsync(email, InviteModel.NewProfileChoice, new()
        {
            ["Input.NewProfile.DisplayName"] = "New Colleague",
            ["Input.NewProfile.FamilyName"] = "Colleague",
            ["Input.NewProfile.Slug"] = slug,
        });
        using var accepted = await NewBrowser().SubmitFormAsync(link, Passwords(NewPassword));

        accepted.AssertRedirectedTo($"/edit/{slug}");
        var user = await FindUserAsync(email);
        var owner = await factory.QueryAsync(db => db.Researchers.Where(r => r.Slug == slug).Select(r => r.OwnerId).SingleAsync());
        Assert.Equal(user!.Id, owner);
    }

    [Fact]
    public async Task Invitation_with_an_invalid_new_profile_shows_messages_and_creates_nothing()
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string>
        {
            ["Input.Email"] = NewEmail(),
            ["Input.Profile"] = InviteModel.NewProfileChoice,
            ["Input.NewProfile.DisplayName"] = "Bad Slug",
            ["Input.NewProfile.FamilyName"] = "Slug",
            ["Input.NewProfile.Slug"] = "Bad Slug!",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains(Web.Admin.NewProfileInput.SlugFormatMessage, page.TextOf("#slug-error"), StringComparison.Ordinal);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("people")]
    [InlineData("healthz")]
    public async Task Invitation_with_a_reserved_slug_for_the_new_profile_is_refused_and_creates_nothing(string slug)
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string>
        {
            ["Input.Email"] = NewEmail(),
            ["Input.Profile"] = InviteModel.NewProfileChoice,
            ["Input.NewProfile.DisplayName"] = "Reserved Slug",
            ["Input.NewProfile.FamilyName"] = "Slug",
            ["Input.NewProfile.Slug"] = slug,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"“{slug}” is reserved for the site's own pages; choose another address.", (await response.ReadPageAsync()).TextOf("#slug-error"));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task An_address_in_letters_of_any_script_is_invited_and_the_invitation_accepted()
    {
        var email = $"josé.núñez-{Guid.NewGuid():N}@example.org";

        var link = await InviteAsync(email, "");
        var invitee = NewBrowser();
        using var accepted = await invitee.SubmitFormAsync(link, Passwords(NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.NotNull(await FindUserAsync(email));
        await factory.SignInAsync(email, NewPassword);
    }

    [Theory]
    [InlineData("\u202Eevil@example.org")]
    [InlineData("ada\u200B@example.org")]
    [InlineData("\uFEFFada@example.org")]
    [InlineData("ada lovelace@example.org")]
    public async Task An_address_with_a_space_or_an_invisible_character_is_refused_next_to_the_field(string email)
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The email address has a space or an invisible character in it: type it again.", (await response.ReadPageAsync()).TextOf("#email-error"));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Inviting_an_email_that_already_has_an_account_creates_no_invitation_and_no_account()
    {
        var existing = await factory.CreateUserAsync(NewEmail(), AccountsExtensions.ResearcherRole);
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        using var response = await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string> { ["Input.Email"] = existing.Email! });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(InviteModel.ExistingAccountMessage, (await response.ReadPageAsync()).TextOf("#email-error"));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task Expired_link_is_rejected_and_creates_no_account()
    {
        var email = NewEmail();
        var link = await InviteAsync(email, string.Empty);
        await factory.ChangeDataAsync(db => db.Invitations.Where(i => i.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await AssertRejectedAsync(link, email);
    }

    [Fact]
    public async Task Revoked_link_is_rejected_and_creates_no_account()
    {
        var email = NewEmail();
        var link = await InviteAsync(email, string.Empty);
        var id = await factory.QueryAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync());
        var (admin, _) = await factory.SignInAdminAsync();

        using var revoked = await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string>(), $"form#revoke-{id}");

        revoked.AssertRedirectedTo("/admin/invite");
        Assert.NotNull(await factory.QueryAsync(db => db.Invitations.Where(i => i.Id == id).Select(i => i.RevokedAt).SingleAsync()));
        await AssertRejectedAsync(link, email);
    }

    [Fact]
    public async Task Used_link_cannot_be_used_again()
    {
        var email = NewEmail();
        var link = await InviteAsync(email, string.Empty);
        using var first = await NewBrowser().SubmitFormAsync(link, Passwords(NewPassword));
        first.AssertRedirectedTo("/account");

        var again = await NewBrowser().GetPageAsync(link);

        Assert.Equal(AcceptInvitationModel.InvalidMessage, again.TextOf("main .form-errors"));
        Assert.Null(again.Document.QuerySelector("main form"));
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_new_invitation_to_the_same_email_replaces_the_earlier_link()
    {
        var email = NewEmail();
        var first = await InviteAsync(email, string.Empty);
        await Task.Delay(1100);
        var second = await InviteAsync(email, string.Empty);

        Assert.NotEqual(first, second);
        await AssertRejectedAsync(first, email);
        using var accepted = await NewBrowser().SubmitFormAsync(second, Passwords(NewPassword));
        accepted.AssertRedirectedTo("/account");
    }

    [Fact]
    public async Task Unknown_token_gets_the_same_message_as_any_other_invalid_link()
    {
        var page = await NewBrowser().GetPageAsync("/account/invitation?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var missing = await NewBrowser().GetPageAsync("/account/invitation");

        Assert.Equal(AcceptInvitationModel.InvalidMessage, page.TextOf("main .form-errors"));
        Assert.Equal(AcceptInvitationModel.InvalidMessage, missing.TextOf("main .form-errors"));
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("a long enough passphrase", "a different passphrase")]
    public async Task Invalid_password_shows_a_message_and_leaves_the_link_usable(string password, string confirmation)
    {
        var email = NewEmail();
        var link = await InviteAsync(email, string.Empty);
        var invitee = NewBrowser();

        using var response = await invitee.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmation,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.False(string.IsNullOrEmpty(page.TextOf("#password-error") + page.TextOf("#confirm-error")));
        Assert.Null(await FindUserAsync(email));
        using var retry = await invitee.SubmitFormAsync(link, Passwords(NewPassword));
        retry.AssertRedirectedTo("/account");
    }

    [Fact]
    public async Task Profile_given_an_owner_meanwhile_keeps_that_owner_and_the_invitation_says_it_no_longer_works()
    {
        var profile = await new ResearcherBuilder("Contested Profile").SaveAsync(factory);
        var email = NewEmail();
        var link = await InviteAsync(email, profile.Id.ToString());
        var early = NewBrowser();
        var form = (await early.GetPageAsync(link)).Document;
        var other = await factory.CreateResearcherAsync(profile.Id);

        var page = await NewBrowser().GetPageAsync(link);
        // A form opened before the profile had its owner is refused too.
        using var accepted = await early.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("main form")!, link, Passwords(NewPassword));

        Assert.Equal(AcceptInvitationModel.ProfileTakenMessage, page.TextOf("main .form-errors"));
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(AcceptInvitationModel.ProfileTakenMessage, (await accepted.ReadPageAsync()).TextOf("main .form-errors"));
        Assert.Null(await FindUserAsync(email));
        Assert.Equal(other.Id, await OwnerOfAsync(profile.Id));
    }

    [Fact]
    public async Task A_new_invitation_to_edit_the_same_profile_replaces_the_earlier_one_to_another_address()
    {
        var profile = await new ResearcherBuilder("Invited Twice").SaveAsync(factory);
        var mistyped = NewEmail();
        var corrected = NewEmail();
        var first = await InviteAsync(mistyped, profile.Id.ToString());
        var (admin, _) = await factory.SignInAdminAsync();

        using (var response = await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string> { ["Input.Email"] = corrected, ["Input.Profile"] = profile.Id.ToString() }))
        {
            response.AssertRedirectedTo("/admin/invite");
        }
        var second = factory.InvitationLinkFor(corrected);

        Assert.Equal(
            $"Invitation sent to {corrected}. The link expires in 7 days. The earlier invitation to edit this profile, sent to {mistyped}, no longer works.",
            (await admin.GetPageAsync("/admin/invite")).TextOf(".status-message"));
        await AssertRejectedAsync(first, mistyped);
        using var accepted = await NewBrowser().SubmitFormAsync(second, Passwords(NewPassword));
        accepted.AssertRedirectedTo($"/edit/{profile.Slug}");
        Assert.Equal((await FindUserAsync(corrected))!.Id, await OwnerOfAsync(profile.Id));
    }

    [Fact]
    public async Task Only_profiles_without_an_owner_are_offered_and_accepted()
    {
        var owned = await new ResearcherBuilder("Owned Already").SaveAsync(factory);
        await factory.CreateResearcherAsync(owned.Id);
        var (admin, _) = await factory.SignInAdminAsync();
        var before = await factory.SnapshotAsync();

        var page = await admin.GetPageAsync("/admin/invite");
        using var response = await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string>
        {
            ["Input.Email"] = NewEmail(),
            ["Input.Profile"] = owned.Id.ToString(),
        });

        Assert.Null(page.Document.QuerySelector($"select[name='Input.Profile'] option[value='{owned.Id}']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadPageAsync()).TextOf("#profile-error")));
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    private async Task AssertRejectedAsync(string link, string email)
    {
        var invitee = NewBrowser();
        var page = await invitee.GetPageAsync(link);
        using var posted = await invitee.PostWithTokenAsync("/account/login", link, Passwords(NewPassword));

        Assert.Equal(AcceptInvitationModel.InvalidMessage, page.TextOf("main .form-errors"));
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Null(await FindUserAsync(email));
    }

    /// <summary>Sends an invitation through the admin form and returns the emailed link's path.</summary>
    private async Task<string> InviteAsync(string email, string profile, Dictionary<string, string>? extra = null)
    {
        var (admin, _) = await factory.SignInAdminAsync();
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Profile"] = profile };
        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }
        using var response = await admin.SubmitFormAsync("/admin/invite", fields);
        response.AssertRedirectedTo("/admin/invite");
        var confirmation = await admin.GetPageAsync("/admin/invite");
        Assert.Contains($"Invitation sent to {email}", confirmation.TextOf(".status-message"), StringComparison.Ordinal);
        return factory.InvitationLinkFor(email);
    }

    private HttpClient NewBrowser() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static Dictionary<string, string> Passwords(string password) => new()
    {
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private static string NewEmail() => $"invitee-{Guid.NewGuid():N}@example.org";

    private Task<AppUser?> FindUserAsync(string email) => factory.QueryAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == email));

    private Task<string?> OwnerOfAsync(int researcherId) =>
        factory.QueryAsync(db => db.Researchers.Where(r => r.Id == researcherId).Select(r => r.OwnerId).SingleAsync());
}
