using System.Net;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The CV page, <c>/people/{slug}/cv</c>: the profile's visible data as a compact document.</summary>
public sealed class CvPageTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task The_cv_shows_the_visible_sections_in_the_profile_order_without_hidden_items()
    {
        var researcher = await CvSamples.FullProfile("Cv Person").SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}/cv");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Publications", "Projects", "Education", "Experience", "Awards", "Service", "Talks", "Skills"], page.SectionHeadings);
        Assert.Equal("Cv Person", page.TextOf("h1"));
        Assert.DoesNotContain(CvSamples.HiddenTitle, page.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(CvSamples.HiddenEmail, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("+1 555 0100", page.TextOf(".cv-contact"), StringComparison.Ordinal);
        Assert.Contains("https://github.com/example-cv", page.Document.QuerySelectorAll(".cv-contact a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Reviewer NeurIPS (2021, 2022); ICML (2023)", page.TextOf("#cv-service + .cv-entries .cv-entry"));
        Assert.Equal(["Built the solver", "Ran the field study"], page.TextsOf("#cv-projects + .cv-entries .prose li"));
        Assert.Equal("Python · Rust", page.TextOf(".cv-skills"));
        // Nothing is folded away: the page prints whole without a script.
        Assert.Empty(page.Document.QuerySelectorAll("main details"));
    }

    [Fact]
    public async Task Publications_are_numbered_newest_first_with_the_owner_in_bold()
    {
        var researcher = await CvSamples.FullProfile("Bold Owner").SaveAsync(factory);

        var page = await _visitor.GetPageAsync($"/people/{researcher.Slug}/cv");

        var items = page.Document.QuerySelectorAll("ol.cv-publications > li");
        Assert.Equal(["Newest Paper on Streams.", "Older Paper on Lakes."], items.Select(li => li.QuerySelector(".cv-pub-title")!.TextContent.Trim()));
        Assert.Equal(["Bold Owner", "Bold Owner"], items.Select(li => li.QuerySelector("strong.author-self")!.TextContent));
        Assert.Equal("First Coauthor and Bold Owner", items[1].QuerySelector(".authors")!.TextContent);
        Assert.Contains("Journal of Lakes, 2019.", items[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_author_lists_end_in_et_al_when_asked_and_keep_the_owner()
    {
        var researcher = await new ResearcherBuilder("Fourth Author")
            .WithPublication("Crowded Paper", p => p.Author("Ann One").Author("Ben Two").Author("Cy Three").Owner().Author("Di Five").Author("Ed Six"))
            .SaveAsync(factory);

        var shortened = await _visitor.GetPageAsync($"/people/{researcher.Slug}/cv?authors=2");
        var whole = await _visitor.GetPageAsync($"/people/{researcher.Slug}/cv");
        var nonsense = await _visitor.GetPageAsync($"/people/{researcher.Slug}/cv?authors=-3x");

        Assert.Equal("Ann One, Ben Two, Fourth Author, et al.", shortened.TextOf(".cv-publication .authors"));
        Assert.Equal("Ann One, Ben Two, Cy Three, Fourth Author, Di Five, and Ed Six", whole.TextOf(".cv-publication .authors"));
        Assert.Equal(whole.TextOf(".cv-publication .authors"), nonsense.TextOf(".cv-publication .authors"));
        Assert.Contains($"/people/{researcher.Slug}/cv.pdf?authors=2", shortened.Document.QuerySelectorAll(".cv-actions a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Hidden_trashed_and_unknown_profiles_have_no_cv()
    {
        var hidden = await new ResearcherBuilder("Hidden Cv Person").Hidden().SaveAsync(factory);
        var trashed = await new ResearcherBuilder("Trashed Cv Person").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);

        foreach (var slug in new[] { hidden.Slug, trashed.Slug, "nobody-by-this-name" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetPageAsync($"/people/{slug}/cv")).Status);
        }
    }

    [Fact]
    public async Task The_profile_header_links_to_the_cv_and_its_pdf()
    {
        var researcher = await new ResearcherBuilder("Linked Cv Person").SaveAsync(factory);

        var profile = await _visitor.GetPageAsync($"/people/{researcher.Slug}");

        var links = profile.Document.QuerySelectorAll(".profile-cv a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("CV", $"/people/{researcher.Slug}/cv"), ("PDF of the CV", $"/people/{researcher.Slug}/cv.pdf")], links);
    }

    [Fact]
    public async Task The_cv_is_cached_and_shows_an_edit_saved_in_the_editor()
    {
        var researcher = await new ResearcherBuilder("Edited Cv Person").With(r => r.Headline = "Old headline").SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(researcher.Id);
        var owner = await factory.SignInAsync(user.Email!);
        var url = $"/people/{researcher.Slug}/cv";
        await _visitor.GetPageAsync(url);

        var again = await factory.SqlCommands.RecordAsync(() => _visitor.GetPageAsync(url));
        using var saved = await owner.SubmitFormAsync($"/edit/{researcher.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "New headline" }, "form.basics-form");
        var after = await _visitor.GetPageAsync(url);

        Assert.Empty(again);
        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.OK, saved.StatusCode.ToString());
        Assert.Equal("New headline", after.TextOf(".cv-headline"));
    }

    [Fact]
    public async Task The_cv_of_every_sample_is_valid_html()
    {
        var full = await CvSamples.FullProfile("Valid Cv Person").SaveAsync(factory);
        var empty = await new ResearcherBuilder("Empty Cv Person").SaveAsync(factory);

        var pages = new Dictionary<string, string>();
        foreach (var url in new[] { $"/people/{full.Slug}/cv", $"/people/{full.Slug}/cv?authors=1", $"/people/{empty.Slug}/cv", $"/people/{full.Slug}" })
        {
            pages[url] = await _visitor.GetStringAsync(new Uri(url, UriKind.Relative));
        }

        var problems = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}

/// <summary>The demo site's CV pages through the W3C Nu HTML Checker.</summary>
public sealed class CvDemoHtmlValidityTests(HtmlValidityTests.DemoSiteFactory factory) : IClassFixture<HtmlValidityTests.DemoSiteFactory>
{
    [Fact]
    public async Task Every_cv_of_the_demo_site_is_valid_html()
    {
        var client = factory.CreateVisitor();
        var pages = new Dictionary<string, string>();
        foreach (var url in DemoSlugs.All.Select(slug => $"/people/{slug}/cv").Append($"/people/{DemoSlugs.HomepageStyle}/cv?authors=3"))
        {
            pages[url] = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        }

        var problems = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}
