using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>The output cache gathers responses in small buffers, not 80 KB ones.</summary>
public sealed class OutputCacheSegmentsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task The_site_sets_the_output_cache_buffers_small_and_cached_pages_come_back_whole()
    {
        var about = string.Join("\n\n", Enumerable.Range(1, 200).Select(i => $"Paragraph {i} of a long biography, long enough that the page spans several buffers."));
        var researcher = await new ResearcherBuilder("Small Buffers").With(r => r.AboutMarkdown = about).SaveAsync(factory);
        using var visitor = factory.CreateVisitor();

        var first = await visitor.GetStringAsync($"/people/{researcher.Slug}");
        var cached = await visitor.GetStringAsync($"/people/{researcher.Slug}");

        // The setting exists in this ASP.NET Core and the site has set it.
        Assert.Equal(OutputCacheSegments.Bytes, OutputCacheSegments.Current);
        Assert.True(first.Length > 2 * OutputCacheSegments.Bytes, $"The page is {first.Length} characters: too short to span buffers.");
        Assert.Equal(first, cached);
        Assert.EndsWith("</html>", cached.TrimEnd(), StringComparison.Ordinal);
    }
}
