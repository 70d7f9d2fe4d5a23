using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Core;

public sealed class DateRangeTests
{
    [Theory]
    [InlineData("2019", "2023", "2019 – 2023")]
    [InlineData("2015-09", "2019-06", "Sep 2015 – Jun 2019")]
    [InlineData("2019", "2019-06", "2019 – Jun 2019")]
    [InlineData("2020", "2020", "2020")]
    [InlineData("2021-09", "2021-09", "Sep 2021")]
    [InlineData("2021-09-01", "2021-09-15", "1 Sep 2021 – 15 Sep 2021")]
    public void Start_and_end_are_joined_with_an_en_dash_and_an_equal_pair_shown_once(string start, string end, string expected)
    {
        Assert.Equal(expected, DateRange.Format(Parse(start), Parse(end)));
    }

    [Fact]
    public void An_open_end_reads_now()
    {
        Assert.Equal("Sep 2021 – now", DateRange.Format(Parse("2021-09"), null));
    }

    [Fact]
    public void An_open_end_can_read_present()
    {
        Assert.Equal("2022 – present", DateRange.Format(Parse("2022"), null, "present"));
    }

    [Fact]
    public void Only_an_end_shows_just_the_end()
    {
        Assert.Equal("May 2023", DateRange.Format(null, Parse("2023-05")));
    }

    [Fact]
    public void No_dates_at_all_is_empty()
    {
        Assert.Equal(string.Empty, DateRange.Format(null, null));
    }

    private static PartialDate Parse(string iso) =>
        PartialDate.TryParse(iso, out var date) ? date : throw new ArgumentException(iso, nameof(iso));
}
