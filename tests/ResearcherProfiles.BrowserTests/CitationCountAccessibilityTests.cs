using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Areas.Admin.Pages;
using ResearcherProfiles.Web.Sources;
using ResearcherProfiles.Web.Startup;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>
/// axe-core on the public pages with citation counts showing, and on the paper sources
/// administration page with a connected profile and a sync problem, in light and dark mode.
/// The demo profile is put back as it was afterwards: the other browser tests share it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CitationCountAccessibilityTests(BrowserFixture fixture)
{
    private const string Slug = DemoSlugs.HomepageStyle;

    public static TheoryData<string, Viewport> Modes() => new()
    {
        { "light", Viewport.Phone },
        { "light", Viewport.Desktop },
        { "dark", Viewport.Phone },
        { "dark", Viewport.Desktop },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Pages_with_citation_counts_have_no_axe_violations(string scheme, Viewport viewport)
    {
        await using var context = await fixture.NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, viewport);
        var page = await context.NewPageAsync();
        await ShowCountsAsync();
        try
        {
            var failures = new List<string>();
            await page.GotoAsync($"/people/{Slug}");
            await Expect(page.Locator(".citation-total")).ToContainTextAsync("counts from OpenAlex");
            var paper = await page.Locator("article.pub:has(.pub-cited) h3 a").First.GetAttributeAsync("href");
            foreach (var path in new[] { $"/people/{Slug}", $"/people/{Slug}/publications", paper! })
            {
                await page.GotoAsync(path);
                await Expect(page.Locator(".pub-cited").First).ToContainTextAsync("Cited by");
                try
                {
                    await page.AssertNoAxeViolationsAsync($"{scheme} mode, {viewport}, citation counts showing");
                }
                catch (Xunit.Sdk.FailException e)
                {
                    failures.Add(e.Message);
                }
            }
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }
        finally
        {
            await RestoreAsync();
        }
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_paper_sources_page_has_no_axe_violations(string scheme)
    {
        await using var context = await fixture.NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, Viewport.Phone);
        var page = await context.NewPageAsync();
        await ShowCountsAsync();
        try
        {
            await LoginPage.SignInAsync(page, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
            await page.GotoAsync("/admin/paper-sources");
            await Expect(page.Locator(".sync-problem")).ToContainTextAsync("OpenAlex: the service answered 429");

            await page.AssertNoAxeViolationsAsync($"{scheme} mode, phone, paper sources with a problem");
        }
        finally
        {
            await RestoreAsync();
        }
    }

    /// <summary>The demo profile shows counts, has some for its papers, a sync state with a problem, and the sync runs.</summary>
    private async Task ShowCountsAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Researchers.Where(r => r.Slug == Slug).Select(r => r.Id).SingleAsync();
        // Written past the profile's history, as the background refresh does.
        await db.Researchers.Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ShowCitationCounts, true).SetProperty(r => r.OrcidId, "0000-0002-1825-0097"));
        var papers = await db.ProfilePublications.Where(pp => pp.ResearcherId == id && pp.IsVisible).Select(pp => pp.PublicationId).ToListAsync();
        db.CitationCounts.AddRange(papers.Select((id, i) => new CitationCount
        {
            PublicationId = id,
            Count = i % 3 == 2 ? 0 : 1234 * (i + 1),
            Source = "OpenAlex",
            ReadAt = DateTimeOffset.UtcNow.AddDays(-i),
        }));
        db.SourceSyncStates.Add(new SourceSyncState
        {
            ResearcherId = id,
            DueAt = DateTime.UtcNow.AddDays(1),
            LastRunAt = DateTimeOffset.UtcNow,
            LastProblem = "ORCID: the service did not answer within 20 seconds.\nOpenAlex: the service answered 429 Too Many Requests.",
            CitationsReadAt = DateTimeOffset.UtcNow,
        });
        db.WorkerLeases.Add(new WorkerLease { Name = PaperSyncService.LeaseName, Holder = "web-1", ExpiresAt = DateTime.UtcNow.AddMinutes(5) });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageTags.All, default);
    }

    private async Task RestoreAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Researchers.Where(r => r.Slug == Slug).Select(r => r.Id).SingleAsync();
        await db.CitationCounts.Where(c => db.ProfilePublications.Any(pp => pp.ResearcherId == id && pp.PublicationId == c.PublicationId)).ExecuteDeleteAsync();
        await db.SourceSyncStates.Where(s => s.ResearcherId == id).ExecuteDeleteAsync();
        await db.WorkerLeases.Where(l => l.Name == PaperSyncService.LeaseName).ExecuteDeleteAsync();
        await db.Researchers.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ShowCitationCounts, false).SetProperty(r => r.OrcidId, (string?)null));
        await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageTags.All, default);
    }
}
