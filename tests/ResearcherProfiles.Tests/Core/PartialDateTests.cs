using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Tests.Core;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2023", 2023, null, null)]
    [InlineData("2023-05", 2023, 5, null)]
    [InlineData("2023-05-12", 2023, 5, 12)]
    [InlineData(" 2021-1 ", 2021, 1, null)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void TryParse_reads_year_month_and_day_forms(string text, int year, int? month, int? day)
    {
        Assert.True(PartialDate.TryParse(text, out var date));

        Assert.Equal((year, month, day), (date.Year, date.Month, date.Day));
    }

    [Theory]
    [InlineData("2016", "2016")]
    [InlineData("2016-09", "2016-09")]
    [InlineData("2016/09", "2016-09")]
    [InlineData("2016/9", "2016-09")]
    [InlineData("09/2016", "2016-09")]
    [InlineData("9/2016", "2016-09")]
    [InlineData("09-2016", "2016-09")]
    [InlineData("Sep 2016", "2016-09")]
    [InlineData("Sep. 2016", "2016-09")]
    [InlineData("Sept 2016", "2016-09")]
    [InlineData("September 2016", "2016-09")]
    [InlineData("september 2016", "2016-09")]
    [InlineData("SEP 2016", "2016-09")]
    [InlineData("May 2023", "2023-05")]
    [InlineData("2016-09-14", "2016-09-14")]
    [InlineData("2016/09/14", "2016-09-14")]
    [InlineData("14 Sep 2016", "2016-09-14")]
    [InlineData("14 September 2016", "2016-09-14")]
    [InlineData("Sep 14, 2016", "2016-09-14")]
    [InlineData("  Sep   2016 ", "2016-09")]
    public void TryParse_reads_what_people_type_and_what_the_site_displays(string text, string stored)
    {
        Assert.True(PartialDate.TryParse(text, out var date));

        Assert.Equal(stored, date.ToIsoString());
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("2023-05")]
    [InlineData("2023-09-14")]
    public void What_the_site_displays_reads_back_as_the_same_date(string iso)
    {
        var date = Parse(iso);

        Assert.True(PartialDate.TryParse(date.ToDisplayString(), out var full));
        Assert.True(PartialDate.TryParse(date.ToDisplayString(shortMonth: true), out var abbreviated));
        Assert.Equal(date, full);
        Assert.Equal(date, abbreviated);
    }

    [Theory]
    [InlineData("14/09/2016")]
    [InlineData("09/14/2016")]
    [InlineData("Se 2016")]
    [InlineData("Autumn 2016")]
    [InlineData("Sep")]
    [InlineData("Sep 16")]
    [InlineData("13/2016")]
    [InlineData("31 Feb 2016")]
    [InlineData("Sep 2016 extra words")]
    [InlineData("2023-13")]
    [InlineData("2023-00")]
    [InlineData("2023-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2023-04-31")]
    [InlineData("2023-05-00")]
    [InlineData("99")]
    [InlineData("02023")]
    [InlineData("abc")]
    [InlineData("2023-ab")]
    [InlineData("2023-05-12-01")]
    [InlineData("2023--05")]
    [InlineData("-2023")]
    [InlineData("1899")]
    [InlineData("2101")]
    [InlineData("99999999999999999999")]
    [InlineData("2023-99999999999999999999")]
    [InlineData("2023-05-99999999999999999999")]
    [InlineData("2023-0000000000000000000005")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_rejects_anything_that_is_not_a_real_partial_date(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out var date));
        Assert.Equal(default, date);
    }

    [Theory]
    [InlineData("2021", "2021")]
    [InlineData("2023-05", "May 2023")]
    [InlineData("2023-05-12", "12 May 2023")]
    [InlineData("2023-09", "September 2023")]
    public void Display_form_is_year_month_name_year_or_day_month_year(string iso, string expected)
    {
        Assert.Equal(expected, Parse(iso).ToDisplayString());
    }

    [Theory]
    [InlineData("2021", "2021")]
    [InlineData("2023-09", "Sep 2023")]
    [InlineData("2023-05-12", "12 May 2023")]
    [InlineData("2020-12-01", "1 Dec 2020")]
    public void Display_form_can_abbreviate_the_month(string iso, string expected)
    {
        Assert.Equal(expected, Parse(iso).ToDisplayString(shortMonth: true));
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("2023-05")]
    [InlineData("2023-05-02")]
    public void Iso_form_round_trips_through_TryParse(string iso)
    {
        Assert.Equal(iso, Parse(iso).ToIsoString());
        Assert.Equal(iso, Parse(iso).ToString());
    }

    [Fact]
    public void A_less_precise_date_sorts_before_more_precise_dates_in_the_same_period()
    {
        string[] ascending = ["2022-12-31", "2023", "2023-01", "2023-01-02", "2023-02", "2024"];
        var dates = ascending.Select(Parse).ToList();

        Assert.Equal(dates, dates.AsEnumerable().Reverse().Order());
        Assert.Equal(dates, dates.AsEnumerable().Reverse().OrderBy(d => d.ToSortKey()));
        Assert.True(Parse("2023") < Parse("2023-01"));
        Assert.True(Parse("2023-01") < Parse("2023-01-02"));
        Assert.True(Parse("2023-01-02") < Parse("2024"));
        Assert.True(Parse("2024") >= Parse("2024"));
        Assert.True(Parse("2024") > Parse("2023-12-31"));
    }

    [Theory]
    [InlineData("2023", 20230000)]
    [InlineData("2023-05", 20230500)]
    [InlineData("2023-05-12", 20230512)]
    public void Sort_key_is_yyyymmdd_with_zeros_for_unknown_parts(string iso, int key)
    {
        Assert.Equal(key, Parse(iso).ToSortKey());
    }

    [Theory]
    [InlineData("1900")]
    [InlineData("2023")]
    [InlineData("2023-05")]
    [InlineData("2023-12-31")]
    [InlineData("2100-01-01")]
    public void FromSortKey_restores_the_same_date(string iso)
    {
        var date = Parse(iso);

        var restored = PartialDate.FromSortKey(date.ToSortKey());

        Assert.Equal(date, restored);
        Assert.Equal((date.Year, date.Month, date.Day), (restored.Year, restored.Month, restored.Day));
    }

    [Theory]
    [InlineData("2023-05")]
    [InlineData(null)]
    public void The_stored_key_converts_back_to_the_same_date_the_unset_one_included(string? iso)
    {
        // EF converts the provider's default (0) to find the property's "not set" value.
        var converter = new PartialDateConverter();
        var date = iso is null ? default : Parse(iso);

        var key = (int)converter.ConvertToProvider(date)!;

        Assert.Equal(date, (PartialDate)converter.ConvertFromProvider(key)!);
        Assert.Equal(iso is null, key == 0);
    }

    [Fact]
    public void Constructor_rejects_impossible_dates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2023, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2023, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2023, null, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(1800));
    }

    private static PartialDate Parse(string iso) =>
        PartialDate.TryParse(iso, out var date) ? date : throw new ArgumentException(iso, nameof(iso));
}
