namespace ResearcherProfiles.Core.Entities;

/// <summary>
/// An emailed link that lets a person set a password and claim the profile assigned to them.
/// Only a hash of the token is stored.
/// </summary>
public class Invitation
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    public int? ResearcherId { get; set; }
    public Researcher? Researcher { get; set; }
    public string? InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
