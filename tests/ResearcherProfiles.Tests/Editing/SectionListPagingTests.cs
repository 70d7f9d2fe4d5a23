using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>A long section list in the editor (here awards), a page at a time, with moves across page boundaries.</summary>
public sealed class SectionListPagingTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const int PageSize = SectionListPage.PageSize;

    private async Task<(Researcher Profile, HttpClient Owner)> ProfileWithAwardsAsync(int count)
    {
        var builder = new ResearcherBuilder("Edith Paged");
        for (var i = 0; i < count; i++)
        {
            builder.WithAward(new Award { Title = $"Award {i.ToString("D3", CultureInfo.InvariantCulture)}" });
        }
        return await factory.OwnedProfileAsync(builder);
    }

    private Task<List<(int Id, string Title)>> AwardsAsync(int researcherId) => factory.ReadAsync(async db =>
        (await db.Awards.Where(a => a.ResearcherId == researcherId).OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title }).ToListAsync()).Select(a => (a.Id, a.Title)).ToList());

    [Fact]
    public async Task A_long_section_list_is_shown_a_page_at_a_time()
    {
        var (profile, owner) = await ProfileWithAwardsAsync(PageSize + 5);
        var url = $"/edit/{profile.Slug}/awards";

        var first = await owner.GetPageAsync(url);
        var second = await owner.GetPageAsync(first.Document.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(PageSize, first.Document.QuerySelectorAll("li.editor-item").Length);
        Assert.Equal(["Award 100", "Award 101", "Award 102", "Award 103", "Award 104"], second.TextsOf("li.editor-item .editor-item-title"));
        Assert.Equal("Page 2", second.TextOf("nav.pager[aria-label='Awards list pages'] a[aria-current=page]"));
        Assert.Equal("105 items; page 2 of 2 shows 101–105.", second.TextOf(".list-position"));
        Assert.True(second.Document.QuerySelector("li.editor-item:last-child form.move-down button")!.HasAttribute("disabled"));
        Assert.False(second.Document.QuerySelector("li.editor-item form.move-up button")!.HasAttribute("disabled"));
        Assert.False(first.Document.QuerySelector("li.editor-item:last-child form.move-down button")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Moving_the_first_item_of_a_page_up_puts_it_on_the_page_before_and_shows_that_page()
    {
        var (profile, owner) = await ProfileWithAwardsAsync(PageSize + 5);
        var url = $"/edit/{profile.Slug}/awards";
        var awards = await AwardsAsync(profile.Id);

        (await owner.SubmitFormAsync($"{url}?p=2", new Dictionary<string, string>(), $"#item-{awards[PageSize].Id} form.move-up")).AssertRedirectsTo(url);
        Assert.Equal(["Award 098", "Award 100", "Award 099"], (await AwardsAsync(profile.Id))[98..101].Select(a => a.Title));

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{awards[PageSize].Id} form.move-down")).AssertRedirectsTo($"{url}?p=2");
        Assert.Equal(["Award 098", "Award 099", "Award 100"], (await AwardsAsync(profile.Id))[98..101].Select(a => a.Title));
    }
}
