using System.Text;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Tests.Demo;

/// <summary>One database seeded with the demo site, shared by the read-only tests below.</summary>
public sealed class SeededSiteFixture : IAsyncLifetime
{
    public MigratedSqliteFile Database { get; private set; } = null!;
    public int Created { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await MigratedSqliteFile.CreateAsync();
        await using var db = Database.NewContext();
        Created = await DemoData.SeedSiteAsync(db);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public class DemoSiteTests(SeededSiteFixture site) : IClassFixture<SeededSiteFixture>
{
    [Fact]
    public async Task Site_seed_creates_twelve_visible_researchers_with_url_safe_unique_slugs()
    {
        await using var db = site.Database.NewContext();
        var slugs = await db.Researchers.Where(r => !r.IsHidden).Select(r => r.Slug).ToListAsync();

        Assert.Equal(12, site.Created);
        Assert.Equal(12, slugs.Count);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.All(slugs, slug => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug));
        Assert.Equal(DemoSlugs.All.Order(), slugs.Order());
    }

    [Fact]
    public async Task Site_seed_gives_identical_data_on_a_second_database()
    {
        await using var other = await MigratedSqliteFile.CreateAsync();
        await using (var db = other.NewContext())
        {
            await DemoData.SeedSiteAsync(db);
        }

        await using var first = site.Database.NewContext();
        await using var second = other.NewContext();
        var expected = await FingerprintAsync(first);
        Assert.Equal(expected, await FingerprintAsync(second));
        Assert.True(expected.Length > 10_000, "The fingerprint should cover the whole site.");
    }

    [Fact]
    public async Task Seeding_a_database_that_has_researchers_does_nothing()
    {
        await using var db = site.Database.NewContext();
        var publicationsBefore = await db.Publications.CountAsync();

        Assert.Equal(0, await DemoData.SeedSiteAsync(db));
        Assert.Equal(12, await db.Researchers.CountAsync());
        Assert.Equal(publicationsBefore, await db.Publications.CountAsync());
    }

    [Fact]
    public async Task Homepage_style_profile_has_many_highlighted_papers_and_news()
    {
        await using var db = site.Database.NewContext();
        var mira = await LoadAsync(db, DemoSlugs.HomepageStyle);

        Assert.Equal(25, mira.Publications.Count);
        Assert.Equal(10, mira.Publications.Count(p => p.IsHighlighted));
        Assert.Single(mira.Publications, p => !p.IsVisible);
        Assert.Equal(16, mira.News.Count);
        Assert.Single(mira.News, n => !n.IsVisible);
        Assert.Equal(mira.News.OrderByDescending(n => n.Date).Select(n => n.Id), mira.News.OrderBy(n => n.SortOrder).Select(n => n.Id));
        Assert.NotNull(mira.PublicationsNote);
        Assert.Contains(mira.Links, l => l.Kind == ProfileLinkKind.GoogleScholar);
        Assert.Contains(mira.Links, l => l.Kind == ProfileLinkKind.Cv);
    }

    [Fact]
    public async Task Long_about_profile_has_headings_a_numbered_list_and_links()
    {
        await using var db = site.Database.NewContext();
        var about = await db.Researchers.Where(r => r.Slug == DemoSlugs.LongAbout).Select(r => r.AboutMarkdown).SingleAsync();

        Assert.NotNull(about);
        Assert.True(about.Length > 3000, $"About is only {about.Length} characters.");
        Assert.Contains("\n## ", about, StringComparison.Ordinal);
        Assert.Contains("\n1. ", about, StringComparison.Ordinal);
        Assert.Contains("\n4. ", about, StringComparison.Ordinal);
        Assert.Contains("](https://", about, StringComparison.Ordinal);
        Assert.True(about.Split("\n\n").Length >= 8, "About should have several paragraphs.");
    }

    [Fact]
    public async Task Project_heavy_profile_has_projects_with_full_narratives()
    {
        await using var db = site.Database.NewContext();
        var anjali = await LoadAsync(db, DemoSlugs.ProjectHeavy);

        Assert.InRange(anjali.Projects.Count, 4, 6);
        Assert.Equal(Enum.GetValues<ProjectKind>().Order(), anjali.Projects.Select(p => p.Kind).Distinct().Order());
        string[] headings = ["### Problem", "### Why it matters", "### Why it is hard", "### Solution", "### Key results", "### Impact"];
        Assert.All(anjali.Projects, project =>
        {
            Assert.False(string.IsNullOrEmpty(project.Role));
            Assert.False(string.IsNullOrEmpty(project.Summary));
            Assert.All(headings, heading => Assert.Contains(heading, project.NarrativeMarkdown, StringComparison.Ordinal));
        });
        Assert.Contains(anjali.Projects, p => p.Status == "Under review at ICLR 2026" && p.Popularity == "1.2k stars on GitHub");
        Assert.Contains(anjali.Projects, p => p.Start is not null && p.End is null);
        Assert.Contains(anjali.Projects, p => p.Mentors is not null && p.Collaborators is not null);
        Assert.True(anjali.Projects.Sum(p => p.Links.Count) >= 5);
        Assert.True(anjali.Projects.Sum(p => p.RelatedPublications.Count) >= 4);
    }

    [Fact]
    public async Task Full_cv_profile_has_education_positions_talks_service_and_awards()
    {
        await using var db = site.Database.NewContext();
        var yusuf = await LoadAsync(db, DemoSlugs.FullCv);

        Assert.Equal(3, yusuf.Education.Count);
        Assert.Contains(yusuf.Education, e => e.Advisors is not null && e.Field is not null);
        Assert.Contains(yusuf.Education, e => e.Start is { Month: null });
        Assert.Contains(yusuf.Education, e => e.End is { Month: not null });
        foreach (var kind in (PositionKind[])[PositionKind.Job, PositionKind.Internship, PositionKind.StudentResearcher, PositionKind.Visiting])
        {
            Assert.Contains(yusuf.Positions, p => p.Kind == kind);
        }
        Assert.Contains(yusuf.Positions, p => p.Start is not null && p.End is null);
        Assert.True(yusuf.Talks.Count >= 4);
        Assert.Contains(yusuf.Talks, t => t.SlidesUrl is not null && t.VideoUrl is not null);
        Assert.Contains(yusuf.Service, s => s.Role == "Reviewer / Program Committee Member" && s.Venue == "ACL" && s.Years.SequenceEqual([2021, 2022, 2023]));
        Assert.Contains(yusuf.Service, s => s.Role == "Area Chair");
        Assert.Contains(yusuf.Awards, a => a.Note == "13 winners nationwide");
        Assert.True(yusuf.Publications.Count >= 15);
    }

    [Fact]
    public async Task Other_profiles_cover_sparse_phone_and_hidden_email_cases()
    {
        await using var db = site.Database.NewContext();
        var sparse = await LoadAsync(db, DemoSlugs.Sparse);
        var clara = await LoadAsync(db, DemoSlugs.PhoneShown);
        var kwame = await db.Researchers.SingleAsync(r => r.Slug == DemoSlugs.EmailHidden);

        Assert.NotNull(sparse.Headline);
        Assert.Null(sparse.AboutMarkdown);
        Assert.InRange(sparse.Publications.Count, 1, 3);
        Assert.Empty(sparse.Links);
        Assert.True(clara.ShowPhone && clara.Phone is not null);
        Assert.Equal(3, clara.Writing.Count(w => w.ListTitle == "Blogs on Triton Programming"));
        Assert.True(kwame.Email is not null && !kwame.ShowEmail);
        Assert.True(await db.Writing.CountAsync(w => w.ListTitle == "Paper lists") >= 2);
    }

    [Fact]
    public async Task Shared_papers_are_one_record_linked_to_every_author_with_a_profile()
    {
        await using var db = site.Database.NewContext();
        var publications = await db.Publications
            .Select(p => new
            {
                p.Title,
                Profiles = p.Profiles.Select(pp => pp.ResearcherId).ToList(),
                OnSiteAuthors = p.Authors.Where(a => a.ResearcherId != null).Select(a => a.ResearcherId!.Value).ToList(),
            })
            .ToListAsync();

        Assert.Equal(publications.Count, publications.Select(p => p.Title).Distinct().Count());
        Assert.True(publications.Count(p => p.Profiles.Count >= 2) >= 8, "Several papers should be shared between demo researchers.");
        Assert.Contains(publications, p => p.Profiles.Count >= 4);
        Assert.All(publications, p => Assert.Equal(p.OnSiteAuthors.Order(), p.Profiles.Order()));
    }

    [Fact]
    public async Task Papers_carry_contribution_marks_identifiers_links_and_varied_statuses()
    {
        await using var db = site.Database.NewContext();
        var publications = await db.Publications.Include(p => p.Authors).Include(p => p.Links).ToListAsync();

        Assert.Contains(publications, p => p.Authors.Count(a => a.EqualContribution) == 2 && p.Authors.OrderBy(a => a.Position).Take(2).All(a => a.EqualContribution));
        Assert.Contains(publications, p => p.Authors.Any(a => a.Corresponding));
        Assert.Contains(publications, p => p.ArxivId == "2400.16952");
        Assert.Contains(publications, p => p.Doi?.StartsWith("10.", StringComparison.Ordinal) == true);
        Assert.Contains(publications, p => p.Badges.Contains("Spotlight"));
        Assert.Contains(publications, p => p.VenueShort == "ICLR" && p.VenueName == "International Conference on Learning Representations");
        Assert.True(publications.Count(p => p.Summary is not null) > publications.Count * 3 / 4);
        Assert.Contains(publications, p => p.Abstract is not null);
        foreach (var status in Enum.GetValues<PublicationStatus>())
        {
            Assert.Contains(publications, p => p.Status == status);
        }
        foreach (var type in (PublicationType[])[PublicationType.Conference, PublicationType.Journal, PublicationType.Workshop, PublicationType.Preprint, PublicationType.Thesis])
        {
            Assert.Contains(publications, p => p.Type == type);
        }
        Assert.All(publications, p => Assert.InRange(p.Year ?? 0, 2015, 2026));
        Assert.All(publications, p => Assert.Equal(Enumerable.Range(0, p.Links.Count), p.Links.Select(l => l.SortOrder).Order()));
    }

    [Fact]
    public async Task Every_profile_list_is_numbered_from_zero_in_display_order()
    {
        await using var db = site.Database.NewContext();
        var researchers = await db.Researchers
            .Include(r => r.Links).Include(r => r.Education).Include(r => r.Positions).Include(r => r.News)
            .Include(r => r.Publications).ThenInclude(p => p.Publication)
            .Include(r => r.Projects).Include(r => r.Awards).Include(r => r.Service).Include(r => r.Talks).Include(r => r.Writing)
            .AsSplitQuery()
            .ToListAsync();

        foreach (var r in researchers)
        {
            IEnumerable<ProfileItem>[] lists = [r.Links, r.Education, r.Positions, r.News, r.Publications, r.Projects, r.Awards, r.Service, r.Talks, r.Writing];
            Assert.All(lists, list => Assert.Equal(Enumerable.Range(0, list.Count()), list.Select(i => i.SortOrder).Order()));
            var years = r.Publications.OrderBy(p => p.SortOrder).Select(p => p.Publication!.Year ?? 0).ToList();
            Assert.Equal(years.OrderDescending(), years);
            Assert.Equal(DemoData.ReferenceTime, r.UpdatedAt);
        }
    }

    private static Task<Researcher> LoadAsync(AppDbContext db, string slug) => db.Researchers
        .Include(r => r.Links).Include(r => r.Education).Include(r => r.Positions).Include(r => r.News)
        .Include(r => r.Publications)
        .Include(r => r.Projects).ThenInclude(p => p.Links)
        .Include(r => r.Projects).ThenInclude(p => p.RelatedPublications)
        .Include(r => r.Awards).Include(r => r.Service).Include(r => r.Talks).Include(r => r.Writing)
        .AsSplitQuery()
        .SingleAsync(r => r.Slug == slug);

    /// <summary>Everything a visitor would read, in display order, as one string.</summary>
    private static async Task<string> FingerprintAsync(AppDbContext db)
    {
        var text = new StringBuilder();
        var researchers = await db.Researchers.AsNoTracking()
            .Include(r => r.News).Include(r => r.Positions).Include(r => r.Projects)
            .Include(r => r.Publications).ThenInclude(p => p.Publication!).ThenInclude(p => p.Authors)
            .AsSplitQuery()
            .OrderBy(r => r.Slug)
            .ToListAsync();
        foreach (var r in researchers)
        {
            text.AppendLine($"{r.Slug}|{r.DisplayName}|{r.Headline}|{r.Email}|{r.CreatedAt:O}|{r.AboutMarkdown}");
            text.AppendJoin('\n', r.News.OrderBy(n => n.SortOrder).Select(n => $"{n.Date}|{n.BodyMarkdown}|{n.IsVisible}")).AppendLine();
            text.AppendJoin('\n', r.Positions.OrderBy(p => p.SortOrder).Select(p => $"{p.Title}|{p.Employer}|{p.Start}|{p.End}")).AppendLine();
            text.AppendJoin('\n', r.Projects.OrderBy(p => p.SortOrder).Select(p => $"{p.Title}|{p.NarrativeMarkdown?.Length}")).AppendLine();
            foreach (var pp in r.Publications.OrderBy(p => p.SortOrder))
            {
                var p = pp.Publication!;
                var authors = string.Join(", ", p.Authors.OrderBy(a => a.Position).Select(a => $"{a.Name}{(a.EqualContribution ? "*" : "")}{(a.Corresponding ? "†" : "")}"));
                text.AppendLine($"{pp.IsHighlighted}|{pp.IsVisible}|{p.Title}|{authors}|{p.VenueShort}|{p.Year}|{p.Month}|{p.Status}|{p.ArxivId}|{p.Doi}|{p.Summary}");
            }
        }
        return text.ToString();
    }
}
