namespace ResearcherProfiles.Web.Pages;

public sealed record AvatarView(string Name, string? PhotoPath, string Size = "small")
{
    public int Pixels => Size == "large" ? 160 : 64;

    public string Initials => string.Concat(
        Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => char.IsLetter(part[0]))
            .Select(part => char.ToUpperInvariant(part[0]))
            .Take(2));
}
