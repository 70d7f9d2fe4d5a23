using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Lists;
using ResearcherProfiles.Web.Pages.People;
using ResearcherProfiles.Web.Search;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages;

/// <summary>
/// The site home: every visible researcher, alphabetically by family name, a page at a time,
/// optionally only those with one research interest or one affiliation; or, on a single-person
/// site, the home profile as its own page shows it, whatever the query asks.
/// </summary>
[OutputCache(PolicyName = PublicSiteExtensions.PublicPagesPolicy, VaryByQueryKeys = ["page", "interest", "affiliation"])]
public class IndexModel(AppDbContext db, IOptions<SiteOptions> site, PublicUrl publicUrl, HomeProfile home) : PageModel
{
    /// <summary>Choices offered in each filter: the most common values, so the page stays bounded on a large site.</summary>
    public const int FilterChoices = 60;

    /// <summary>The longest interest or affiliation a filter reads (an affiliation holds at most 300 characters).</summary>
    public const int MaxFilterLength = SearchModel.MaxFilterLength;

    public Paged<DirectoryEntry> Researchers { get; private set; } = null!;

    /// <summary>The interest the list is narrowed to, as asked for (trimmed); null for everyone.</summary>
    public string? Interest { get; private set; }

    /// <summary>The affiliation the list is narrowed to, as asked for (trimmed); null for everyone.</summary>
    public string? Affiliation { get; private set; }

    public IReadOnlyList<string> InterestChoices { get; private set; } = [];

    public IReadOnlyList<string> AffiliationChoices { get; private set; } = [];

    public bool IsFiltered => Interest is not null || Affiliation is not null;

    /// <summary>The profile shown instead of the directory on a single-person site.</summary>
    public ProfileModel? Home { get; private set; }

    // "page" is also the route value naming the Razor page ("/Index"), which model binding would
    // try first: bind the page number from the query string only.
    public async Task OnGetAsync(
        [FromQuery(Name = "page")] int? pageNumber,
        [FromQuery(Name = "interest")] string? interest,
        [FromQuery(Name = "affiliation")] string? affiliation,
        CancellationToken ct)
    {
        if (await home.FindAsync(ct) is { } chosen)
        {
            var profile = ActivatorUtilities.CreateInstance<ProfileModel>(HttpContext.RequestServices);
            if (await profile.LoadAsync(chosen.Slug, ct))
            {
                Home = profile;
                profile.ShowIn(ViewData);
                return;
            }
        }

        Interest = SearchTerms.Filter(interest, MaxFilterLength);
        Affiliation = SearchTerms.Filter(affiliation, MaxFilterLength);

        var visible = db.Researchers.Where(r => !r.IsHidden && r.DeletedAt == null);
        var listed = visible;
        if (Interest is not null)
        {
            // Tags link with the text as stored, which the exact comparison finds; the pattern also
            // finds "Machine learning" under "machine learning" (SQLite folds ASCII case only).
            var exact = Interest;
            var pattern = LikePatterns.Exactly(Interest.ToLowerInvariant());
            listed = listed.Where(r => r.Interests.Any(i => i == exact || EF.Functions.Like(i.ToLower(), pattern, LikePatterns.Escape)));
        }
        if (Affiliation is not null)
        {
            var exact = Affiliation;
            var pattern = LikePatterns.Exactly(Affiliation.ToLowerInvariant());
            listed = listed.Where(r => r.Affiliation == exact || EF.Functions.Like(r.Affiliation!.ToLower(), pattern, LikePatterns.Escape));
        }

        Researchers = await Paging.ToPageAsync(
            listed.OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id)
                .Select(r => new DirectoryEntry(r.Slug, r.DisplayName, r.Headline, r.Affiliation, r.PhotoPath, r.Interests)),
            pageNumber ?? 1, Math.Max(1, site.Value.DirectoryPageSize), ct);

        InterestChoices = WithSelected(await CommonInterestsAsync(ct), Interest);
        AffiliationChoices = WithSelected(await visible.Where(r => r.Affiliation != null)
            .GroupBy(r => r.Affiliation!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .Take(FilterChoices)
            .ToListAsync(ct), Affiliation);
        // The page shown, whatever was asked for: ?page=1, ?page=0 and a page past the end show a page that has its own address.
        ViewData.SetPageHead(new PageHead
        {
            Canonical = publicUrl.Absolute(PageUrl(Researchers.PageNumber)),
            Feed = Feeds.AlternateFeed.NewestPapers(site.Value.Name),
        });
    }

    // Interests are a list in one column (JSON on SQLite, an array on PostgreSQL); counting its
    // elements needs a join EF cannot translate for SQLite, so each provider gets its own SQL.
    private Task<List<string>> CommonInterestsAsync(CancellationToken ct) =>
        (db.Database.IsNpgsql()
            ? db.Database.SqlQuery<string>($"""
                SELECT i AS "Value" FROM "Researchers" AS r CROSS JOIN LATERAL unnest(r."Interests") AS i
                WHERE NOT r."IsHidden" AND r."DeletedAt" IS NULL
                GROUP BY i ORDER BY count(*) DESC, i LIMIT {FilterChoices}
                """)
            : db.Database.SqlQuery<string>($"""
                SELECT j.value AS "Value" FROM "Researchers" AS r, json_each(r."Interests") AS j
                WHERE NOT r."IsHidden" AND r."DeletedAt" IS NULL
                GROUP BY j.value ORDER BY count(*) DESC, j.value LIMIT {FilterChoices}
                """))
            .ToListAsync(ct);

    public string PageUrl(int number) => DirectoryUrl(number, Interest, Affiliation);

    /// <summary>The directory's address for a page and filters; the first unfiltered page is "/".</summary>
    public static string DirectoryUrl(int page = 1, string? interest = null, string? affiliation = null)
    {
        var query = new List<string>(3);
        if (interest is not null)
        {
            query.Add("interest=" + Uri.EscapeDataString(interest));
        }
        if (affiliation is not null)
        {
            query.Add("affiliation=" + Uri.EscapeDataString(affiliation));
        }
        if (page > 1)
        {
            query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return query.Count == 0 ? "/" : "/?" + string.Join("&", query);
    }

    // A value reached through a link (a tag on a profile) may be rarer than the common ones offered;
    // the select still shows it as chosen.
    private static List<string> WithSelected(List<string> choices, string? selected)
    {
        if (selected is not null && !choices.Contains(selected, StringComparer.Ordinal))
        {
            choices.Insert(0, selected);
        }
        return choices;
    }

    public sealed record DirectoryEntry(string Slug, string Name, string? Headline, string? Affiliation, string? PhotoPath, IReadOnlyList<string> Interests);
}
