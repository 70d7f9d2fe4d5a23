using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace ResearcherProfiles.Web.Startup;

/// <summary>The store of cached pages, which empties <see cref="HotPages"/> whenever pages are evicted.</summary>
internal class HotPagesStore(IOutputCacheStore store, HotPages hot) : IOutputCacheStore
{
    /// <summary>
    /// Puts the store registered last behind this one. When another instance's edit evicts pages
    /// without this one's store knowing (<paramref name="evictedElsewhere"/>: the pages in Redis, or
    /// other instances on the same PostgreSQL database), hot pages are kept only while this instance
    /// hears of every eviction (<see cref="HotPagesOverRedis"/>, <see cref="EvictionsOverPostgres"/>).
    /// </summary>
    public static void Register(IServiceCollection services, bool evictedElsewhere)
    {
        services.AddSingleton(new HotPages(TimeProvider.System) { Enabled = !evictedElsewhere });
        var registered = services.Last(s => s.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider =>
        {
            var inner = (IOutputCacheStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
            var hot = provider.GetRequiredService<HotPages>();
            // The output cache reads and writes a store that takes buffers without copying them into arrays.
            return inner is IOutputCacheBufferStore buffers ? new BufferStore(buffers, hot) : new HotPagesStore(inner, hot);
        });
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        hot.Clear();
        await store.EvictByTagAsync(tag, cancellationToken);
        // Again: a page read from the store while it was evicting may have been kept meanwhile.
        hot.Clear();
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => store.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        store.SetAsync(key, value, tags, validFor, cancellationToken);

    private sealed class BufferStore(IOutputCacheBufferStore store, HotPages hot) : HotPagesStore(store, hot), IOutputCacheBufferStore
    {
        public ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken) =>
            store.TryGetAsync(key, destination, cancellationToken);

        public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            store.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}
