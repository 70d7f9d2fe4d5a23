using ResearcherProfiles.Core.Publications;

namespace ResearcherProfiles.Tests.Core.Publications;

public sealed class PublicationPlacementTests
{
    private static PaperDate D(int? year, int? month = null) => new(year, month);

    public static TheoryData<int?, int?, int?, int?, int> Comparisons => new()
    {
        { 2024, null, 2023, null, -1 },
        { 2023, 5, 2023, 9, 1 },
        // A year alone comes after the same year's papers with a month.
        { 2023, null, 2023, 1, 1 },
        { 2023, 4, 2023, 4, 0 },
        // Undated papers come last.
        { null, null, 1990, null, 1 },
        { null, null, null, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Newest_first_compares_year_then_month_with_undated_last(int? ay, int? am, int? by, int? bm, int expected) =>
        Assert.Equal(expected, Math.Sign(PublicationPlacement.CompareNewestFirst(D(ay, am), D(by, bm))));

    [Fact]
    public void A_newcomer_goes_before_the_first_paper_that_is_not_newer_than_it()
    {
        var list = new[] { ("2024", D(2024)), ("2021", D(2021)), ("undated", D(null)) };

        Assert.Equal(["2024", "new 2022", "2021", "undated"], PublicationPlacement.Arrange(list, [("new 2022", D(2022))]));
        Assert.Equal(["new 2030", "2024", "2021", "undated"], PublicationPlacement.Arrange(list, [("new 2030", D(2030))]));
        Assert.Equal(["2024", "new 2021", "2021", "undated"], PublicationPlacement.Arrange(list, [("new 2021", D(2021))]));
        Assert.Equal(["2024", "2021", "new undated", "undated"], PublicationPlacement.Arrange(list, [("new undated", D(null))]));
        Assert.Equal(["2024", "2021", "new 1900", "undated"], PublicationPlacement.Arrange(list, [("new 1900", D(1900))]));
    }

    [Fact]
    public void In_a_hand_arranged_list_a_newcomer_lands_beside_the_papers_of_its_time()
    {
        // The owner put an old favourite first: new papers do not all pile up above it or below it.
        var list = new[] { ("favourite 2015", D(2015)), ("2024", D(2024)), ("2019", D(2019)) };

        Assert.Equal(["new 2016", "favourite 2015", "2024", "2019"], PublicationPlacement.Arrange(list, [("new 2016", D(2016))]));
    }

    [Fact]
    public void Newcomers_of_the_same_date_keep_the_order_they_arrive_in()
    {
        var list = new[] { ("old", D(2020)) };

        Assert.Equal(["a", "b", "c", "old"], PublicationPlacement.Arrange(list, [("a", D(2022, 3)), ("b", D(2022, 3)), ("c", D(2022))]));
    }

    [Fact]
    public void Sorting_by_date_is_stable_for_papers_of_the_same_date()
    {
        var items = new[] { ("x", D(2020)), ("y", D(null)), ("z", D(2024, 2)), ("w", D(2020)) };

        Assert.Equal(["z", "x", "w", "y"], PublicationPlacement.NewestFirst(items, i => i.Item2).Select(i => i.Item1));
    }
}
