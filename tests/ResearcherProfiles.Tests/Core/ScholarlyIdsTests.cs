using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Core;

public sealed class ScholarlyIdsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Theory]
    [InlineData("10.1145/3292500.3330701", "10.1145/3292500.3330701")]
    [InlineData("  DOI:10.1145/ABC ", "10.1145/abc")]
    [InlineData("https://doi.org/10.18653/v1/2023.acl-long.1", "10.18653/v1/2023.acl-long.1")]
    [InlineData("http://dx.doi.org/10.1000/XYZ", "10.1000/xyz")]
    [InlineData("10.1/too-short-prefix", null)]
    [InlineData("https://example.org/10.1000/x", null)]
    [InlineData("", null)]
    public void Dois_are_recognised_and_lowercased(string text, string? expected)
    {
        Assert.Equal(expected, ScholarlyIds.NormalizeDoi(text));
    }

    [Theory]
    [InlineData("2403.16952", "2403.16952")]
    [InlineData("arXiv:2403.16952v2", "2403.16952")]
    [InlineData("https://arxiv.org/abs/1706.03762v7", "1706.03762")]
    [InlineData("cs/0112017", "cs/0112017")]
    [InlineData("math.GT/0309136v1", "math.GT/0309136")]
    [InlineData("2403.169", null)]
    [InlineData("arXiv preprint", null)]
    public void Arxiv_ids_lose_prefixes_and_versions(string text, string? expected)
    {
        Assert.Equal(expected, ScholarlyIds.NormalizeArxivId(text));
    }

    [Theory]
    [InlineData("Attention Is All You Need", "attention is all you need")]
    [InlineData("  Attention—is all, you need!  ", "attention is all you need")]
    [InlineData("Über die Möglichkeit", "uber die moglichkeit")]
    [InlineData("GPT-4 Technical Report", "gpt 4 technical report")]
    [InlineData("?!", "")]
    [InlineData(null, "")]
    public void Title_keys_keep_only_words(string? title, string expected)
    {
        Assert.Equal(expected, ScholarlyIds.TitleKey(title));
    }

    [Fact]
    public async Task Publications_saved_before_title_keys_get_them_at_start_up()
    {
        var researcher = await new ResearcherBuilder("Kai Backfill")
            .WithPublication("Ünïcode Títle, Backfilled", p => p.Owner())
            .SaveAsync(factory);
        var id = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == researcher.Id).Select(pp => pp.PublicationId).SingleAsync());
        await factory.ReadAsync(db => db.Publications.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.TitleKey, (string?)null)));

        var filled = await factory.ReadAsync(db => TitleKeyBackfill.RunAsync(db));

        Assert.True(filled >= 1);
        Assert.Equal("unicode title backfilled", await factory.ReadAsync(db => db.Publications.Where(p => p.Id == id).Select(p => p.TitleKey).SingleAsync()));
        Assert.Equal(0, await factory.ReadAsync(db => TitleKeyBackfill.RunAsync(db)));
    }
}
