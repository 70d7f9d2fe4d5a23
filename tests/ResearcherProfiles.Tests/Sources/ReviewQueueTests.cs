using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>The review queue through the real forms: works found by the sync wait there until added through the import's preview or rejected.</summary>
public sealed class ReviewQueueTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    internal static string Url(string slug) => $"/edit/{slug}/publications/found";

    [Fact]
    public async Task The_publications_editor_says_how_many_papers_wait_and_the_queue_names_the_source()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Queenie Waits"));
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("Waiting Paper Number One", "10.5555/queue.1"));
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("Waiting Paper Number Two"));
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("Waiting Paper From Elsewhere"), WorkSource.Dblp);
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("A Rejected Paper Stays Quiet"), status: FoundWorkStatus.Rejected);

        var editor = await owner.GetDocumentAsync($"/edit/{profile.Slug}/publications");
        var notice = editor.QuerySelector(".found-notice")!;
        Assert.Contains("3 new papers found by your connected sources", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector($"a[href='{Url(profile.Slug)}']"));

        var queue = await owner.GetDocumentAsync(Url(profile.Slug));
        Assert.Equal("3 new papers found on ORCID (2) and DBLP (1)", Normalize(queue.QuerySelector("#pending-heading")!.TextContent));
        Assert.Equal(3, queue.QuerySelectorAll(".found-list > li").Length);
        Assert.Single(queue.QuerySelectorAll(".rejected-list > li"));
        Assert.Contains("Found on DBLP", queue.QuerySelector(".found-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_work_is_added_through_the_import_preview_and_then_leaves_the_queue()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ada Accepts"));
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("Accepted Through The Preview", "10.5555/queue.accept", 2023, "Ada Accepts", "Bo Coauthor"));
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("Still Waiting Afterwards"));

        var queue = await owner.GetDocumentAsync(Url(profile.Slug));
        var item = queue.QuerySelectorAll(".found-list > li").Single(li => li.TextContent.Contains("Accepted Through The Preview", StringComparison.Ordinal));
        using var preview = await owner.SubmitAsync((IHtmlFormElement)item.QuerySelector("form.review")!, Url(profile.Slug), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await preview.ReadDocumentAsync();
        Assert.Single(page.QuerySelectorAll("li.import-new"));
        Assert.Contains("Accepted Through The Preview", page.QuerySelector("li.import-new")!.TextContent, StringComparison.Ordinal);
        using var imported = await owner.SubmitAsync((IHtmlFormElement)page.QuerySelector("form.import-form")!, $"/edit/{profile.Slug}/publications/import", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        var after = await owner.GetDocumentAsync(Url(profile.Slug));
        Assert.Equal("1 new paper found on ORCID", Normalize(after.QuerySelector("#pending-heading")!.TextContent));
        Assert.DoesNotContain("Accepted Through The Preview", after.QuerySelector(".found-list")!.TextContent, StringComparison.Ordinal);
        var listed = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id).Select(pp => pp.Publication!.Title).ToListAsync());
        Assert.Equal(["Accepted Through The Preview"], listed);
    }

    [Fact]
    public async Task Review_all_previews_every_waiting_work_at_once()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Rory Reviews"));
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("Everything At Once Part One", "10.5555/queue.all1"));
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("Everything At Once Part Two", "10.5555/queue.all2"));

        var queue = await owner.GetDocumentAsync(Url(profile.Slug));
        using var preview = await owner.SubmitAsync((IHtmlFormElement)queue.QuerySelector("form.review-all")!, Url(profile.Slug), new Dictionary<string, string>());
        var page = await preview.ReadDocumentAsync();
        Assert.Equal(2, page.QuerySelectorAll("li.import-new").Length);
    }

    [Fact]
    public async Task A_rejected_work_is_remembered_and_can_be_restored()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Rex Rejects"));
        var work = await factory.QueueAsync(profile.Id, FoundWorks.Paper("Not Mine At All", "10.5555/queue.reject"));

        var queue = await owner.GetDocumentAsync(Url(profile.Slug));
        using var rejected = await owner.SubmitAsync((IHtmlFormElement)queue.QuerySelector(".found-list form.reject")!, Url(profile.Slug), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(FoundWorkStatus.Rejected, await factory.ReadAsync(db => db.FoundWorks.Where(w => w.Id == work.Id).Select(w => w.Status).SingleAsync()));
        var after = await owner.GetDocumentAsync(Url(profile.Slug));
        Assert.Contains("Rejected “Not Mine At All”; it will not be suggested again.", after.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("No new papers waiting", Normalize(after.QuerySelector("#pending-heading")!.TextContent));
        Assert.Null((await owner.GetDocumentAsync($"/edit/{profile.Slug}/publications")).QuerySelector(".found-notice"));

        using var restored = await owner.SubmitAsync((IHtmlFormElement)after.QuerySelector(".rejected-list form.restore")!, Url(profile.Slug), new Dictionary<string, string>());
        Assert.Equal(FoundWorkStatus.Pending, await factory.ReadAsync(db => db.FoundWorks.Where(w => w.Id == work.Id).Select(w => w.Status).SingleAsync()));
    }

    [Fact]
    public async Task Nobody_decides_about_another_profiles_queue()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Una Owner"));
        var (other, _) = await factory.OwnedProfileAsync(new ResearcherBuilder("Otto Other"));
        var theirs = await factory.QueueAsync(other.Id, FoundWorks.Paper("Somebody Else's Find"));
        var token = await owner.TokenFromAsync(Url(profile.Slug));

        using var viaOwnPage = await owner.PostAsync($"{Url(profile.Slug)}?handler=Reject", [new("id", theirs.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], token);
        Assert.Equal(HttpStatusCode.NotFound, viaOwnPage.StatusCode);
        using var viaTheirPage = await owner.PostAsync($"{Url(other.Slug)}?handler=Reject", [new("id", theirs.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], token);
        Assert.Equal(HttpStatusCode.Forbidden, viaTheirPage.StatusCode);
        using var readTheirs = await owner.GetAsync(new Uri(Url(other.Slug), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, readTheirs.StatusCode);
        Assert.Equal(FoundWorkStatus.Pending, await factory.ReadAsync(db => db.FoundWorks.Where(w => w.Id == theirs.Id).Select(w => w.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_queue_and_the_sources_page_are_valid_HTML()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Vera Valid"));
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("Valid & <Escaped> Title"));
        await factory.QueueAsync(profile.Id, FoundWorks.Paper("Rejected But Valid"), status: FoundWorkStatus.Rejected);
        var pages = new Dictionary<string, string>
        {
            ["queue"] = await owner.GetStringAsync(new Uri(Url(profile.Slug), UriKind.Relative)),
            ["sources"] = await owner.GetStringAsync(new Uri($"/edit/{profile.Slug}/publications/sources", UriKind.Relative)),
        };
        Assert.Contains("Valid &amp; &lt;Escaped&gt; Title", pages["queue"], StringComparison.Ordinal);
        Assert.Empty(await HtmlChecker.ErrorsAsync(pages));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
