using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaperSourcesModel = ResearcherProfiles.Web.Areas.Admin.Pages.PaperSourcesModel;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Tests.Admin;

/// <summary>
/// /admin/paper-sources: every connected profile with its ids, the sync's last run and problem,
/// its review queue and when its citation counts were read, and whether the sync runs now.
/// </summary>
/// <remarks>Profiles looked for on the first page have family names that sort first ("Aa…").</remarks>
public sealed class PaperSourcesAdminTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private const string Url = "/admin/paper-sources";

    [Fact]
    public async Task Administrators_see_each_connected_profile_with_its_sync_state()
    {
        var connected = await new ResearcherBuilder("Ann Aaconnected")
            .With(r =>
            {
                r.OrcidId = "0000-0002-1825-0097";
                r.DblpPid = "12/3456";
                r.OpenAlexAuthorId = "A5023888391";
                r.ShowCitationCounts = true;
            })
            .SaveAsync(factory);
        var unconnected = await new ResearcherBuilder("Ann Aaunconnected").SaveAsync(factory);
        await SeedAsync(async db =>
        {
            db.SourceSyncStates.Add(new SourceSyncState
            {
                ResearcherId = connected.Id,
                DueAt = DateTime.UtcNow.AddDays(1),
                LastRunAt = new DateTimeOffset(2026, 11, 30, 3, 5, 0, TimeSpan.Zero),
                LastProblem = "ORCID: the service did not answer within 20 seconds.\nDBLP: the service answered 503 Service Unavailable.",
                LastFoundCount = 3,
                CitationsReadAt = new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.Zero),
            });
            db.FoundWorks.AddRange(
                FoundWork(connected.Id, "a", FoundWorkStatus.Pending),
                FoundWork(connected.Id, "b", FoundWorkStatus.Pending),
                FoundWork(connected.Id, "c", FoundWorkStatus.Pending),
                FoundWork(connected.Id, "d", FoundWorkStatus.Rejected));
            await Task.CompletedTask;
        });
        var (admin, _) = await factory.SignInAdminAsync();

        var page = await admin.GetPageAsync(Url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Url, page.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        var row = Row(page, connected.DisplayName)!;
        Assert.Equal(
            [
                "Ann Aaconnected", "0000-0002-1825-0097", "12/3456", "A5023888391", "Shown", "2026-11-30 03:05 UTC found 3 new", "3", "1",
                "ORCID: the service did not answer within 20 seconds. DBLP: the service answered 503 Service Unavailable.",
                "2026-11-29 23:59 UTC",
            ],
            row.QuerySelectorAll("td").Select(td => td.CleanText()).ToArray());
        // Shown in full, one line per service.
        Assert.Equal(
            "ORCID: the service did not answer within 20 seconds.\nDBLP: the service answered 503 Service Unavailable.",
            row.QuerySelector(".sync-problem")!.TextContent);
        Assert.Null(Row(page, unconnected.DisplayName));
    }

    [Fact]
    public async Task A_profile_that_only_shows_counts_is_listed_and_one_never_synced_says_so()
    {
        var counted = await new ResearcherBuilder("Ann Aacounted").With(r => r.ShowCitationCounts = true).SaveAsync(factory);
        var (admin, _) = await factory.SignInAdminAsync();

        var page = await admin.GetPageAsync(Url);

        Assert.Equal(
            ["Ann Aacounted", "None", "None", "None", "Shown", "Never", "0", "0", "None", "Never"],
            Row(page, counted.DisplayName)!.QuerySelectorAll("td").Select(td => td.CleanText()).ToArray());
    }

    [Fact]
    public async Task The_worker_lease_shows_who_runs_the_sync_or_that_it_is_not_running()
    {
        var (admin, _) = await factory.SignInAdminAsync();
        await SeedAsync(db => db.WorkerLeases.Where(l => l.Name == PaperSyncService.LeaseName).ExecuteDeleteAsync());
        Assert.Equal("The sync is not running, and has not run yet.", (await admin.GetPageAsync(Url)).TextOf("#sync-lease"));

        var until = DateTime.SpecifyKind(DateTime.UtcNow.AddMinutes(5), DateTimeKind.Utc);
        await SeedAsync(async db =>
        {
            db.WorkerLeases.Add(new WorkerLease { Name = PaperSyncService.LeaseName, Holder = "web-2 (pid 4242)", ExpiresAt = until });
            await Task.CompletedTask;
        });
        Assert.Equal(
            $"The sync is running on web-2 (pid 4242), which holds it until {until:yyyy-MM-dd HH:mm} UTC.",
            (await admin.GetPageAsync(Url)).TextOf("#sync-lease"));

        await SeedAsync(db => db.WorkerLeases.Where(l => l.Name == PaperSyncService.LeaseName)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, new DateTime(2026, 11, 1, 4, 0, 0, DateTimeKind.Utc))));
        Assert.Equal(
            "The sync is not running. It was last held by web-2 (pid 4242), until 2026-11-01 04:00 UTC.",
            (await admin.GetPageAsync(Url)).TextOf("#sync-lease"));
    }

    [Fact]
    public async Task The_list_is_paged_and_each_page_is_bounded()
    {
        for (var i = 0; i < PaperSourcesModel.PageSize + 2; i++)
        {
            await new ResearcherBuilder($"Paged Connected{i:D2}").With(r => r.OpenAlexAuthorId = $"A{1000 + i}").SaveAsync(factory);
        }
        var total = await factory.QueryAsync(db => db.Researchers.CountAsync(r => r.OrcidId != null || r.DblpPid != null || r.OpenAlexAuthorId != null || r.ShowCitationCounts));
        var pages = (total + PaperSourcesModel.PageSize - 1) / PaperSourcesModel.PageSize;
        var (admin, _) = await factory.SignInAdminAsync();

        var first = await admin.GetPageAsync(Url);
        var next = first.Document.QuerySelector("nav.pager[aria-label='Paper sources pages'] a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetPageAsync(next);
        var beyond = await admin.GetPageAsync($"{Url}?page=99999");
        var nonsense = await admin.GetPageAsync($"{Url}?page=not-a-number");

        Assert.Equal($"{Url}?page=2", next);
        Assert.Equal(PaperSourcesModel.PageSize, first.Document.QuerySelectorAll("table#paper-sources tbody tr").Length);
        Assert.Equal(Math.Min(PaperSourcesModel.PageSize, total - PaperSourcesModel.PageSize), second.Document.QuerySelectorAll("table#paper-sources tbody tr").Length);
        Assert.Equal($"{total} profiles", first.TextOf("#paper-sources-count"));
        Assert.Equal($"Page {pages}", beyond.TextOf("nav.pager a[aria-current=page]"));
        Assert.Equal(HttpStatusCode.OK, nonsense.Status);
        Assert.Equal(PaperSourcesModel.PageSize, nonsense.Document.QuerySelectorAll("table#paper-sources tbody tr").Length);
    }

    [Fact]
    public async Task Researchers_get_403_and_visitors_are_sent_to_sign_in()
    {
        var researcher = await factory.SignInResearcherAsync();

        using var refused = await researcher.GetAsync(new Uri(Url, UriKind.Relative));
        using var anonymous = await factory.CreateVisitor().GetAsync(new Uri(Url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        anonymous.AssertRedirectedTo("/account/login");
    }

    [Fact]
    public async Task The_page_is_valid_html()
    {
        var problem = await new ResearcherBuilder("Ann Aavalid").With(r => r.OrcidId = "0000-0001-5109-3700").SaveAsync(factory);
        await SeedAsync(async db =>
        {
            db.SourceSyncStates.Add(new SourceSyncState
            {
                ResearcherId = problem.Id,
                DueAt = DateTime.UtcNow,
                LastRunAt = DateTimeOffset.UtcNow,
                LastProblem = "ORCID: <not> & \"quoted\" answer.",
            });
            db.WorkerLeases.RemoveRange(db.WorkerLeases.Where(l => l.Name == PaperSyncService.LeaseName));
            db.WorkerLeases.Add(new WorkerLease { Name = PaperSyncService.LeaseName, Holder = "web-1", ExpiresAt = DateTime.UtcNow.AddMinutes(1) });
            await Task.CompletedTask;
        });
        var (admin, _) = await factory.SignInAdminAsync();

        var html = await admin.GetStringAsync(new Uri(Url, UriKind.Relative));

        Assert.Contains("ORCID: &lt;not&gt;", html, StringComparison.Ordinal);
        var problems = await HtmlChecker.ErrorsAsync(new Dictionary<string, string> { [Url] = html });
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }

    private static AngleSharp.Dom.IElement? Row(HtmlPage page, string displayName) =>
        page.Document.QuerySelectorAll("table#paper-sources tbody tr").FirstOrDefault(tr => tr.QuerySelector("td")!.CleanText() == displayName);

    private static FoundWork FoundWork(int researcherId, string key, FoundWorkStatus status) => new()
    {
        ResearcherId = researcherId,
        Source = WorkSource.Orcid,
        SourceKey = key,
        MatchKey = $"title:found {key}",
        TitleKey = $"found {key}",
        Title = $"Found {key}",
        Bibtex = $"@article{{{key}, title = {{Found {key}}}}}",
        Status = status,
        FoundAt = DateTimeOffset.UtcNow,
        RejectedAt = status == FoundWorkStatus.Rejected ? DateTimeOffset.UtcNow : null,
    };

    private async Task SeedAsync(Func<AppDbContext, Task> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }
}
