using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using Kind = ResearcherProfiles.Core.Entities.ProfileSectionKind;

namespace ResearcherProfiles.Tests.Core;

public sealed class SectionLayoutOrderTests
{
    [Fact]
    public void No_stored_layout_gives_every_kind_in_the_default_order()
    {
        Assert.Equal(Enum.GetValues<Kind>(), SectionLayout.Complete([]).Select(s => s.Kind));
    }

    [Fact]
    public void Stored_sections_keep_the_owners_order_and_missing_kinds_follow_the_kind_before_them()
    {
        // The owner put Publications first and Education before News; the rest was never saved.
        var stored = new[] { Section(Kind.News, 2), Section(Kind.Publications, 0), Section(Kind.Education, 1) };

        var layout = SectionLayout.Complete(stored).Select(s => s.Kind);

        // About has no kind before it in the default order, so it goes first; every other missing
        // kind lands right after the kind that precedes it by default, and News stays last.
        Assert.Equal(
            [Kind.About, Kind.Publications, Kind.Projects, Kind.ResearchProjects, Kind.OpenSourceProjects, Kind.IndustryProjects, Kind.ResourceLists,
             Kind.Education, Kind.Experience, Kind.Awards, Kind.Service, Kind.Talks, Kind.Skills, Kind.Writing, Kind.News],
            layout);
    }

    [Fact]
    public void Equal_sort_orders_fall_back_to_the_kind_and_duplicates_and_unknown_kinds_are_dropped()
    {
        var first = Section(Kind.Talks, 0);
        var stored = new[] { first, Section(Kind.Awards, 0), Section(Kind.Talks, 5), Section((Kind)99, 0) };

        var layout = SectionLayout.Complete(stored);

        Assert.Equal(Enum.GetValues<Kind>().Length, layout.Count);
        Assert.Equal(layout.Count, layout.Select(s => s.Kind).Distinct().Count());
        Assert.Same(first, layout.Single(s => s.Kind == Kind.Talks));
        Assert.True(layout.ToList().FindIndex(s => s.Kind == Kind.Awards) < layout.ToList().FindIndex(s => s.Kind == Kind.Talks));
    }

    [Fact]
    public void Anchors_are_the_kinds_in_lowercase_words_joined_by_hyphens()
    {
        Assert.Equal("about", SectionLayout.Anchor(Kind.About));
        Assert.Equal("open-source-projects", SectionLayout.Anchor(Kind.OpenSourceProjects));
        Assert.Equal("resource-lists", SectionLayout.Anchor(Kind.ResourceLists));
        Assert.Equal("open-source-projects-heading", SectionLayout.HeadingId(Kind.OpenSourceProjects));
    }

    private static ProfileSection Section(Kind kind, int sortOrder) => new() { Kind = kind, SortOrder = sortOrder };
}
