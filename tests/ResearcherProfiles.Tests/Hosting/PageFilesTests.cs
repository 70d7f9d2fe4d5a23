using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>The cache of public pages kept in files, with only its index in memory.</summary>
public sealed class PageFilesTests : IDisposable
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "page-files-tests-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new();

    private PageFiles Create(long maxBytes = 1024 * 1024) => new(maxBytes, _time, NullLogger<PageFiles>.Instance, _parent);

    private static byte[] Page(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The pages' files in the store's folder (not its lock file).</summary>
    private static string[] Files(PageFiles store) =>
        Directory.GetFiles(store.Folder).Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray();

    public void Dispose()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    [Fact]
    public async Task A_stored_page_is_read_back_and_a_replaced_one_leaves_no_file_behind()
    {
        using var store = Create();

        await store.SetAsync("/people/ada", Page("first"), ["profile:1"], TenMinutes, default);
        Assert.Equal(Page("first"), await store.GetAsync("/people/ada", default));
        await store.SetAsync("/people/ada", Page("second, longer"), ["profile:1"], TenMinutes, default);

        Assert.Equal(Page("second, longer"), await store.GetAsync("/people/ada", default));
        Assert.Null(await store.GetAsync("/people/grace", default));
        Assert.Single(Files(store));
        Assert.Equal(Page("second, longer").Length, store.Bytes);
    }

    [Fact]
    public async Task Evicting_a_tag_removes_its_pages_and_their_files_and_keeps_the_others()
    {
        using var store = Create();
        await store.SetAsync("/people/ada", Page("ada"), ["all", "profile:1"], TenMinutes, default);
        await store.SetAsync("/people/ada/publications", Page("ada's papers"), ["all", "profile:1"], TenMinutes, default);
        await store.SetAsync("/people/grace", Page("grace"), ["all", "profile:2"], TenMinutes, default);

        await store.EvictByTagAsync("profile:1", default);

        Assert.Null(await store.GetAsync("/people/ada", default));
        Assert.Null(await store.GetAsync("/people/ada/publications", default));
        Assert.Equal(Page("grace"), await store.GetAsync("/people/grace", default));
        Assert.Single(Files(store));
        Assert.Equal(Page("grace").Length, store.Bytes);

        await store.EvictByTagAsync("all", default);
        await store.EvictByTagAsync("no such tag", default);
        Assert.Empty(Files(store));
        Assert.Equal(0, store.Bytes);
    }

    [Fact]
    public async Task A_page_past_its_time_is_not_served_and_its_file_goes()
    {
        using var store = Create();
        await store.SetAsync("/people/ada", Page("ada"), ["all"], TenMinutes, default);

        _time.Advance(TenMinutes - TimeSpan.FromSeconds(1));
        Assert.NotNull(await store.GetAsync("/people/ada", default));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await store.GetAsync("/people/ada", default));
        Assert.Empty(Files(store));
        Assert.Equal(0, store.Bytes);
    }

    [Fact]
    public async Task Past_the_bound_the_least_recently_read_pages_leave_first()
    {
        using var store = Create(maxBytes: 10_000);
        for (var i = 0; i < 10; i++)
        {
            await store.SetAsync($"/page/{i}", new byte[1_000], ["all"], TenMinutes, default);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
        // Read the two oldest again: they are now the most recently used.
        Assert.NotNull(await store.GetAsync("/page/0", default));
        Assert.NotNull(await store.GetAsync("/page/1", default));
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await store.SetAsync("/page/10", new byte[1_000], ["all"], TenMinutes, default);

        Assert.True(store.Bytes <= 10_000 * 0.9, $"{store.Bytes} bytes kept");
        Assert.NotNull(await store.GetAsync("/page/0", default));
        Assert.NotNull(await store.GetAsync("/page/1", default));
        Assert.NotNull(await store.GetAsync("/page/10", default));
        Assert.Null(await store.GetAsync("/page/2", default));
        Assert.Null(await store.GetAsync("/page/3", default));
        Assert.Equal(store.Count, Files(store).Length);
        Assert.Equal(store.Bytes, Files(store).Sum(f => new FileInfo(f).Length));
    }

    [Fact]
    public async Task A_page_larger_than_the_whole_bound_is_not_kept()
    {
        using var store = Create(maxBytes: 1_000);

        await store.SetAsync("/huge", new byte[1_001], ["all"], TenMinutes, default);

        Assert.Null(await store.GetAsync("/huge", default));
        Assert.Empty(Files(store));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_costs_renders_never_an_error()
    {
        using var store = Create();
        await store.SetAsync("/people/ada", Page("ada"), ["all"], TenMinutes, default);
        Directory.Delete(store.Folder, recursive: true);

        Assert.Null(await store.GetAsync("/people/ada", default));
        await store.SetAsync("/people/grace", Page("grace"), ["all"], TenMinutes, default);
        Assert.Null(await store.GetAsync("/people/grace", default));
        await store.EvictByTagAsync("all", default);
        Assert.Equal(0, store.Bytes);
    }

    [Fact]
    public async Task The_folder_is_removed_at_shutdown_and_a_killed_instances_folder_at_the_next_start()
    {
        var running = Create();
        await running.SetAsync("/people/ada", Page("ada"), ["all"], TenMinutes, default);
        // What a killed instance leaves: a folder with pages and a lock file nobody holds.
        var abandoned = Path.Combine(_parent, "12345-abandoned");
        Directory.CreateDirectory(abandoned);
        await File.WriteAllTextAsync(Path.Combine(abandoned, ".lock"), "");
        await File.WriteAllTextAsync(Path.Combine(abandoned, "1"), "old page");
        // A folder that is not an instance's (no lock file) is left alone.
        var foreign = Directory.CreateDirectory(Path.Combine(_parent, "someone-elses")).FullName;

        using var next = Create();

        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(running.Folder), "a running instance's folder was removed");
        Assert.True(Directory.Exists(foreign));
        Assert.Equal(Page("ada"), await running.GetAsync("/people/ada", default));
        running.Dispose();
        Assert.False(Directory.Exists(running.Folder));
        Assert.True(Directory.Exists(next.Folder));
    }

    [Fact]
    public async Task Where_no_folder_can_be_made_pages_are_cached_in_memory_instead()
    {
        Directory.CreateDirectory(_parent);
        // A file where the folder should be: nothing can be made under it.
        var blocked = Path.Combine(_parent, "a-file");
        await File.WriteAllTextAsync(blocked, "");
        var services = new ServiceCollection().AddLogging().AddOutputCache();
        PageFiles.Register(services, 1024 * 1024, blocked);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IOutputCacheStore>();
        await store.SetAsync("/people/ada", Page("ada"), ["all"], TenMinutes, default);

        Assert.IsNotType<PageFiles>(store);
        Assert.Equal(Page("ada"), await store.GetAsync("/people/ada", default));
    }

    [Fact]
    public async Task Pages_stored_read_and_evicted_at_once_keep_the_index_and_the_files_in_step()
    {
        using var store = Create(maxBytes: 200_000);
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 400; i++)
            {
                var key = $"/page/{i % 50}";
                switch ((worker + i) % 4)
                {
                    case 0:
                    case 1:
                        await store.SetAsync(key, new byte[1_000 + (i % 7) * 500], ["all", $"group:{i % 5}"], TenMinutes, default);
                        break;
                    case 2:
                        var page = await store.GetAsync(key, default);
                        Assert.True(page is null || page.Length >= 1_000);
                        break;
                    default:
                        await store.EvictByTagAsync($"group:{i % 5}", default);
                        break;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(store.Count, Files(store).Length);
        Assert.Equal(store.Bytes, Files(store).Sum(f => new FileInfo(f).Length));
        await store.EvictByTagAsync("all", default);
        Assert.Empty(Files(store));
        Assert.Equal(0, store.Bytes);
    }
}
