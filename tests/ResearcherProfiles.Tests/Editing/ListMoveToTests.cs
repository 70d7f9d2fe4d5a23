using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>
/// The editor's lists moved to a position (what a drag or the arrow keys on a drag handle post)
/// and a deletion undone beside its message, for a section (awards) and for publications.
/// </summary>
public sealed class ListMoveToTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<(Researcher Profile, HttpClient Owner)> ProfileWithAwardsAsync(int count)
    {
        var builder = new ResearcherBuilder("Edith Dragged");
        for (var i = 0; i < count; i++)
        {
            builder.WithAward(new Award { Title = $"Award {(char)('A' + (i % 26))}{(i < 26 ? "" : Text(i))}" });
        }
        return await factory.OwnedProfileAsync(builder);
    }

    private Task<List<(int Id, string Title)>> AwardsAsync(int researcherId) => factory.ReadAsync(async db =>
        (await db.Awards.Where(a => a.ResearcherId == researcherId).OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title }).ToListAsync()).Select(a => (a.Id, a.Title)).ToList());

    private Task<List<(int Id, string Title)>> PapersAsync(int researcherId) => factory.ReadAsync(async db =>
        (await db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId).OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id)
            .Select(pp => new { pp.Id, pp.Publication!.Title }).ToListAsync()).Select(pp => (pp.Id, pp.Title)).ToList());

    private static async Task<HttpResponseMessage> MoveToAsync(HttpClient client, string url, string idField, string id, string position) =>
        await client.PostAsync($"{url}?handler=MoveTo", [new(idField, id), new("position", position)], await client.TokenFromAsync(url));

    [Fact]
    public async Task Moving_an_award_to_a_position_reorders_the_list_lands_at_it_and_is_recorded()
    {
        var (profile, owner) = await ProfileWithAwardsAsync(5);
        var url = $"/edit/{profile.Slug}/awards";
        var awards = await AwardsAsync(profile.Id);

        using var response = await MoveToAsync(owner, url, "itemId", Text(awards[4].Id), "2");

        response.AssertRedirectsTo($"{url}#item-{Text(awards[4].Id)}");
        Assert.Equal(["Award A", "Award E", "Award B", "Award C", "Award D"], (await AwardsAsync(profile.Id)).Select(a => a.Title));
        Assert.Equal("Moved “Award E” to position 2 of 5.", (await owner.GetPageAsync(url)).TextOf(".status-message"));
        var recorded = await factory.ReadAsync(db => db.Revisions.CountAsync(r =>
            r.ResearcherId == profile.Id && r.EntityType == nameof(Award) && r.EntityId == awards[4].Id
            && r.Action == RevisionAction.Updated && r.ChangedFields!.Contains(nameof(ProfileItem.SortOrder))));
        Assert.Equal(1, recorded);

        (await MoveToAsync(owner, url, "itemId", Text(awards[4].Id), "5")).AssertRedirectsTo($"{url}#item-{Text(awards[4].Id)}");
        Assert.Equal(["Award A", "Award B", "Award C", "Award D", "Award E"], (await AwardsAsync(profile.Id)).Select(a => a.Title));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-3")]
    [InlineData("two")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public async Task A_position_outside_the_list_moves_nothing_and_says_so(string position)
    {
        var (profile, owner) = await ProfileWithAwardsAsync(5);
        var url = $"/edit/{profile.Slug}/awards";
        var before = await AwardsAsync(profile.Id);

        using var response = await MoveToAsync(owner, url, "itemId", Text(before[1].Id), position);

        response.AssertRedirectsTo($"{url}#item-{Text(before[1].Id)}");
        Assert.Equal(before, await AwardsAsync(profile.Id));
        Assert.Equal("Nothing was moved: the list has places 1 to 5.", (await owner.GetPageAsync(url)).TextOf(".status-message"));
    }

    [Fact]
    public async Task Moving_to_a_position_on_another_page_lands_on_that_page()
    {
        var (profile, owner) = await ProfileWithAwardsAsync(SectionListPage.PageSize + 3);
        var url = $"/edit/{profile.Slug}/awards";
        var first = (await AwardsAsync(profile.Id))[0];

        (await MoveToAsync(owner, url, "itemId", Text(first.Id), Text(SectionListPage.PageSize + 2)))
            .AssertRedirectsTo($"{url}?p=2#item-{Text(first.Id)}");
        Assert.Equal(first, (await AwardsAsync(profile.Id))[SectionListPage.PageSize + 1]);
    }

    [Fact]
    public async Task Another_profiles_item_is_not_found_and_a_move_without_a_token_is_refused()
    {
        var (profile, owner) = await ProfileWithAwardsAsync(3);
        var (other, _) = await ProfileWithAwardsAsync(3);
        var url = $"/edit/{profile.Slug}/awards";
        var theirs = (await AwardsAsync(other.Id))[2];

        using var foreign = await MoveToAsync(owner, url, "itemId", Text(theirs.Id), "1");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var forbidden = await owner.PostAsync($"/edit/{other.Slug}/awards?handler=MoveTo",
            [new("itemId", Text(theirs.Id)), new("position", "1")], await owner.TokenFromAsync(url));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var mine = (await AwardsAsync(profile.Id))[2];
        using var tokenless = await owner.PostAsync($"{url}?handler=MoveTo", [new("itemId", Text(mine.Id)), new("position", "1")], token: null);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        using var garbage = await MoveToAsync(owner, url, "itemId", "'; DROP TABLE", "1");
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);

        Assert.Equal(["Award A", "Award B", "Award C"], (await AwardsAsync(profile.Id)).Select(a => a.Title));
        Assert.Equal(["Award A", "Award B", "Award C"], (await AwardsAsync(other.Id)).Select(a => a.Title));
    }

    [Fact]
    public async Task Undo_beside_a_deletion_brings_the_award_back_in_its_place()
    {
        var (profile, owner) = await ProfileWithAwardsAsync(4);
        var url = $"/edit/{profile.Slug}/awards";
        var awards = await AwardsAsync(profile.Id);
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{Text(awards[1].Id)} form.delete")).AssertRedirectsTo(url);

        // The message after the delete comes with the Undo button, in the region scripts update in place.
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), "#list-region form.undo-delete")).AssertRedirectsTo($"{url}#item-{Text(awards[1].Id)}");

        Assert.Equal(awards, await AwardsAsync(profile.Id));
        var restored = await owner.GetPageAsync(url);
        Assert.Equal("Restored the award.", restored.TextOf(".status-message"));
        Assert.Null(restored.Document.QuerySelector("form.undo-delete"));
    }

    [Fact]
    public async Task Undo_restores_only_a_deletion_from_this_profiles_own_list()
    {
        var (profile, owner) = await ProfileWithAwardsAsync(2);
        var (other, otherOwner) = await ProfileWithAwardsAsync(2);
        var theirs = (await AwardsAsync(other.Id))[0];
        var theirUrl = $"/edit/{other.Slug}/awards";
        (await otherOwner.SubmitFormAsync(theirUrl, new Dictionary<string, string>(), $"#item-{Text(theirs.Id)} form.delete")).AssertRedirectsTo(theirUrl);
        var theirDeletion = await factory.ReadAsync(db => db.Revisions
            .Where(r => r.ResearcherId == other.Id && r.EntityId == theirs.Id && r.Action == RevisionAction.Deleted)
            .Select(r => r.ChangeSet).SingleAsync());
        var url = $"/edit/{profile.Slug}/awards";
        var token = await owner.TokenFromAsync(url);

        using var foreign = await owner.PostAsync($"{url}?handler=Restore", [new("changeSet", theirDeletion.ToString())], token);
        using var garbage = await owner.PostAsync($"{url}?handler=Restore", [new("changeSet", "not a guid")], token);
        using var wrongList = await otherOwner.PostAsync($"/edit/{other.Slug}/news?handler=Restore", [new("changeSet", theirDeletion.ToString())], await otherOwner.TokenFromAsync(theirUrl));

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongList.StatusCode);
        Assert.Single(await AwardsAsync(other.Id));
    }

    [Fact]
    public async Task Publications_move_to_a_position_within_the_profile_only()
    {
        var builder = new ResearcherBuilder("Ada Dragged")
            .WithPublication("First", p => p.Owner())
            .WithPublication("Second", p => p.Owner())
            .WithPublication("Third", p => p.Owner());
        var (profile, owner) = await factory.OwnedProfileAsync(builder);
        var (other, _) = await factory.OwnedProfileAsync(new ResearcherBuilder("Bo Dragged").WithPublication("Theirs", p => p.Owner()));
        var url = $"/edit/{profile.Slug}/publications";
        var papers = await PapersAsync(profile.Id);

        (await MoveToAsync(owner, url, "id", Text(papers[2].Id), "1")).AssertRedirectsTo($"{url}#entry-{Text(papers[2].Id)}");
        Assert.Equal(["Third", "First", "Second"], (await PapersAsync(profile.Id)).Select(p => p.Title));
        Assert.Equal("Moved “Third” to position 1 of 3.", (await owner.GetPageAsync(url)).TextOf(".status-message"));

        (await MoveToAsync(owner, url, "id", Text(papers[0].Id), "4")).AssertRedirectsTo($"{url}#entry-{Text(papers[0].Id)}");
        Assert.Equal("Nothing was moved: the list has places 1 to 3.", (await owner.GetPageAsync(url)).TextOf(".status-message"));
        using var garbage = await MoveToAsync(owner, url, "id", Text(papers[0].Id), "first");
        Assert.Equal(HttpStatusCode.Redirect, garbage.StatusCode);
        using var foreign = await MoveToAsync(owner, url, "id", Text((await PapersAsync(other.Id))[0].Id), "1");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var tokenless = await owner.PostAsync($"{url}?handler=MoveTo", [new("id", Text(papers[0].Id)), new("position", "2")], token: null);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal(["Third", "First", "Second"], (await PapersAsync(profile.Id)).Select(p => p.Title));
        var recorded = await factory.ReadAsync(db => db.Revisions.CountAsync(r =>
            r.ResearcherId == profile.Id && r.EntityType == nameof(ProfilePublication) && r.EntityId == papers[2].Id
            && r.Action == RevisionAction.Updated && r.ChangedFields!.Contains(nameof(ProfileItem.SortOrder))));
        Assert.Equal(1, recorded);
    }

    [Fact]
    public async Task Undo_beside_a_removal_puts_the_paper_back_in_its_place()
    {
        var builder = new ResearcherBuilder("Ada Restored")
            .WithPublication("First", p => p.Owner())
            .WithPublication("Second", p => p.Owner())
            .WithPublication("Third", p => p.Owner());
        var (profile, owner) = await factory.OwnedProfileAsync(builder);
        var url = $"/edit/{profile.Slug}/publications";
        var papers = await PapersAsync(profile.Id);
        using var removed = await owner.PostAsync($"{url}?handler=Item",
            [new("id", Text(papers[1].Id)), new("operation", "Remove")], await owner.TokenFromAsync(url));
        removed.AssertRedirectsTo($"{url}#status");
        Assert.Equal(["First", "Third"], (await PapersAsync(profile.Id)).Select(p => p.Title));

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), "form.undo-delete")).AssertRedirectsTo($"{url}#entry-{Text(papers[1].Id)}");

        Assert.Equal(["First", "Second", "Third"], (await PapersAsync(profile.Id)).Select(p => p.Title));
        Assert.Equal("“Second” is back on the profile.", (await owner.GetPageAsync(url)).TextOf(".status-message"));
    }
}
