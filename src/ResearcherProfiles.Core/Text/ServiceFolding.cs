using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Text;

public sealed record ServiceVenue(string Venue, IReadOnlyList<int> Years)
{
    /// <summary>"ACL (2021, 2022, 2023)", or just "ACL" when no year is recorded.</summary>
    public override string ToString() =>
        Years.Count == 0 ? Venue : $"{Venue} ({string.Join(", ", Years)})";
}

public sealed record ServiceGroup(string Role, IReadOnlyList<ServiceVenue> Venues);

/// <summary>Groups service roles by role and folds each venue's years into one entry.</summary>
public static class ServiceFolding
{
    public static IReadOnlyList<ServiceGroup> Fold(IEnumerable<ServiceRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        // Groups and venues keep the order of their first appearance in the owner's list.
        return roles
            .OrderBy(r => r.SortOrder)
            .GroupBy(r => r.Role.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(role => new ServiceGroup(
                role.First().Role.Trim(),
                role.GroupBy(r => r.Venue.Trim(), StringComparer.OrdinalIgnoreCase)
                    .Select(venue => new ServiceVenue(
                        venue.First().Venue.Trim(),
                        venue.SelectMany(r => r.Years).Distinct().Order().ToList()))
                    .ToList()))
            .ToList();
    }
}
