using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Account.Pages;

/// <summary>Changing one's own password; other sessions of the account end at their next check (a minute).</summary>
[EnableRateLimiting(AccountsExtensions.AccountsRateLimitPolicy)]
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<ChangePasswordModel> logger) : PageModel
{
    public const string WrongCurrentPasswordMessage = "Your current password is not correct.";
    public const string ChangedMessage = "Your password has been changed.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(AccountsExtensions.MaxPasswordLength, ErrorMessage = "Passwords are at most {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(AccountsExtensions.MaxPasswordLength, MinimumLength = AccountsExtensions.MinPasswordLength,
            ErrorMessage = "Use between {2} and {1} characters. A few unrelated words make a good password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}", WrongCurrentPasswordMessage);
                }
                else
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.NewPassword)}", error.Description);
                }
            }
            return Page();
        }
        // The password change renewed the security stamp; re-issue this browser's cookie so it stays signed in.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password.", user.Id);
        StatusMessage = ChangedMessage;
        return RedirectToPage();
    }
}
