using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.People;

[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy)]
public class PublicationsModel(AppDbContext db) : PageModel
{
    public ResearcherHeader Header { get; private set; } = null!;
    public IReadOnlyList<YearGroup> Years { get; private set; } = [];
    public int Total { get; private set; }
    public string? Legend { get; private set; }
    public bool AnyHighlighted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var header = await ResearcherHeader.FindAsync(db, slug, ct);
        if (header is null)
        {
            return NotFound();
        }
        Header = header;
        var publications = await PublicationQueries.ForProfileAsync(db, header.Id, highlightedOnly: false, ct);
        Total = publications.Count;
        Legend = AuthorList.Legend(publications.SelectMany(p => p.Authors));
        AnyHighlighted = publications.Any(p => p.IsHighlighted);
        // Newest year first; within a year, newest month first, then the owner's order.
        Years = publications
            .Select((p, index) => (Publication: p with { MarkHighlighted = true }, index))
            .GroupBy(x => x.Publication.Year)
            .OrderByDescending(g => g.Key ?? int.MinValue)
            .Select(g => new YearGroup(
                g.Key,
                g.OrderByDescending(x => x.Publication.Month ?? 0).ThenBy(x => x.index).Select(x => x.Publication).ToList()))
            .ToList();
        return Page();
    }

    public sealed record YearGroup(int? Year, IReadOnlyList<PublicationView> Publications)
    {
        public string Heading => Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Undated";
        public string Anchor => Year is null ? "undated" : $"y{Year}";
    }
}
