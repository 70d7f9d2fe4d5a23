using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>
/// An edit evicts the cached pages it changes — the profile's own, those of everyone it shares a
/// paper with, the paper pages and the listings — and leaves the rest of the site cached.
/// </summary>
public abstract class PageEvictionSpecs<TApp>(TApp factory) : IClassFixture<TApp>
    where TApp : ProfilesAppFactory
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private static string PaperPath(int id) => $"/publications/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Visits <paramref name="url"/> until the output cache answers it (it then carries an Age).</summary>
    private async Task CacheAsync(string url)
    {
        (await _visitor.GetAsync(new Uri(url, UriKind.Relative))).Dispose();
        using var cached = await _visitor.GetAsync(new Uri(url, UriKind.Relative));
        Assert.NotNull(cached.Headers.Age);
    }

    private async Task<(bool FromCache, string Html)> VisitAsync(string url)
    {
        using var response = await _visitor.GetAsync(new Uri(url, UriKind.Relative));
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A paper by Ada (signed in) and Bo, both linked authors, selected on both profiles.</summary>
    private async Task<(Researcher Ada, HttpClient AdaClient, Researcher Bo, int Paper, string Title)> SharedPaperAsync(string t)
    {
        var (ada, adaClient) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ada Evicted" + t));
        var bo = await new ResearcherBuilder("Bo Coauthor" + t).SaveAsync(factory);
        var title = $"Shared results {t}";
        var paper = await new PublicationBuilder(title).Author(ada).Author(bo).ShownOn(ada, highlighted: true).ShownOn(bo, highlighted: true).SaveAsync(factory);
        return (ada, adaClient, bo, paper.Id, title);
    }

    [ServiceFact]
    public async Task An_edit_leaves_the_cached_pages_of_unrelated_profiles_cached()
    {
        var t = TestNames.Unique();
        var (ada, adaClient) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ada Editing" + t));
        var zed = await new ResearcherBuilder("Zed Elsewhere" + t)
            .WithPublication($"Zed's own paper {t}", p => p.Owner())
            .SaveAsync(factory);
        await CacheAsync($"/people/{zed.Slug}");
        await CacheAsync($"/people/{zed.Slug}/publications");
        await CacheAsync($"/people/{ada.Slug}");
        await CacheAsync("/");

        (await adaClient.SubmitFormAsync($"/edit/{ada.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Headline " + t }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{ada.Slug}");

        var own = await VisitAsync($"/people/{ada.Slug}");
        Assert.False(own.FromCache);
        Assert.Contains("Headline " + t, own.Html, StringComparison.Ordinal);
        // The directory shows every profile's headline: it is rendered again.
        Assert.False((await VisitAsync("/")).FromCache);
        Assert.True((await VisitAsync($"/people/{zed.Slug}")).FromCache);
        Assert.True((await VisitAsync($"/people/{zed.Slug}/publications")).FromCache);
    }

    [ServiceFact]
    public async Task A_form_sent_back_with_its_mistakes_leaves_the_cached_pages_cached()
    {
        var t = TestNames.Unique();
        var (ada, adaClient) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ada Mistaken" + t));
        await CacheAsync($"/people/{ada.Slug}");
        await CacheAsync("/");

        using var refused = await adaClient.SubmitFormAsync($"/edit/{ada.Slug}", new Dictionary<string, string> { ["Input.DisplayName"] = " " }, "form.basics-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter the name shown on the profile.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await VisitAsync($"/people/{ada.Slug}")).FromCache);
        Assert.True((await VisitAsync("/")).FromCache);
    }

    [ServiceFact]
    public async Task A_new_address_and_name_show_on_the_cached_pages_of_coauthors_and_of_the_shared_paper()
    {
        var t = TestNames.Unique();
        var (ada, adaClient, bo, paper, _) = await SharedPaperAsync(t);
        using var paperPage = await _visitor.GetAsync(new Uri(PaperPath(paper), UriKind.Relative));
        var canonical = paperPage.Headers.Location!.OriginalString;
        foreach (var url in new[] { $"/people/{bo.Slug}", $"/people/{bo.Slug}/publications", $"/people/{bo.Slug}/publications.bib", canonical })
        {
            await CacheAsync(url);
        }
        Assert.Contains($"href=\"/people/{ada.Slug}\"", (await VisitAsync($"/people/{bo.Slug}")).Html, StringComparison.Ordinal);

        var slug = "ada-moved-" + t;
        (await adaClient.SubmitFormAsync($"/edit/{ada.Slug}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ada Renamed" + t,
            ["Input.Slug"] = slug,
        }, "form.basics-form")).Dispose();

        // Bo's pages link Ada as an author: to her new address.
        foreach (var url in new[] { $"/people/{bo.Slug}", $"/people/{bo.Slug}/publications" })
        {
            var page = await VisitAsync(url);
            Assert.False(page.FromCache);
            Assert.Contains($"href=\"/people/{slug}\"", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain($"href=\"/people/{ada.Slug}\"", page.Html, StringComparison.Ordinal);
        }
        // Bo's export names nobody's address, but it is one of Bo's pages: evicted with them.
        Assert.False((await VisitAsync($"/people/{bo.Slug}/publications.bib")).FromCache);
        Assert.Contains($">Ada Renamed{t}</a>", OnThisSite((await VisitAsync(canonical)).Html), StringComparison.Ordinal);
    }

    /// <summary>The paper page's line of profiles that list it.</summary>
    private static string OnThisSite(string html)
    {
        var start = html.IndexOf("class=\"paper-on-site\"", StringComparison.Ordinal);
        Assert.True(start >= 0);
        return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    [ServiceFact]
    public async Task A_change_to_a_shared_paper_shows_on_every_profile_that_lists_it()
    {
        var t = TestNames.Unique();
        var (ada, adaClient, bo, paper, title) = await SharedPaperAsync(t);
        await CacheAsync($"/people/{bo.Slug}");
        await CacheAsync($"/people/{bo.Slug}/publications");

        (await adaClient.SubmitFormAsync(
                $"/edit/{ada.Slug}/publications/{paper.ToString(CultureInfo.InvariantCulture)}",
                new Dictionary<string, string> { ["Input.Title"] = title + " (revised)" },
                "form.publication-form"))
            .Dispose();

        foreach (var url in new[] { $"/people/{bo.Slug}", $"/people/{bo.Slug}/publications" })
        {
            var page = await VisitAsync(url);
            Assert.False(page.FromCache);
            Assert.Contains(title + " (revised)", page.Html, StringComparison.Ordinal);
        }
    }

    [ServiceFact]
    public async Task Taking_a_shared_paper_off_a_profile_updates_the_coauthors_cached_paper_page()
    {
        var t = TestNames.Unique();
        var (ada, adaClient, bo, paper, _) = await SharedPaperAsync(t);
        using var paperPage = await _visitor.GetAsync(new Uri(PaperPath(paper), UriKind.Relative));
        var canonical = paperPage.Headers.Location!.OriginalString;
        await CacheAsync(canonical);
        Assert.Contains(ada.DisplayName, OnThisSite((await VisitAsync(canonical)).Html), StringComparison.Ordinal);
        var entry = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == ada.Id && pp.PublicationId == paper).Select(pp => pp.Id).SingleAsync());

        var listUrl = $"/edit/{ada.Slug}/publications";
        var token = await adaClient.TokenFromAsync(listUrl);
        (await adaClient.PostAsync($"{listUrl}?handler=Item", [new("id", entry.ToString(CultureInfo.InvariantCulture)), new("operation", "Hide")], token)).Dispose();

        var after = await VisitAsync(canonical);
        Assert.False(after.FromCache);
        // Ada no longer shows it; Bo's listing keeps the page public, now listed on Bo's profile only.
        Assert.DoesNotContain(ada.DisplayName, OnThisSite(after.Html), StringComparison.Ordinal);
        Assert.Contains(bo.DisplayName, OnThisSite(after.Html), StringComparison.Ordinal);
    }
}

public sealed class PageEvictionTests(ProfilesAppFactory factory) : PageEvictionSpecs<ProfilesAppFactory>(factory);

/// <summary>The same evictions with the cache in Redis, shared by every instance.</summary>
[NeedsRedis]
public sealed class PageEvictionOverRedisTests(RedisAppFactory factory) : PageEvictionSpecs<RedisAppFactory>(factory);
