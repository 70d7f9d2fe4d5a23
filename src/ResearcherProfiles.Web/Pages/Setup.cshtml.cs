using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages;

/// <summary>
/// First start: creates the first administrator through the one-time link the app logged (see
/// <see cref="FirstStartSetup"/>). Without that token, or once any account exists, the page does not exist.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsExtensions.AccountsRateLimitPolicy)]
public class SetupModel(FirstStartSetup setup, UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<SetupModel> logger) : PageModel
{
    [FromQuery(Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(254)]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(AccountsExtensions.MaxPasswordLength, MinimumLength = AccountsExtensions.MinPasswordLength,
            ErrorMessage = "Use between {2} and {1} characters. A few unrelated words make a good password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await IsOpenAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await IsOpenAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var result = await setup.CreateFirstUserAsync(Token, users, async () =>
        {
            var created = await users.CreateAsync(admin, Input.Password);
            return created.Succeeded ? await users.AddToRoleAsync(admin, AccountsExtensions.AdminRole) : created;
        }, ct);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(InputModel.Password) : nameof(InputModel.Email);
                ModelState.AddModelError($"{nameof(Input)}.{field}", error.Description);
            }
            return Page();
        }
        logger.LogWarning("First start: created the administrator {UserId}; the setup link no longer works.", admin.Id);
        await signIn.SignInAsync(admin, isPersistent: false);
        return LocalRedirect("/account");
    }

    private async Task<bool> IsOpenAsync(CancellationToken ct) =>
        setup.Accepts(Token) && !await users.Users.AnyAsync(ct);
}
