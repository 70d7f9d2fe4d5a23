using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Account.Pages;

/// <summary>Chooses a new password from an emailed link (see <see cref="ForgotPasswordModel"/>).</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsExtensions.AccountsRateLimitPolicy)]
public class ResetPasswordModel(UserManager<AppUser> users, ILogger<ResetPasswordModel> logger) : PageModel
{
    /// <summary>One message for a bad, used or expired link and an unknown or disabled account: no enumeration.</summary>
    public const string InvalidLinkMessage =
        "This password-reset link is not valid: it may have expired or been used already. Ask for a new link.";
    public const string ResetMessage = "Your password has been changed. Sign in with your new password.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required]
        [StringLength(254)]
        public string Email { get; set; } = string.Empty;

        [Required]
        [StringLength(4096)]
        public string Token { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(AccountsExtensions.MaxPasswordLength, MinimumLength = AccountsExtensions.MinPasswordLength,
            ErrorMessage = "Use between {2} and {1} characters. A few unrelated words make a good password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    /// <summary>True when the page was opened without the link's email and token.</summary>
    public bool LinkIncomplete { get; private set; }

    public void OnGet([FromQuery] string? email, [FromQuery] string? token)
    {
        LinkIncomplete = string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token);
        Input.Email = email ?? string.Empty;
        Input.Token = token ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            // The hidden fields come from the link: when they are broken, say so, not "field required".
            if (IsInvalid(nameof(InputModel.Email)) || IsInvalid(nameof(InputModel.Token)))
            {
                ModelState.AddModelError(string.Empty, InvalidLinkMessage);
            }
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email);
        var token = DecodeToken(Input.Token);
        if (user is null || user.IsDisabled || token is null)
        {
            ModelState.AddModelError(string.Empty, InvalidLinkMessage);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
                {
                    ModelState.AddModelError(string.Empty, InvalidLinkMessage);
                }
                else
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.NewPassword)}", error.Description);
                }
            }
            return Page();
        }
        // Whoever can read the account's email may sign in again at once, even after failed guesses by someone else.
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        logger.LogInformation("User {UserId} reset their password by email link.", user.Id);
        TempData[LoginModel.StatusMessageKey] = ResetMessage;
        return RedirectToPage("/Login", new { area = "Account" });
    }

    private bool IsInvalid(string field) =>
        ModelState.GetFieldValidationState($"{nameof(Input)}.{field}") == ModelValidationState.Invalid;

    private static string? DecodeToken(string encoded)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
