using ResearcherProfiles.Core.Entry;

namespace ResearcherProfiles.Tests.Core.Entry;

public sealed class PastedLinesTests
{
    [Theory]
    [InlineData("2023-05 Four papers accepted to ACL 2023!", "2023-05", "Four papers accepted to ACL 2023!")]
    [InlineData("[2023-05] Four papers accepted", "2023-05", "Four papers accepted")]
    [InlineData("[2023-05]: Four papers accepted", "2023-05", "Four papers accepted")]
    [InlineData("2023-05-14: Talk at MIT", "2023-05-14", "Talk at MIT")]
    [InlineData("2023-05 — Joined the lab", "2023-05", "Joined the lab")]
    [InlineData("2023-05 - Joined the lab", "2023-05", "Joined the lab")]
    [InlineData("May 2023 Four papers accepted to ACL 2023!", "2023-05", "Four papers accepted to ACL 2023!")]
    [InlineData("[May 2023] Four papers accepted", "2023-05", "Four papers accepted")]
    [InlineData("Sep. 2016: Started the PhD", "2016-09", "Started the PhD")]
    [InlineData("14 Sep 2016 — Talk at MIT", "2016-09-14", "Talk at MIT")]
    [InlineData("2023: A good year", "2023", "A good year")]
    [InlineData("2023 2024 plans announced", "2023", "2024 plans announced")]
    [InlineData("• 2021-09 Started the PhD", "2021-09", "Started the PhD")]
    [InlineData("  2022 **Bold** news  ", "2022", "**Bold** news")]
    public void News_line_splits_the_leading_date_from_the_text(string line, string date, string text)
    {
        var result = NewsLines.Parse(line);

        var item = Assert.Single(result.Items).Item;
        Assert.Equal((date, text), (item.Date.ToIsoString(), item.BodyMarkdown));
        Assert.True(result.CanSave);
    }

    [Theory]
    [InlineData("Four papers accepted", NewsLines.NoDateMessage)]
    [InlineData("[soon] Four papers accepted", NewsLines.NoDateMessage)]
    [InlineData("2023-13 Bad month", NewsLines.NoDateMessage)]
    [InlineData("2023-05:", NewsLines.NoTextMessage)]
    [InlineData("[2023-05]", NewsLines.NoTextMessage)]
    public void News_line_without_a_date_or_text_is_a_problem(string line, string reason)
    {
        var result = NewsLines.Parse(line);

        Assert.Empty(result.Items);
        Assert.Equal(new LineProblem(1, line, reason), Assert.Single(result.Problems));
        Assert.False(result.CanSave);
    }

    [Fact]
    public void News_text_longer_than_the_field_is_a_problem()
    {
        var result = NewsLines.Parse("2023 " + new string('a', 2001));

        Assert.Equal("The text is at most 2000 characters.", Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public void Problems_carry_the_line_number_counting_blank_lines()
    {
        var result = NewsLines.Parse("2023 One\r\n\r\nNo date here\n2024 Two");

        Assert.Equal([1, 4], result.Items.Select(i => i.LineNumber));
        Assert.Equal(3, Assert.Single(result.Problems).LineNumber);
    }

    [Fact]
    public void A_bullet_alone_on_a_line_is_skipped_as_blank()
    {
        var result = NewsLines.Parse("• 2021-09 Started the PhD\n•\n*\n-\n* 2022 Moved to Zurich");

        Assert.Empty(result.Problems);
        Assert.Equal(["Started the PhD", "Moved to Zurich"], result.Items.Select(i => i.Item.BodyMarkdown));
        Assert.Equal([1, 5], result.Items.Select(i => i.LineNumber));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n \n")]
    [InlineData(null)]
    public void An_empty_paste_is_refused_as_a_whole(string? text)
    {
        Assert.Equal(PastedLines.EmptyMessage, NewsLines.Parse(text).Error);
    }

    [Fact]
    public void More_lines_than_the_limit_are_refused_as_a_whole()
    {
        var text = string.Join('\n', Enumerable.Range(0, PastedLines.MaxLines + 1).Select(i => $"2023 Item {i}"));

        var result = NewsLines.Parse(text);

        Assert.Equal(PastedLines.TooManyLinesMessage(PastedLines.MaxLines + 1), result.Error);
        Assert.Empty(result.Items);
        Assert.Equal(PastedLines.MaxLines, NewsLines.Parse(string.Join('\n', text.Split('\n').Skip(1))).Items.Count);
    }

    [Theory]
    [InlineData("Best Paper Award, ACL 2023", "Best Paper Award", "ACL", 2023, null)]
    [InlineData("Best Paper Award — ACL, 2023", "Best Paper Award", "ACL", 2023, null)]
    [InlineData("Best Paper Award — ACL, 2023 (1 of 3000 papers)", "Best Paper Award", "ACL", 2023, "1 of 3000 papers")]
    [InlineData("Rising Star, Tier 1 — MIT EECS", "Rising Star, Tier 1", "MIT EECS", null, null)]
    [InlineData("Graduate Fellowship – Google, 2021", "Graduate Fellowship", "Google", 2021, null)]
    [InlineData("National Scholarship 2019 (13 winners in China)", "National Scholarship", null, 2019, "13 winners in China")]
    [InlineData("Dean's List", "Dean's List", null, null, null)]
    [InlineData("Outstanding Paper, EMNLP", "Outstanding Paper", "EMNLP", null, null)]
    public void Award_line_reads_title_issuer_year_and_note(string line, string title, string? issuer, int? year, string? note)
    {
        var item = Assert.Single(AwardLines.Parse(line).Items).Item;

        Assert.Equal(new AwardEntry(title, issuer, year, note), item);
    }

    [Theory]
    [InlineData("2023", AwardLines.NoTitleMessage)]
    [InlineData("— ACL, 2023", AwardLines.NoTitleMessage)]
    [InlineData("Best Paper, ACL 1850", "The year 1850 is not between 1900 and 2100.")]
    [InlineData("Best Paper — ACL, 2019–2020", AwardLines.YearRangeMessage)]
    [InlineData("Fellowship, ERC 2019-24", AwardLines.YearRangeMessage)]
    [InlineData("Fellowship — ERC, 2019 to 2024", AwardLines.YearRangeMessage)]
    public void Award_line_without_a_title_or_with_a_bad_year_is_a_problem(string line, string reason)
    {
        Assert.Equal(reason, Assert.Single(AwardLines.Parse(line).Problems).Reason);
    }

    [Fact]
    public void Award_title_longer_than_the_field_is_a_problem()
    {
        Assert.Equal("The title is at most 300 characters.", Assert.Single(AwardLines.Parse(new string('T', 301) + " — ACL").Problems).Reason);
    }

    [Theory]
    [InlineData("Reviewer — ACL 2021, 2022, 2023", "Reviewer|ACL|2021,2022,2023")]
    [InlineData("Reviewer: ACL (2021, 2022, 2023)", "Reviewer|ACL|2021,2022,2023")]
    [InlineData("Area Chair, NeurIPS 2023", "Area Chair|NeurIPS|2023")]
    [InlineData("Program Committee Member — AAAI 2020–2022", "Program Committee Member|AAAI|2020,2021,2022")]
    [InlineData("Program Committee Member - AAAI 2020-2022", "Program Committee Member|AAAI|2020,2021,2022")]
    [InlineData("Reviewer, ACL 2020 - 2022", "Reviewer|ACL|2020,2021,2022")]
    [InlineData("Reviewer — ACL 2021, 2022; EMNLP 2022, 2023", "Reviewer|ACL|2021,2022", "Reviewer|EMNLP|2022,2023")]
    [InlineData("Reviewer — ACL Rolling Review", "Reviewer|ACL Rolling Review|")]
    [InlineData("Senior Area Chair — ICML 2019, 2021–2023", "Senior Area Chair|ICML|2019,2021,2022,2023")]
    [InlineData("Organizer: Workshop on NLP 4 Science, 2022", "Organizer|Workshop on NLP 4 Science|2022")]
    public void Service_line_reads_role_venues_and_years(string line, params string[] expected)
    {
        var entries = Assert.Single(ServiceLines.Parse(line).Items).Item.Entries;

        Assert.Equal(expected, entries.Select(e => $"{e.Role}|{e.Venue}|{string.Join(',', e.Years)}"));
    }

    [Theory]
    [InlineData("Reviewer", ServiceLines.NoVenueMessage)]
    [InlineData("Reviewer —", ServiceLines.NoVenueMessage)]
    [InlineData("— ACL 2021", ServiceLines.NoVenueMessage)]
    [InlineData("Reviewer — ACL 2023–2020", "“2023–2020” is not a range of years: write the earlier year first, e.g. 2020–2022.")]
    [InlineData("Reviewer — ACL (2021, soon)", "“soon” is not a year or a range of years such as 2020–2022.")]
    [InlineData("Reviewer — ACL 1850", "“1850” is not between 1900 and 2100.")]
    [InlineData("Reviewer — 2021, 2022", "“2021, 2022” has years but no venue: write the venue before them.")]
    public void Service_line_that_cannot_be_read_says_why(string line, string reason)
    {
        Assert.Equal(reason, Assert.Single(ServiceLines.Parse(line).Problems).Reason);
    }

    [Fact]
    public void Service_role_longer_than_the_field_is_a_problem()
    {
        Assert.Equal("The role is at most 100 characters.", Assert.Single(ServiceLines.Parse(new string('R', 101) + " — ACL 2021").Problems).Reason);
    }

    [Fact]
    public void Service_plan_merges_years_into_the_role_the_profile_has_and_joins_repeats()
    {
        var existing = new ResearcherProfiles.Core.Entities.ServiceRole { Id = 7, Role = "Reviewer", Venue = "ACL", Years = [2020, 2021] };
        var pasted = ServiceLines.Parse("reviewer — acl 2021, 2022\nArea Chair — EMNLP 2023\nArea Chair — EMNLP 2024").Items
            .SelectMany(i => i.Item.Entries);

        var plan = ServiceMerge.Plan([existing], pasted);

        Assert.Collection(plan,
            merged =>
            {
                Assert.Same(existing, merged.Existing);
                Assert.Equal(("Reviewer", "ACL"), (merged.Role, merged.Venue));
                Assert.Equal([2022], merged.AddedYears);
            },
            added =>
            {
                Assert.True(added.IsNew);
                Assert.Equal([2023, 2024], added.Years);
            });
    }
}
