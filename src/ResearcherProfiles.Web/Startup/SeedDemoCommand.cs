using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Web.Search;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// `--seed-demo N`: migrates the database, adds the demo site if it is empty, then N generated
/// researchers (for benchmarks), and exits without serving.
/// </summary>
public static class SeedDemoCommand
{
    private const string Switch = "--seed-demo";

    public static bool TryParse(string[] args, out int researchers)
    {
        researchers = 0;
        var index = Array.IndexOf(args, Switch);
        if (index < 0)
        {
            return false;
        }
        if (index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            researchers = count;
        }
        return true;
    }

    public static async Task<int> RunAsync(WebApplication app, int researchers)
    {
        if (!await app.TryPrepareDatabaseAsync())
        {
            return 1;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var site = await DemoData.SeedSiteAsync(db);
        app.Logger.LogInformation("Demo site: {Count} researchers added.", site);
        if (researchers > 0)
        {
            var clock = Stopwatch.StartNew();
            await SeedBulkAsync(db, researchers, done =>
                app.Logger.LogInformation("Generated {Done}/{Total} researchers ({Seconds:F0} s).", done, researchers, clock.Elapsed.TotalSeconds));
            app.Logger.LogInformation("Generated {Count} researchers in {Seconds:F1} s.", researchers, clock.Elapsed.TotalSeconds);
        }
        var total = await db.Researchers.CountAsync();
        app.Logger.LogInformation("The database now holds {Total} researchers.", total);
        return 0;
    }

    /// <summary>
    /// Adds <paramref name="researchers"/> generated researchers in one transaction, with the search
    /// index written once at the end (<see cref="SearchIndexLoad"/>) instead of by its triggers row by
    /// row: on PostgreSQL those rewrote each paper's document for every author inserted, four fifths
    /// of a seed's time (400 researchers took 74 s).
    /// </summary>
    public static Task<int> SeedBulkAsync(AppDbContext db, int researchers, Action<int>? progress = null, CancellationToken ct = default) =>
        SearchIndexLoad.RunAsync(db, () => DemoData.SeedBulkAsync(db, researchers, progress, ct), ct);
}
