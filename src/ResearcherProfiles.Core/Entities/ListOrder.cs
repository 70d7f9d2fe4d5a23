namespace ResearcherProfiles.Core.Entities;

/// <summary>How a profile's ordered list is numbered once its order changes: the one way for every list.</summary>
public static class ListOrder
{
    /// <summary>
    /// Numbers <paramref name="items"/> 0, 1, 2, … in the order given. Numbering the whole list also
    /// repairs ties and gaps; only items whose number changes are written, so a tidy list changes little.
    /// </summary>
    public static void Renumber<T>(IReadOnlyList<T> items)
        where T : ProfileItem
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].SortOrder != i)
            {
                items[i].SortOrder = i;
            }
        }
    }
}
