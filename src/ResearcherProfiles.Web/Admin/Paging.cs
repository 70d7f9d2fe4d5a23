using Microsoft.EntityFrameworkCore;

namespace ResearcherProfiles.Web.Admin;

/// <summary>One page of a longer list.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageCount, int Total);

public static class Paging
{
    public const int PageSize = 25;

    /// <summary>The page <paramref name="pageNumber"/> of <paramref name="query"/>, clamped to the pages that exist.</summary>
    public static async Task<Paged<T>> ToPageAsync<T>(IQueryable<T> query, int pageNumber, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(pageNumber, 1, pageCount);
        var items = await query.Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Paged<T>(items, number, pageCount, total);
    }
}

/// <summary>What the admin pager partial needs: where we are and how to link to another page.</summary>
public sealed record AdminPager(int PageNumber, int PageCount, Func<int, string> Url, string Label);
