using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Tests.Accounts;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>Site:OutputCacheMegabytes bounds the space the cache of public pages takes.</summary>
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

        Assert.Equal(7L * 1024 * 1024, small.Services.GetRequiredService<PageFiles>().MaxBytes);
        Assert.Equal(100L * 1024 * 1024, standard.Services.GetRequiredService<PageFiles>().MaxBytes);
        Assert.IsType<HotPagesStore>(standard.Services.GetRequiredService<IOutputCacheStore>());
    }

    [Fact]
    public async Task A_cached_page_is_served_from_a_file_in_the_instances_folder_which_goes_at_shutdown()
    {
        string folder;
        await using (var factory = new ProfilesAppFactory())
        {
            var researcher = await new ResearcherBuilder("Filed Away").SaveAsync(factory);
            var pages = factory.Services.GetRequiredService<PageFiles>();
            folder = pages.Folder;
            var visitor = factory.CreateVisitor();

            var rendered = await visitor.GetStringAsync(new Uri($"/people/{researcher.Slug}", UriKind.Relative));
            var stored = pages.Count;
            using var cached = await visitor.GetAsync(new Uri($"/people/{researcher.Slug}", UriKind.Relative));

            Assert.True(stored > 0, "the rendered page was not stored");
            Assert.True(Directory.GetFiles(folder).Length > stored, "no file for each stored page");
            Assert.NotNull(cached.Headers.Age);
            Assert.Equal(rendered, await cached.Content.ReadAsStringAsync());
        }
        // Another instance starting meanwhile (the tests run several) may be removing the same folder,
        // once its lock is released, at the same moment: allow that removal a moment to finish.
        for (var waited = 0; Directory.Exists(folder) && waited < 50; waited++)
        {
            await Task.Delay(100);
        }
        Assert.False(Directory.Exists(folder), Directory.Exists(folder) ? "left: " + string.Join(", ", Directory.GetFileSystemEntries(folder)) : "");
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
