using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// The cache of public pages when it is this instance's own (no Redis): each stored page is a file
/// in a folder of this instance's, with only its index in memory. Kept in memory, a full cache of
/// Site:OutputCacheMegabytes was resident in the process and the garbage collector's heap grew with
/// it (tests/benchmarks/RESULTS.md, "pages kept in files"); as files, the pages live in the
/// operating system's file cache, which serves them as it serves a static site's files, and which
/// gives the memory back when something else needs it. The pages asked for right now are answered
/// from memory in front of this (<see cref="HotPages"/>).
/// The folder is under the temporary directory and is this instance's alone: it is emptied at
/// start and removed at shutdown, and folders left by an instance that was killed are removed by
/// the next start (a folder in use is locked by its instance's open lock file).
/// </summary>
public sealed class PageFiles : IOutputCacheStore, IDisposable
{
    /// <summary>The folder under the temporary directory that holds every instance's folder.</summary>
    public const string ParentFolderName = "researcher-profiles-pages";

    private const string LockFileName = ".lock";

    // When the pages outgrow the bound, the least recently read are removed until this share of it is left,
    // so that sorting the index happens once for many stores, not at every one.
    private const double ShareKeptWhenFull = 0.9;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _keysByTag = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly ILogger<PageFiles> _logger;
    private readonly FileStream _lockFile;
    private long _bytes;
    private long _nextId;
    private bool _disposed;

    private sealed class Entry(long id, int length, long expiresAt, string[] tags)
    {
        public long Id { get; } = id;
        public int Length { get; } = length;
        public long ExpiresAt { get; } = expiresAt;
        public string[] Tags { get; } = tags;
        public long LastRead { get; set; }
    }

    public PageFiles(long maxBytes, TimeProvider time, ILogger<PageFiles> logger, string? parentFolder = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        _maxBytes = maxBytes;
        _time = time;
        _logger = logger;
        var parent = parentFolder ?? Path.Combine(Path.GetTempPath(), ParentFolderName);
        Directory.CreateDirectory(parent);
        RemoveAbandonedFolders(parent, logger);
        Folder = Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        _lockFile = new FileStream(Path.Combine(Folder, LockFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
    }

    /// <summary>
    /// Registers the store in place of the framework's in-memory one, which stays the fallback for
    /// a machine where no folder can be made under the temporary directory (a read-only file system).
    /// </summary>
    public static void Register(IServiceCollection services, long maxBytes, string? parentFolder = null)
    {
        var inMemory = services.Last(s => s.ServiceType == typeof(IOutputCacheStore));
        services.AddSingleton(provider => new PageFiles(maxBytes, TimeProvider.System, provider.GetRequiredService<ILogger<PageFiles>>(), parentFolder));
        services.AddSingleton<IOutputCacheStore>(provider =>
        {
            try
            {
                return provider.GetRequiredService<PageFiles>();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                provider.GetRequiredService<ILogger<PageFiles>>().LogWarning(e,
                    "No folder for cached pages could be made under {Parent}; pages are cached in memory instead.",
                    parentFolder ?? Path.Combine(Path.GetTempPath(), ParentFolderName));
                return (IOutputCacheStore)(inMemory.ImplementationInstance
                    ?? inMemory.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, inMemory.ImplementationType!));
            }
        });
    }

    /// <summary>This instance's folder of pages.</summary>
    public string Folder { get; }

    /// <summary>The most bytes of pages kept (Site:OutputCacheMegabytes).</summary>
    public long MaxBytes => _maxBytes;

    /// <summary>The bytes of the pages stored now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _entries.Count;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return ValueTask.FromResult<byte[]?>(null);
        }
        var now = _time.GetTimestamp();
        if (now >= entry.ExpiresAt)
        {
            Remove(key, entry);
            return ValueTask.FromResult<byte[]?>(null);
        }
        entry.LastRead = now;
        try
        {
            // A few kilobytes from the operating system's file cache: reading them at once costs
            // less than handing the read to another thread.
            return ValueTask.FromResult<byte[]?>(File.ReadAllBytes(PathOf(entry.Id)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Replaced or evicted (its file deleted) between the lookup and the read, or the file is
            // gone for another reason: either way the page is rendered again.
            if (e is not FileNotFoundException)
            {
                _logger.LogWarning(e, "A cached page could not be read from {Folder}; it is rendered again.", Folder);
            }
            Remove(key, entry);
            return ValueTask.FromResult<byte[]?>(null);
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > _maxBytes)
        {
            return ValueTask.CompletedTask;
        }
        var now = _time.GetTimestamp();
        var lifetime = (long)Math.Clamp(validFor.TotalSeconds * _time.TimestampFrequency, 0, long.MaxValue / 4);
        var entry = new Entry(Interlocked.Increment(ref _nextId), value.Length, now + lifetime, tags ?? [])
        {
            LastRead = now,
        };
        try
        {
            // A new file for every store: a reader of the page it replaces still finds its own file.
            File.WriteAllBytes(PathOf(entry.Id), value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a removed folder costs a render per visit, never the visit.
            _logger.LogWarning(e, "A page could not be stored in {Folder}; it is served uncached.", Folder);
            TryDelete(entry.Id);
            return ValueTask.CompletedTask;
        }

        Entry? replaced = null;
        lock (_lock)
        {
            if (_disposed)
            {
                TryDelete(entry.Id);
                return ValueTask.CompletedTask;
            }
            if (_entries.TryGetValue(key, out var old))
            {
                Unindex(key, old);
                replaced = old;
            }
            _entries[key] = entry;
            _bytes += entry.Length;
            foreach (var tag in entry.Tags)
            {
                if (!_keysByTag.TryGetValue(tag, out var keys))
                {
                    _keysByTag[tag] = keys = new HashSet<string>(StringComparer.Ordinal);
                }
                keys.Add(key);
            }
            if (_bytes > _maxBytes)
            {
                MakeRoom(now);
            }
        }
        if (replaced is not null)
        {
            TryDelete(replaced.Id);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        List<Entry> removed = [];
        lock (_lock)
        {
            if (_keysByTag.TryGetValue(tag, out var keys))
            {
                foreach (var key in keys.ToArray())
                {
                    if (_entries.TryGetValue(key, out var entry))
                    {
                        Unindex(key, entry);
                        _entries.TryRemove(new(key, entry));
                        removed.Add(entry);
                    }
                }
            }
        }
        foreach (var entry in removed)
        {
            TryDelete(entry.Id);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Removes the folder and its pages.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _entries.Clear();
            _keysByTag.Clear();
            _bytes = 0;
        }
        _lockFile.Dispose();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Folder))
                {
                    Directory.Delete(Folder, recursive: true);
                }
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A store that began before the shutdown may be writing its file while the folder
                // is emptied ("directory not empty"): it deletes that file when it sees the
                // shutdown, so a second try shortly after finds the folder empty.
                if (attempt == 3)
                {
                    _logger.LogWarning(e, "The folder of cached pages {Folder} could not be removed; the next start removes it.", Folder);
                    return;
                }
                Thread.Sleep(50);
            }
        }
    }

    private string PathOf(long id) => Path.Combine(Folder, id.ToString("x", System.Globalization.CultureInfo.InvariantCulture));

    private void Remove(string key, Entry entry)
    {
        lock (_lock)
        {
            if (!_entries.TryRemove(new(key, entry)))
            {
                return;
            }
            Unindex(key, entry);
        }
        TryDelete(entry.Id);
    }

    /// <summary>Takes the entry out of the tag index and the byte count (under the lock); the caller removes it from the entries.</summary>
    private void Unindex(string key, Entry entry)
    {
        _bytes -= entry.Length;
        foreach (var tag in entry.Tags)
        {
            if (_keysByTag.TryGetValue(tag, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                _keysByTag.Remove(tag);
            }
        }
    }

    /// <summary>Under the lock: removes pages past their time, then the least recently read, until the pages take <see cref="ShareKeptWhenFull"/> of the bound.</summary>
    private void MakeRoom(long now)
    {
        var target = (long)(_maxBytes * ShareKeptWhenFull);
        var byAge = _entries.ToArray();
        Array.Sort(byAge, (a, b) => (a.Value.ExpiresAt <= now, b.Value.ExpiresAt <= now) switch
        {
            (true, false) => -1,
            (false, true) => 1,
            _ => a.Value.LastRead.CompareTo(b.Value.LastRead),
        });
        foreach (var (key, entry) in byAge)
        {
            if (_bytes <= target)
            {
                break;
            }
            if (_entries.TryRemove(new(key, entry)))
            {
                Unindex(key, entry);
                TryDelete(entry.Id);
            }
        }
    }

    private void TryDelete(long id)
    {
        try
        {
            File.Delete(PathOf(id));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "A cached page's file could not be deleted from {Folder}.", Folder);
        }
    }

    /// <summary>Removes the folders of instances that are gone: their lock file is no longer held.</summary>
    private static void RemoveAbandonedFolders(string parent, ILogger logger)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent))
        {
            try
            {
                using (new FileStream(Path.Combine(folder, LockFileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (FileNotFoundException)
            {
                // Not one of ours, or an instance that has not created its lock file yet: left alone.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held by a running instance, or not ours to remove.
                logger.LogDebug(e, "Left the folder {Folder} of cached pages in place.", folder);
            }
        }
    }
}
