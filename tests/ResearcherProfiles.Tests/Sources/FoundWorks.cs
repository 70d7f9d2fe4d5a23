using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>Puts works into a profile's review queue as the sync would, for tests of the queue itself.</summary>
internal static class FoundWorks
{
    public static FetchedPaper Paper(string title, string? doi = null, int year = 2024, params string[] authors) => new()
    {
        Title = title,
        Type = PublicationType.Journal,
        Year = year,
        Venue = "Journal of Queued Results",
        Doi = doi,
        Authors = (authors.Length == 0 ? ["Quinn Queue", "Rhea Review"] : authors).Select(a => new FetchedAuthor(null, null, null, a)).ToList(),
    };

    public static async Task<FoundWork> QueueAsync(this ProfilesAppFactory factory, int researcherId, FetchedPaper paper, WorkSource source = WorkSource.Orcid, FoundWorkStatus status = FoundWorkStatus.Pending)
    {
        var work = new FoundWork
        {
            ResearcherId = researcherId,
            Source = source,
            SourceKey = Guid.NewGuid().ToString("N"),
            MatchKey = WorkMatching.MatchKey(paper),
            Doi = paper.Doi,
            ArxivId = paper.ArxivId,
            TitleKey = ScholarlyIds.TitleKey(paper.Title),
            Title = paper.Title,
            Authors = string.Join(", ", paper.Authors.Select(a => a.AsWritten)),
            Venue = paper.Venue,
            Year = paper.Year,
            Bibtex = FetchedBibtex.Write([paper]),
            Status = status,
            FoundAt = DateTimeOffset.UtcNow,
        };
        await factory.ReadAsync(async db =>
        {
            db.FoundWorks.Add(work);
            return await db.SaveChangesAsync();
        });
        return work;
    }
}
