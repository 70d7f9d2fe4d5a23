using Microsoft.AspNetCore.Identity;

namespace ResearcherProfiles.Core.Entities;

/// <summary>A login account; a researcher account owns at most one profile.</summary>
public class AppUser : IdentityUser
{
    /// <summary>A disabled account cannot sign in; an administrator can enable it again.</summary>
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public Researcher? Profile { get; set; }
}
