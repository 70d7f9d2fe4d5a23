using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Pages.Edit;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>The editor's publication list, a page at a time, with Move up / Move down across page boundaries.</summary>
public sealed class PublicationListPagingTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const int PageSize = PublicationsModel.PageSize;

    private async Task<(Researcher Researcher, HttpClient Client)> SignedInWithPapersAsync(int count)
    {
        var builder = new ResearcherBuilder("Ada Paged");
        for (var i = 0; i < count; i++)
        {
            builder.WithPublication($"Paper {i.ToString("D3", CultureInfo.InvariantCulture)}", p => p.Owner());
        }
        var researcher = await builder.SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(researcher.Id);
        return (researcher, await factory.SignInAsync(user.Email!));
    }

    private Task<List<string>> TitlesInOrderAsync(int researcherId) => factory.QueryAsync(db => db.ProfilePublications
        .Where(pp => pp.ResearcherId == researcherId)
        .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id)
        .Select(pp => pp.Publication!.Title)
        .ToListAsync());

    private Task<int> EntryIdAsync(int researcherId, string title) => factory.QueryAsync(db => db.ProfilePublications
        .Where(pp => pp.ResearcherId == researcherId && pp.Publication!.Title == title)
        .Select(pp => pp.Id)
        .SingleAsync());

    [Fact]
    public async Task A_long_list_is_edited_a_page_at_a_time()
    {
        var (ada, client) = await SignedInWithPapersAsync(150);
        var url = $"/edit/{ada.Slug}/publications";

        var first = await client.GetDocumentAsync(url);
        var second = await client.GetDocumentAsync($"{url}?p=2");

        Assert.Equal(PageSize, first.QuerySelectorAll("li.editor-item").Length);
        Assert.Equal(50, second.QuerySelectorAll("li.editor-item").Length);
        Assert.Equal("Paper 100", second.QuerySelector("li.editor-item .editor-item-title a")?.CleanText());
        Assert.Equal("101", second.QuerySelector("ol.editor-list")?.GetAttribute("start"));
        Assert.Equal($"{url}?p=2", first.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(url, second.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href"));
        // Only the very first and very last papers cannot move further.
        Assert.True(first.QuerySelectorAll("button[value=MoveUp]")[0].HasAttribute("disabled"));
        Assert.False(first.QuerySelectorAll("button[value=MoveDown]")[^1].HasAttribute("disabled"));
        Assert.False(second.QuerySelectorAll("button[value=MoveUp]")[0].HasAttribute("disabled"));
        Assert.True(second.QuerySelectorAll("button[value=MoveDown]")[^1].HasAttribute("disabled"));
    }

    [Fact]
    public async Task Moving_across_a_page_boundary_swaps_with_the_neighbour_on_the_other_page_and_returns_to_its_new_page()
    {
        var (ada, client) = await SignedInWithPapersAsync(PageSize + 5);
        var url = $"/edit/{ada.Slug}/publications";

        var firstOfPageTwo = await EntryIdAsync(ada.Id, "Paper 100");
        using (var up = await client.PressRowButtonAsync($"{url}?p=2", "id", firstOfPageTwo.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, string> { ["operation"] = "MoveUp" }))
        {
            Assert.Equal(url, up.Headers.Location?.OriginalString.Split('#')[0]);
        }
        var titles = await TitlesInOrderAsync(ada.Id);
        Assert.Equal(["Paper 098", "Paper 100", "Paper 099", "Paper 101"], titles[98..102]);

        var lastOfPageOne = await EntryIdAsync(ada.Id, "Paper 100");
        using (var down = await client.PressRowButtonAsync(url, "id", lastOfPageOne.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, string> { ["operation"] = "MoveDown" }))
        {
            Assert.Equal($"{url}?p=2", down.Headers.Location?.OriginalString.Split('#')[0]);
        }
        titles = await TitlesInOrderAsync(ada.Id);
        Assert.Equal(["Paper 098", "Paper 099", "Paper 100", "Paper 101"], titles[98..102]);
        Assert.Equal(PageSize + 5, titles.Distinct().Count());
    }
}
