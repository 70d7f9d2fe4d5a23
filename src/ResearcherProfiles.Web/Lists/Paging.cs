using Microsoft.EntityFrameworkCore;

namespace ResearcherProfiles.Web.Lists;

/// <summary>One page of a longer list.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageCount, int Total);

/// <summary>
/// Splits lists into pages in the database (a count, then Skip/Take), so the work per request is
/// bounded by the page size however long the list grows.
/// </summary>
public static class Paging
{
    /// <summary>The number of pages <paramref name="total"/> items fill; an empty list still has one page.</summary>
    public static int Count(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The page <paramref name="pageNumber"/> of <paramref name="query"/>, clamped to the pages that exist.</summary>
    public static async Task<Paged<T>> ToPageAsync<T>(IQueryable<T> query, int pageNumber, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = await query.CountAsync(ct);
        var pageCount = Count(total, pageSize);
        var number = Math.Clamp(pageNumber, 1, pageCount);
        var items = await query.Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, number, pageCount, total);
    }
}

/// <summary>
/// What the pager partial (Pages/Shared/_Pager.cshtml) needs: where we are, how to link to another
/// page, and the navigation landmark's name ("Directory pages").
/// </summary>
public sealed record Pager(int PageNumber, int PageCount, Func<int, string> Url, string Label)
{
    /// <summary>Page links shown either side of the current one.</summary>
    public const int Window = 3;

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;

    public IEnumerable<int> Numbers =>
        Enumerable.Range(Math.Max(1, PageNumber - Window), Math.Min(PageCount, PageNumber + Window) - Math.Max(1, PageNumber - Window) + 1);
}
