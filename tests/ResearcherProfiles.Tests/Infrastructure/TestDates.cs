using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Tests.Infrastructure;

public static class TestDates
{
    /// <summary>"2023", "2023-05" or "2023-05-12" as a <see cref="PartialDate"/>; throws on anything else.</summary>
    public static PartialDate Of(string iso) =>
        PartialDate.TryParse(iso, out var date) ? date : throw new ArgumentException($"Not a partial date: {iso}", nameof(iso));
}
