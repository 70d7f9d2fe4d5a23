using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Core;

public sealed class ServiceFoldingTests
{
    [Fact]
    public void Years_of_the_same_role_and_venue_are_folded_sorted_and_distinct()
    {
        var groups = ServiceFolding.Fold(
        [
            Role(0, "Reviewer", "ACL", 2023),
            Role(1, "Reviewer", "ACL", 2021, 2023),
            Role(2, "Reviewer", "ACL", 2022),
        ]);

        var group = Assert.Single(groups);
        Assert.Equal("Reviewer", group.Role);
        var venue = Assert.Single(group.Venues);
        Assert.Equal([2021, 2022, 2023], venue.Years);
        Assert.Equal("ACL (2021, 2022, 2023)", venue.ToString());
    }

    [Fact]
    public void Roles_and_venues_keep_the_order_of_their_first_appearance()
    {
        var groups = ServiceFolding.Fold(
        [
            Role(3, "Reviewer", "NeurIPS", 2022),
            Role(0, "Reviewer", "ACL", 2021),
            Role(1, "Area Chair", "EMNLP", 2023),
            Role(2, "Reviewer", "ACL", 2022),
            Role(4, "Student Seminar Co-Chair", "Tsinghua University", 2019),
        ]);

        Assert.Equal(["Reviewer", "Area Chair", "Student Seminar Co-Chair"], groups.Select(g => g.Role));
        Assert.Equal(["ACL (2021, 2022)", "NeurIPS (2022)"], groups[0].Venues.Select(v => v.ToString()));
        Assert.Equal(["EMNLP (2023)"], groups[1].Venues.Select(v => v.ToString()));
    }

    [Fact]
    public void Role_and_venue_names_merge_regardless_of_case_and_surrounding_spaces()
    {
        var groups = ServiceFolding.Fold(
        [
            Role(0, "Program Committee Member", "ACL", 2021),
            Role(1, " program committee member ", "acl ", 2022),
            Role(2, "PROGRAM COMMITTEE MEMBER", " ACL", 2021),
        ]);

        var group = Assert.Single(groups);
        Assert.Equal("Program Committee Member", group.Role);
        Assert.Equal("ACL (2021, 2022)", Assert.Single(group.Venues).ToString());
    }

    [Fact]
    public void A_venue_without_years_is_just_the_venue()
    {
        var groups = ServiceFolding.Fold([Role(0, "Organizer", "Workshop on Efficient NLP")]);

        Assert.Equal("Workshop on Efficient NLP", Assert.Single(Assert.Single(groups).Venues).ToString());
    }

    [Fact]
    public void No_roles_fold_to_no_groups()
    {
        Assert.Empty(ServiceFolding.Fold([]));
    }

    private static ServiceRole Role(int order, string role, string venue, params int[] years) =>
        new() { SortOrder = order, Role = role, Venue = venue, Years = [.. years] };
}
