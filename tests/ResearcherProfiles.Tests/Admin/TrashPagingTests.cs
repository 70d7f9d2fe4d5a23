using ResearcherProfiles.Tests.Infrastructure;
using TrashModel = ResearcherProfiles.Web.Areas.Admin.Pages.Trash.IndexModel;

namespace ResearcherProfiles.Tests.Admin;

/// <summary>The trash lists deleted profiles a page at a time, most recently deleted first.</summary>
public sealed class TrashPagingTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task The_trash_is_paged_with_the_most_recently_deleted_first()
    {
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var slugs = new List<string>();
        for (var i = 0; i < TrashModel.PageSize + 2; i++)
        {
            var deletedAt = start.AddMinutes(i);
            slugs.Add((await new ResearcherBuilder($"Deleted Number{i}").With(r => r.DeletedAt = deletedAt).SaveAsync(factory)).Slug);
        }
        var (admin, _) = await factory.SignInAdminAsync();

        var first = await admin.GetPageAsync("/admin/trash");
        var second = await admin.GetPageAsync(first.Document.QuerySelector("nav.pager[aria-label='Trash pages'] a[rel=next]")!.GetAttribute("href")!);

        var firstSlugs = first.TextsOf("table#trash tbody tr td:nth-child(2)");
        var secondSlugs = second.TextsOf("table#trash tbody tr td:nth-child(2)");
        Assert.Equal(TrashModel.PageSize, firstSlugs.Count);
        Assert.Equal(slugs[^1], firstSlugs[0]);
        Assert.Equal([slugs[1], slugs[0]], secondSlugs);
        Assert.Equal("Page 2", second.TextOf("nav.pager a[aria-current=page]"));
    }
}
