using System.Runtime.InteropServices;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// The C library's heap (what SQLite, Brotli and the runtime allocate with malloc) on Linux with
/// glibc: bounded to a few arenas, and what it has freed given back to the system now and then.
/// </summary>
/// <remarks>
/// glibc gives each thread that allocates an arena of its own, up to eight per core, and each arena
/// keeps what its threads freed for later. The app serves requests on the thread pool, so after a
/// load every busy thread has an arena holding its high-water mark (15 besides the main one after
/// 10 s of uncached pages on two cores). <see cref="LimitArenas"/> does what MALLOC_ARENA_MAX=2
/// does, from the app's first line, so that <c>dotnet run</c> and the published app have it too;
/// threads that allocated before it keep the arenas they already have (about 6), and no new ones
/// are made after it. The image also sets the variable, which takes effect before any thread starts.
///
/// Within an arena, memory freed between blocks still in use stays with the process: glibc gives
/// back only the free end of an arena by itself. <see cref="Trim"/> gives back every free page
/// (malloc_trim), 15–17 MB after a load. With both, resident memory after 40 s of random pages of
/// the 10k site went from a median of 296 to 283 MB over seven alternated runs, and the uncached
/// long tail served as many pages (tests/benchmarks/RESULTS.md).
/// </remarks>
public static class NativeHeap
{
    /// <summary>The most arenas glibc makes for the process from the call on.</summary>
    public const int MostArenas = 2;

    // mallopt's parameter for the arena limit (malloc.h).
    private const int ArenaMax = -8;

    /// <summary>Whether the limit took effect; false off Linux or with a C library other than glibc.</summary>
    public static bool Limited { get; private set; }

    /// <summary>Sets the limit; call it first thing, before the app starts its threads.</summary>
    public static void LimitArenas()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            // mallopt answers 1 when it took the setting.
            Limited = MallOpt(ArenaMax, MostArenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library (musl has no mallopt): its own allocator stays as it is.
        }
    }

    /// <summary>Says at Debug level whether the limit is in effect.</summary>
    public static void Report(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (Limited)
        {
            logger.LogDebug("The C library's heap keeps at most {Arenas} arenas (mallopt M_ARENA_MAX).", MostArenas);
        }
        else
        {
            logger.LogDebug("The C library's heap keeps its default arenas: mallopt is not available here.");
        }
    }

    /// <summary>Gives the free pages of every arena back to the system; true when there were some. Only with glibc (where the limit took).</summary>
    public static bool Trim() => Limited && MallocTrim(0) == 1;

    /// <summary>Runs <see cref="Trim"/> every <see cref="TrimInterval"/> while the app runs.</summary>
    public static IServiceCollection AddNativeHeapTrimming(this IServiceCollection services) =>
        services.AddHostedService<Trimming>();

    /// <summary>How often freed memory is given back.</summary>
    public static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(15);

    private sealed class Trimming : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (!Limited)
            {
                return;
            }
            using var timer = new PeriodicTimer(TrimInterval);
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    Trim();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The app is stopping.
            }
        }
    }

    // DllImport rather than LibraryImport: the calls pass plain numbers, which need no marshalling,
    // and the generated form would make the whole project allow unsafe code.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);
}
