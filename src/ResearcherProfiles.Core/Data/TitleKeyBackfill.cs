using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Data;

/// <summary>
/// Publications saved before titles had keys get theirs at start-up, once: the key needs the
/// same Unicode normalisation as new saves, which SQL alone cannot do.
/// </summary>
public static class TitleKeyBackfill
{
    private const int BatchSize = 1000;

    public static async Task<int> RunAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var filled = 0;
        while (true)
        {
            var batch = await db.Publications.AsNoTracking()
                .Where(p => p.TitleKey == null)
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Title })
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return filled;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in batch)
            {
                var key = ScholarlyIds.TitleKey(row.Title);
                await db.Publications.Where(p => p.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.TitleKey, key), ct);
            }
            await transaction.CommitAsync(ct);
            filled += batch.Count;
        }
    }
}
