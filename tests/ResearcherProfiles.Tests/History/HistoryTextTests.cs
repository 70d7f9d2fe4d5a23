using System.Text.Encodings.Web;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Tests.History;

public sealed class HistoryTextTests
{
    private static ProfileRevision Place(int id, int before, int after) => new()
    {
        EntityType = nameof(Award),
        EntityId = id,
        Action = RevisionAction.Updated,
        ChangedFields = nameof(ProfileItem.SortOrder),
        Before = $"{{\"Id\":{id},\"Title\":\"Award {id}\",\"SortOrder\":{before}}}",
        After = $"{{\"Id\":{id},\"Title\":\"Award {id}\",\"SortOrder\":{after}}}",
    };

    private static string Told(params ProfileRevision[] rows) =>
        HistoryText.Reorder(Reorder.Of(rows)!, r => HistoryText.ItemTitle(r, new Dictionary<int, string>()));

    [Fact]
    public void An_item_moved_up_past_others_is_told_as_one_move()
    {
        // 1 2 3 4 → 4 1 2 3
        Assert.Equal("Moved “Award 4” above “Award 1”", Told(Place(1, 0, 1), Place(2, 1, 2), Place(3, 2, 3), Place(4, 3, 0)));
    }

    [Fact]
    public void An_item_moved_down_is_told_by_the_item_now_above_it()
    {
        // 1 2 3 → 2 3 1
        Assert.Equal("Moved “Award 1” below “Award 3”", Told(Place(1, 0, 2), Place(2, 1, 0), Place(3, 2, 1)));
    }

    [Fact]
    public void Neighbours_swapped_by_move_up_are_one_move_even_in_a_list_with_gaps()
    {
        Assert.Equal("Moved “Award 2” above “Award 1”", Told(Place(1, 4, 5), Place(2, 5, 4)));
        Assert.Equal("Swapped the places of “Award 2” and “Award 1”", Told(Place(1, -3, 0), Place(2, 0, -3)));
    }

    [Fact]
    public void A_new_order_of_many_items_is_counted()
    {
        // 1 2 3 4 → 3 1 4 2
        Assert.Equal("Reordered awards: 4 moved", Told(Place(1, 0, 1), Place(2, 1, 3), Place(3, 2, 0), Place(4, 3, 2)));
    }

    [Fact]
    public void News_put_in_date_order_is_told_as_a_sort_by_date()
    {
        static ProfileRevision News(int id, int year, int before, int after) => new()
        {
            EntityType = nameof(NewsItem),
            EntityId = id,
            Action = RevisionAction.Updated,
            ChangedFields = nameof(ProfileItem.SortOrder),
            Before = $"{{\"BodyMarkdown\":\"News {id}\",\"Date\":{{\"Year\":{year},\"Month\":5,\"Day\":null}},\"SortOrder\":{before}}}",
            After = $"{{\"BodyMarkdown\":\"News {id}\",\"Date\":{{\"Year\":{year},\"Month\":5,\"Day\":null}},\"SortOrder\":{after}}}",
        };
        // 2019 2020 2021 2024 → 2024 2021 2020 2019
        var sorted = Reorder.Of([News(1, 2019, 0, 3), News(2, 2020, 1, 2), News(3, 2021, 2, 1), News(4, 2024, 3, 0)]);
        var shuffled = Reorder.Of([News(1, 2019, 0, 1), News(2, 2021, 1, 3), News(3, 2024, 2, 0), News(4, 2020, 3, 2)]);

        Assert.Equal("Sorted news by date, newest first: 4 moved", HistoryText.Reorder(sorted!, _ => null, HistoryText.DateKey));
        Assert.Equal("Reordered news: 4 moved", HistoryText.Reorder(shuffled!, _ => null, HistoryText.DateKey));
    }

    [Fact]
    public void A_save_that_changes_more_than_places_is_no_reorder()
    {
        var edit = Place(1, 0, 1);
        edit.ChangedFields = "SortOrder, Title";
        Assert.Null(Reorder.Of([edit, Place(2, 1, 0)]));
    }

    [Fact]
    public void A_word_diff_marks_only_the_changed_words_and_encodes_them()
    {
        var pieces = HistoryText.WordDiff("The cat sat on the mat.", "The dog sat on the <b>mat</b>.");

        Assert.Equal("The cat sat on the mat.", string.Concat(pieces.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
        Assert.Equal("The dog sat on the <b>mat</b>.", string.Concat(pieces.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
        Assert.Contains(new DiffPiece(DiffKind.Removed, "cat"), pieces);
        Assert.Contains(new DiffPiece(DiffKind.Added, "dog"), pieces);
        using var writer = new StringWriter();
        HistoryText.DiffHtml(pieces).WriteTo(writer, HtmlEncoder.Default);
        Assert.DoesNotContain("<b>", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("<del><span class=\"visually-hidden\">[removed: </span>cat", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_texts_longer_than_a_line_get_a_diff()
    {
        var shortChange = Assert.Single(HistoryText.Changes("Headline", "{\"Headline\":\"Linguist\"}", "{\"Headline\":\"Phonologist\"}"));
        Assert.Null(shortChange.Diff);
        var longText = string.Join(' ', Enumerable.Repeat("word", 30));
        var longChange = Assert.Single(HistoryText.Changes("AboutMarkdown", $"{{\"AboutMarkdown\":\"{longText}\"}}", $"{{\"AboutMarkdown\":\"{longText} more\"}}"));
        Assert.NotNull(longChange.Diff);
        Assert.Equal("About", longChange.Field);
    }
}
