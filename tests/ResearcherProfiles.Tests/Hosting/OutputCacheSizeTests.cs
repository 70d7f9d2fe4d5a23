using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>Site:OutputCacheMegabytes bounds the memory the cache of public pages takes.</summary>
public sealed class OutputCacheSizeTests
{
    private sealed class SmallCache : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { [SiteOptions.OutputCacheMegabytesKey] = "7" };
    }

    [Fact]
    public async Task The_setting_bounds_the_cache_and_the_default_is_a_hundred_megabytes()
    {
        await using var small = new SmallCache();
        await using var standard = new ProfilesAppFactory();

        Assert.Equal(7L * 1024 * 1024, small.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
        Assert.Equal(100L * 1024 * 1024, standard.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("lots")]
    [InlineData("100001")]
    [InlineData("1.5")]
    public void A_wrong_value_stops_start_up_naming_the_setting(string value)
    {
        var failure = Assert.Throws<StartupFailureException>(() => PublicSiteExtensions.OutputCacheMegabytes(value));
        Assert.Contains(SiteOptions.OutputCacheMegabytesKey, failure.Message, StringComparison.Ordinal);
    }
}
