using Microsoft.AspNetCore.OutputCaching;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// A public page asked with a query key given twice (/search?q=a&amp;q=b) is rendered, not looked up
/// or stored. The cache's key lists a key's values in sorted order, so /search?q=a&amp;q=b and
/// /search?q=b&amp;q=a shared one copy, while the page reads the first value: one of the two got the
/// other's results. No link of the site repeats a key, so only hand-made addresses pay the render.
/// </summary>
internal sealed class RepeatedQueryValues : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        foreach (var (_, values) in context.HttpContext.Request.Query)
        {
            if (values.Count > 1)
            {
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
                break;
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
