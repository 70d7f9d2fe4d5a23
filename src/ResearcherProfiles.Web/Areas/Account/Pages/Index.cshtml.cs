using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Areas.Account.Pages;

/// <summary>Where a user lands after signing in: their own profile's editor, and account settings.</summary>
public class IndexModel(ProfileAccess access) : PageModel
{
    public string? OwnSlug { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => OwnSlug = await access.OwnSlugAsync(User, ct);
}
