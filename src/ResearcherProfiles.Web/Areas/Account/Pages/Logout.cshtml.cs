using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Areas.Account.Pages;

/// <summary>Signing out is a POST (with antiforgery), so no link elsewhere can sign a user out.</summary>
public class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index", new { area = "Account" });

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
