using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Areas.Account.Pages;

[AllowAnonymous]
[EnableRateLimiting(AccountsExtensions.AccountsRateLimitPolicy)]
public class LoginModel(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IMemoryCache failures,
    IOptions<IdentityOptions> identity,
    ILogger<LoginModel> logger) : PageModel
{
    /// <summary>The same words for an unknown email, a wrong password and a disabled account: no account enumeration.</summary>
    public const string FailureMessage = "The email or password is not correct.";
    public const string LockedOutMessage = "Too many failed attempts. Try again in 15 minutes, or reset your password.";

    /// <summary>TempData key for a message from the page that sent the user here, e.g. after a password reset.</summary>
    public const string StatusMessageKey = nameof(StatusMessage);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(254)]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(AccountsExtensions.MaxPasswordLength, ErrorMessage = "Passwords are at most {1} characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
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
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null || user.IsDisabled)
        {
            // Spend comparable time on a missing account as on a wrong password, and lock the
            // address out after as many tries as a real account: the answers never tell them apart.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash, Input.Password);
            ModelState.AddModelError(string.Empty, CountFailureWithoutAccount() ? LockedOutMessage : FailureMessage);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in.", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? RedirectLocation.Encode(ReturnUrl!) : "/account");
        }
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LockedOutMessage : FailureMessage);
        return Page();
    }

    /// <returns>True when this address has now failed as often as a real account may before lockout.</returns>
    private bool CountFailureWithoutAccount()
    {
        var lockout = identity.Value.Lockout;
        var key = "login-failures:" + users.NormalizeEmail(Input.Email.Trim());
        var count = failures.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = lockout.DefaultLockoutTimeSpan;
            entry.Size = 1;
            return new StrongBox<int>();
        })!;
        return Interlocked.Increment(ref count.Value) >= lockout.MaxFailedAccessAttempts;
    }

    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString());
}
