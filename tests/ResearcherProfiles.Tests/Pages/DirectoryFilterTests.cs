using System.Net;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The directory narrowed to one research interest or one affiliation, through links and the filter form.</summary>
public sealed class DirectoryFilterTests(DirectoryPageTests.OnePageFactory factory) : IClassFixture<DirectoryPageTests.OnePageFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    // Each test uses words of its own, so researchers made by other tests in the class never match.
    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task An_interest_tag_on_a_profile_links_to_everyone_with_that_interest()
    {
        var topic = Unique("Bayesian optimisation");
        var first = await new ResearcherBuilder("Ines Alvarez").With(r => r.Interests = [topic, "Statistics"]).SaveAsync(factory);
        var second = await new ResearcherBuilder("Omar Baptiste").With(r => r.Interests = [topic.ToUpperInvariant()]).SaveAsync(factory);
        var other = await new ResearcherBuilder("Lena Cortez").With(r => r.Interests = ["Statistics"]).SaveAsync(factory);
        var hidden = await new ResearcherBuilder("Hidden Dumont").With(r => r.Interests = [topic]).Hidden().SaveAsync(factory);

        var profile = await _visitor.GetPageAsync($"/people/{first.Slug}");
        var tag = profile.Document.QuerySelectorAll(".tags .tag a").Single(a => a.CleanText() == topic);
        var filtered = await _visitor.GetPageAsync(tag.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, filtered.Status);
        Assert.Equal([first.Slug, second.Slug], DirectoryPageTests.ListedSlugs(filtered));
        Assert.DoesNotContain(other.Slug, DirectoryPageTests.ListedSlugs(filtered));
        Assert.DoesNotContain(hidden.Slug, DirectoryPageTests.ListedSlugs(filtered));
        Assert.Equal($"People interested in {topic}", filtered.TextOf("h1"));
        Assert.Equal("2 researchers", filtered.TextOf(".page-summary"));
        Assert.Equal(topic, filtered.Document.QuerySelector("#filter-interest option[selected]")?.GetAttribute("value"));
        Assert.NotNull(filtered.Document.QuerySelector("a.filter-clear[href='/']"));
    }

    [Fact]
    public async Task A_directory_card_links_its_affiliation_and_its_tags()
    {
        var place = Unique("Institute of Tides");
        var researcher = await new ResearcherBuilder("Priya Raman")
            .With(r => { r.Affiliation = place; r.Interests = ["Oceanography"]; })
            .SaveAsync(factory);
        var colleague = await new ResearcherBuilder("Tomas Novak").With(r => r.Affiliation = place.ToLowerInvariant()).SaveAsync(factory);
        await new ResearcherBuilder("Elsewhere Person").With(r => r.Affiliation = Unique("Other College")).SaveAsync(factory);

        var directory = await _visitor.GetPageAsync("/");
        var card = directory.Document.QuerySelectorAll(".directory-card").Single(c => c.QuerySelector($"h2 a[href='/people/{researcher.Slug}']") is not null);
        var atPlace = await _visitor.GetPageAsync(card.QuerySelector(".affiliation a")!.GetAttribute("href")!);

        Assert.Equal("/?interest=Oceanography", card.QuerySelector(".tag a")!.GetAttribute("href"));
        Assert.Equal([colleague.Slug, researcher.Slug], DirectoryPageTests.ListedSlugs(atPlace));
        Assert.Equal($"People at {place}", atPlace.TextOf("h1"));
    }

    [Fact]
    public async Task The_filter_form_combines_interest_and_affiliation_and_offers_only_visible_values()
    {
        var topic = Unique("Glaciology");
        var place = Unique("Polar Lab");
        var both = await new ResearcherBuilder("Ana Both").With(r => { r.Interests = [topic]; r.Affiliation = place; }).SaveAsync(factory);
        await new ResearcherBuilder("Ben Topiconly").With(r => r.Interests = [topic]).SaveAsync(factory);
        await new ResearcherBuilder("Cai Placeonly").With(r => r.Affiliation = place).SaveAsync(factory);
        var secret = Unique("Secret topic");
        await new ResearcherBuilder("Dee Hidden").With(r => { r.Interests = [secret]; r.Affiliation = Unique("Secret place"); }).Hidden().SaveAsync(factory);

        var directory = await _visitor.GetPageAsync("/");
        var form = directory.Document.QuerySelector("form.directory-filters")!;
        var interests = form.QuerySelectorAll("#filter-interest option").Select(o => o.GetAttribute("value")).ToList();
        var affiliations = form.QuerySelectorAll("#filter-affiliation option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Contains(topic, interests);
        Assert.Contains(place, affiliations);
        Assert.DoesNotContain(secret, interests);
        Assert.DoesNotContain(affiliations, a => a!.StartsWith("Secret place", StringComparison.Ordinal));
        Assert.NotNull(form.QuerySelector("label[for=filter-interest]"));
        Assert.NotNull(form.QuerySelector("label[for=filter-affiliation]"));

        var filtered = await _visitor.GetPageAsync($"/?interest={Uri.EscapeDataString(topic)}&affiliation={Uri.EscapeDataString(place)}");

        Assert.Equal([both.Slug], DirectoryPageTests.ListedSlugs(filtered));
        Assert.Equal($"People interested in {topic} at {place}", filtered.TextOf("h1"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("' OR 1=1 --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("an interest far longer than anyone types, cut to the length the filter reads")]
    public async Task Odd_filter_values_match_literally_and_never_fail(string value)
    {
        value = value.StartsWith("an interest far", StringComparison.Ordinal) ? value + new string('x', 20_000) : value;
        await new ResearcherBuilder("Wild Card").With(r => { r.Interests = ["Anything"]; r.Affiliation = "Any University"; }).SaveAsync(factory);

        foreach (var name in new[] { "interest", "affiliation" })
        {
            var page = await _visitor.GetPageAsync($"/?{name}={Uri.EscapeDataString(value)}");

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Empty(DirectoryPageTests.ListedSlugs(page));
            Assert.Contains("No one matches these filters.", page.TextOf("main"), StringComparison.Ordinal);
            Assert.DoesNotContain(page.Document.Scripts, script => script.TextContent.Contains("alert", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_blank_or_control_character_filter_is_ignored()
    {
        var everyone = await _visitor.GetPageAsync("/");

        foreach (var url in new[] { "/?interest=%20%20&affiliation=", "/?interest=%00%01&affiliation=%7F" })
        {
            var page = await _visitor.GetPageAsync(url);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("People", page.TextOf("h1"));
            Assert.Equal(everyone.TextOf(".page-summary"), page.TextOf(".page-summary"));
        }
    }

    [Fact]
    public async Task Pages_of_a_filtered_directory_keep_the_filter()
    {
        Assert.Equal("/", Web.Pages.IndexModel.DirectoryUrl());
        Assert.Equal("/?page=3", Web.Pages.IndexModel.DirectoryUrl(3));
        Assert.Equal("/?interest=C%2B%2B%20%26%20more&affiliation=A%C3%A9&page=2", Web.Pages.IndexModel.DirectoryUrl(2, "C++ & more", "Aé"));

        var topic = Unique("C++ & more");
        var researcher = await new ResearcherBuilder("Sol Symbols").With(r => r.Interests = [topic]).SaveAsync(factory);

        var page = await _visitor.GetPageAsync(Web.Pages.IndexModel.DirectoryUrl(interest: topic));

        Assert.Equal([researcher.Slug], DirectoryPageTests.ListedSlugs(page));
    }
}
