using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Demo;

/// <summary>
/// Deterministic demo content: the same seed and the same fixed timestamps give identical rows on
/// every run, so screenshots, tests and benchmarks can rely on what is there.
/// </summary>
public static class DemoData
{
    /// <summary>The "now" of the demo world; every CreatedAt/UpdatedAt derives from it rather than the clock.</summary>
    public static readonly DateTimeOffset ReferenceTime = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Researchers added per SaveChanges by <see cref="SeedBulkAsync"/>; each brings about 260 rows.</summary>
    public const int BulkBatchSize = 200;

    private const int BulkSeed = 7_340_021;

    /// <summary>
    /// Fills an empty database with the hand-shaped demo site (see <see cref="DemoSlugs"/>).
    /// Does nothing when any researcher exists, so it is safe to call at every start-up.
    /// </summary>
    /// <returns>The number of researchers created.</returns>
    public static async Task<int> SeedSiteAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Researchers.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }
        var researchers = DemoSite.Build();
        db.Researchers.AddRange(researchers);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return researchers.Count;
    }

    /// <summary>
    /// Adds <paramref name="count"/> generated researchers with about fifty publications each, many
    /// shared between them, for load tests and benchmarks. Works on a database that already has
    /// profiles; slugs never collide with existing ones. The data depends only on the number of
    /// researchers already present, so a rerun on an identical database gives identical rows.
    /// </summary>
    /// <param name="progress">Called after each saved batch with the number of researchers created so far.</param>
    /// <returns>The number of researchers created.</returns>
    public static async Task<int> SeedBulkAsync(AppDbContext db, int count, Action<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return 0;
        }

        var taken = (await db.Researchers.IgnoreQueryFilters().Select(r => r.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var generator = new BulkGenerator(BulkSeed + taken.Count, taken);

        // Change detection over tens of thousands of tracked entities would dominate the run time;
        // every entity is added explicitly, so nothing needs detecting.
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var done = 0;
            while (done < count)
            {
                var batch = generator.NextBatch(Math.Min(BulkBatchSize, count - done));
                db.Researchers.AddRange(batch);
                // Without a transaction of the caller's, one SaveChanges is one, so each batch commits or
                // fails as a whole. Accepting the changes would only walk every entry before Clear() drops
                // them all anyway.
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                db.ChangeTracker.Clear();
                done += batch.Count;
                progress?.Invoke(done);
            }
            return done;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }
}
