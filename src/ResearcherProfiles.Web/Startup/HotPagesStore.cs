using Microsoft.AspNetCore.OutputCaching;

namespace ResearcherProfiles.Web.Startup;

/// <summary>The in-memory store of cached pages, which empties <see cref="HotPages"/> whenever pages are evicted.</summary>
internal sealed class HotPagesStore(IOutputCacheStore store, HotPages hot) : IOutputCacheStore
{
    /// <summary>
    /// Puts the store registered last behind this one, and keeps hot pages, when the store is this
    /// instance's own (no Redis): evictions on other instances would not reach them.
    /// </summary>
    public static void Register(IServiceCollection services, bool sharedStore)
    {
        if (sharedStore)
        {
            services.AddSingleton(new HotPages(TimeProvider.System) { Enabled = false });
            return;
        }
        services.AddSingleton(new HotPages(TimeProvider.System));
        var registered = services.Last(s => s.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider => new HotPagesStore(
            (IOutputCacheStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
            provider.GetRequiredService<HotPages>()));
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
}
