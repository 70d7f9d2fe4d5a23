using Microsoft.AspNetCore.Identity;

namespace ResearcherProfiles.Core.Entities;

/// <summary>A login account; a researcher account owns at most one profile.</summary>
public class AppUser : IdentityUser
{
    public Researcher? Profile { get; set; }
}
