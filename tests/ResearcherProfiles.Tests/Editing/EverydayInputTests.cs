using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>What people type from a real CV, through the real section forms: dates as written, parts a CV lacks, plain messages.</summary>
public sealed class EverydayInputTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private Task<PartialDate?> StoredDateAsync(string section, int researcherId) => factory.ReadAsync(db => section switch
    {
        "education" => db.Education.Where(e => e.ResearcherId == researcherId).Select(e => e.Start).SingleAsync(),
        "positions" => db.Positions.Where(p => p.ResearcherId == researcherId).Select(p => p.Start).SingleAsync(),
        "news" => db.News.Where(n => n.ResearcherId == researcherId).Select(n => (PartialDate?)n.Date).SingleAsync(),
        "talks" => db.Talks.Where(t => t.ResearcherId == researcherId).Select(t => t.Date).SingleAsync(),
        "writing" => db.Writing.Where(w => w.ResearcherId == researcherId).Select(w => w.Date).SingleAsync(),
        "projects" => db.Projects.Where(p => p.ResearcherId == researcherId).Select(p => p.Start).SingleAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    });

    [Theory]
    [InlineData("education", "Input.Start", "Sep 2018", "2018-09")]
    [InlineData("positions", "Input.Start", "September 2016", "2016-09")]
    [InlineData("news", "Input.Date", "14 Sep 2016", "2016-09-14")]
    [InlineData("talks", "Input.Date", "09/2016", "2016-09")]
    [InlineData("writing", "Input.Date", "Sep. 2016", "2016-09")]
    [InlineData("projects", "Input.Start", "2016/09", "2016-09")]
    public async Task A_date_typed_as_people_write_it_is_saved_in_every_dated_section(string section, string field, string typed, string stored)
    {
        var spec = SectionSpecs.All[section];
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Date Typist"));
        var url = $"/edit/{profile.Slug}/{section}";

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(spec.Valid) { [field] = typed, ["Input.End"] = "" }, "form.item-form"))
            .AssertRedirectsTo(url);

        Assert.Equal(stored, (await StoredDateAsync(section, profile.Id))?.ToIsoString());
    }

    [Theory]
    [InlineData("present")]
    [InlineData("Now")]
    [InlineData("current")]
    [InlineData("")]
    public async Task A_position_that_goes_on_takes_present_now_current_or_nothing_as_its_end(string end)
    {
        var spec = SectionSpecs.All["positions"];
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Still Working"));
        var url = $"/edit/{profile.Slug}/positions";

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(spec.Valid) { ["Input.Start"] = "Jul 2023", ["Input.End"] = end }, "form.item-form"))
            .AssertRedirectsTo(url);

        var position = await factory.ReadAsync(db => db.Positions.SingleAsync(p => p.ResearcherId == profile.Id));
        Assert.Equal(new PartialDate(2023, 7), position.Start);
        Assert.Null(position.End);
    }

    [Fact]
    public async Task An_unreadable_date_says_which_forms_work()
    {
        var spec = SectionSpecs.All["talks"];
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Odd Date"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}/talks",
            new Dictionary<string, string>(spec.Valid) { ["Input.Date"] = "spring 2024" }, "form.item-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter a date such as 2016, Sep 2016 or 2016-09.", page.QuerySelector("#Input_Date-error")?.TextContent.Trim());
        Assert.Empty(await factory.ItemsAsync("talks", profile.Id));
    }

    [Fact]
    public async Task A_position_without_a_title_is_headed_by_its_employer_and_leaves_no_empty_part()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("No Title"));
        var url = $"/edit/{profile.Slug}/positions";

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Employer"] = "Example Labs", ["Input.Kind"] = "Job", ["Input.Start"] = "2016", ["Input.End"] = "2019",
        }, "form.item-form")).AssertRedirectsTo(url);
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Employer"] = "Bare Corp", ["Input.Kind"] = "Job", ["Input.Start"] = "", ["Input.End"] = "",
        }, "form.item-form")).AssertRedirectsTo(url);

        Assert.Null((await factory.ReadAsync(db => db.Positions.FirstAsync(p => p.ResearcherId == profile.Id))).Title);
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        var items = page.Document.QuerySelectorAll(".timeline-item");
        Assert.Equal("Example Labs 2016 – 2019", items[0].CleanText());
        Assert.Equal("Example Labs", items[0].QuerySelector(".item-title")!.CleanText());
        Assert.Equal(["2016 – 2019"], items[0].QuerySelectorAll(".item-meta > span").Select(s => s.CleanText()));
        Assert.Equal("Bare Corp", items[1].CleanText());
        Assert.Null(items[1].QuerySelector(".item-meta"));
        Assert.Contains("Example Labs", (await owner.GetPageAsync(url)).TextsOf(".editor-item-title"));
        Assert.Contains("Example Labs", (await owner.GetPageAsync($"/edit/{profile.Slug}/history")).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_talk_without_a_title_is_named_by_its_host_and_leaves_no_dangling_comma()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Untitled Talk"));
        var url = $"/edit/{profile.Slug}/talks";

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Host"] = "MIT NLP Seminar", ["Input.Date"] = "Mar 2024",
        }, "form.item-form")).AssertRedirectsTo(url);

        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        var talk = page.Document.QuerySelector("li.talk")!;
        Assert.Equal("MIT NLP Seminar Mar 2024", talk.CleanText());
        Assert.Equal("Mar 2024", talk.QuerySelector(".item-meta-inline")!.CleanText());
    }

    [Fact]
    public async Task A_talk_needs_a_title_or_a_host()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Nameless Talk"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}/talks", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Host"] = "", ["Input.Date"] = "2024",
        }, "form.item-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter the title of the talk, or at least its host.", page.QuerySelector("#Input_Title-error")?.TextContent.Trim());
        Assert.Empty(await factory.ItemsAsync("talks", profile.Id));
    }

    [Fact]
    public async Task An_award_year_range_is_refused_with_a_plain_message_and_a_single_year_is_saved()
    {
        var spec = SectionSpecs.All["awards"];
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Range Year"));
        var url = $"/edit/{profile.Slug}/awards";

        using var refused = await owner.SubmitFormAsync(url, new Dictionary<string, string>(spec.Valid) { ["Input.Year"] = "2019–2020" }, "form.item-form");
        var page = await refused.ReadDocumentAsync();
        Assert.Equal("Enter one year, such as 2020; put a range in the note.", page.QuerySelector("#Input_Year-error")?.TextContent.Trim());
        Assert.DoesNotContain("is not valid for", page.DocumentElement.TextContent, StringComparison.Ordinal);

        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(spec.Valid) { ["Input.Year"] = " 2020 " }, "form.item-form")).AssertRedirectsTo(url);
        Assert.Equal(2020, (await factory.ReadAsync(db => db.Awards.SingleAsync(a => a.ResearcherId == profile.Id))).Year);
    }

    [Theory]
    [InlineData("awards", "Add an award")]
    [InlineData("education", "Add a degree")]
    [InlineData("talks", "Add a talk")]
    [InlineData("news", "Add a news item")]
    [InlineData("service", "Add a service role")]
    public async Task The_add_form_names_its_item_with_the_right_article(string section, string heading)
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Grammar Check"));

        var page = await owner.GetPageAsync($"/edit/{profile.Slug}/{section}");

        Assert.Equal(heading, page.TextOf("#form-heading"));
    }

    [Fact]
    public async Task Every_section_heading_reads_add_followed_by_a_or_an_as_the_word_needs()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Article Check"));
        foreach (var section in SectionSpecs.All.Keys)
        {
            var heading = (await owner.GetPageAsync($"/edit/{profile.Slug}/{section}")).TextOf("#form-heading")!;
            var words = heading.Split(' ');
            var vowel = "aeiou".Contains(words[2][0], StringComparison.Ordinal);
            Assert.True(words[1] == (vowel ? "an" : "a"), string.Create(CultureInfo.InvariantCulture, $"{section}: “{heading}”"));
        }
    }
}
