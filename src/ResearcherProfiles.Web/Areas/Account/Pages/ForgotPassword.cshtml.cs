using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Email;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Account.Pages;

/// <summary>Asks for a password-reset link by email. The answer never says whether the address has an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsExtensions.AccountsRateLimitPolicy)]
public class ForgotPasswordModel(UserManager<AppUser> users, IEmailSender email, PublicUrl site, ILogger<ForgotPasswordModel> logger) : PageModel
{
    public const string SentMessage =
        "If an account uses that address, we have sent it a link to choose a new password. Check your email; the link works for 2 hours.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(254)]
        public string Email { get; set; } = string.Empty;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { IsDisabled: false, Email: not null })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = ResetLink(user.Email, token);
            await email.SendAsync(user.Email, "Choose a new password", $"""
                Someone asked to reset the password of your account on {site.Origin}.
                To choose a new password, open this link within {AccountsExtensions.PasswordResetLifetime.TotalHours:0} hours:

                {link}

                If you did not ask for this, ignore this message: your password stays as it is.
                """, ct);
            logger.LogInformation("Password-reset link sent to user {UserId}.", user.Id);
        }
        StatusMessage = SentMessage;
        return RedirectToPage();
    }

    private string ResetLink(string address, string token) =>
        site.Absolute(QueryHelpers.AddQueryString("/account/reset-password", new Dictionary<string, string?>
        {
            ["email"] = address,
            ["token"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        }));
}
