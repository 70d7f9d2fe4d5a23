using SQLitePCL;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// SQLite's process-wide settings, which only take effect before its first connection opens.
/// </summary>
/// <remarks>
/// By default SQLite keeps statistics of the memory it uses, and counting each allocation takes one
/// lock for the whole process. Every query allocates, so with a request on each core the threads
/// queued on that lock: on the 10k site, serving uncached profiles with the statistics off cut the
/// kernel's share of the app's CPU from 12 to 10 % (the lock's waits) and served 5–30 % more pages
/// in alternated runs (tests/benchmarks/RESULTS.md). The statistics feed only
/// sqlite3_memory_used and the soft heap limit, which the app does not use.
/// </remarks>
public static class SqliteProcessSettings
{
    private static readonly Lock Gate = new();
    private static bool _tried;

    /// <summary>Whether the settings took effect: false when SQLite was initialized in this process before <see cref="Apply"/>.</summary>
    public static bool Applied { get; private set; }

    /// <summary>Applies the settings once; later calls do nothing.</summary>
    public static void Apply()
    {
        lock (Gate)
        {
            if (_tried)
            {
                return;
            }
            _tried = true;
            Batteries_V2.Init();
            // SQLITE_MISUSE once SQLite is initialized (a connection opened earlier in the process):
            // the defaults stay, which are correct, only slower under load.
            Applied = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
        }
    }
}
