using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Demo;

/// <summary>
/// Invented papers carry identifiers no real paper can have, and demo texts do not point at real
/// papers: otherwise importing a real paper on a demo site would find an invented one.
/// </summary>
public class DemoIdentifierTests(SeededSiteFixture site) : IClassFixture<SeededSiteFixture>
{
    [Fact]
    public async Task Every_demo_site_DOI_and_arXiv_id_is_one_no_real_paper_can_have()
    {
        await using var db = site.Database.NewContext();

        await AssertInventedIdentifiersAsync(db);
    }

    [Fact]
    public async Task Every_bulk_DOI_and_arXiv_id_is_one_no_real_paper_can_have()
    {
        await using var file = await MigratedSqliteFile.CreateAsync();
        await using var db = file.NewContext();
        await DemoData.SeedBulkAsync(db, 40);

        await AssertInventedIdentifiersAsync(db);
    }

    [Fact]
    public async Task Demo_texts_and_links_point_at_the_demos_own_pages_not_at_arXiv()
    {
        await using var db = site.Database.NewContext();
        var texts = new List<string?>();
        texts.AddRange(await db.Researchers.Select(r => r.AboutMarkdown).ToListAsync());
        texts.AddRange(await db.News.Select(n => n.BodyMarkdown).ToListAsync());
        texts.AddRange(await db.Projects.Select(p => p.NarrativeMarkdown).ToListAsync());
        texts.AddRange(await db.ProjectLinks.Select(l => l.Url).ToListAsync());
        texts.AddRange(await db.Publications.Select(p => p.Url).ToListAsync());
        texts.AddRange(await db.PublicationLinks.Select(l => l.Url).ToListAsync());

        Assert.DoesNotContain(texts, text => text?.Contains("arxiv.org", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(texts, text => text?.Contains("](/people/mira-castellanos/publications#y2025)", StringComparison.Ordinal) == true);
    }

    private static async Task AssertInventedIdentifiersAsync(AppDbContext db)
    {
        var dois = await db.Publications.Where(p => p.Doi != null).Select(p => p.Doi!).ToListAsync();
        var arxivIds = await db.Publications.Where(p => p.ArxivId != null).Select(p => p.ArxivId!).ToListAsync();

        Assert.NotEmpty(dois);
        Assert.NotEmpty(arxivIds);
        // 10.5555 is the DOI Handbook's example prefix.
        Assert.All(dois, doi => Assert.StartsWith("10.5555/", doi, StringComparison.Ordinal));
        Assert.All(dois, doi => Assert.Equal(doi, ScholarlyIds.NormalizeDoi(doi)));
        // arXiv numbers months 01 to 12: month 00 never exists, yet the site accepts the id.
        Assert.All(arxivIds, id => Assert.Matches(@"^\d{2}00\.\d{5}$", id));
        Assert.All(arxivIds, id => Assert.Equal(id, ScholarlyIds.NormalizeArxivId(id)));
    }
}
