using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The Cite block gives a clean citation; the profile's .bib export keeps everything for a backup.</summary>
public sealed class CiteBlockTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static readonly string[] SiteKeys = ["selected", "pubstatus", "pubtype", "award", "abbr", "code"];

    [Fact]
    public async Task The_cite_block_has_no_site_keys_while_the_bib_export_keeps_them()
    {
        var owner = await new ResearcherBuilder("Cita Cleanwell").SaveAsync(factory);
        var paper = await new PublicationBuilder("A Clean Citation of Ranges", owner)
            .Owner()
            .With(p =>
            {
                p.Type = PublicationType.Conference;
                p.Status = PublicationStatus.Accepted;
                p.VenueName = "Conference on Things";
                p.VenueShort = "CoT";
                p.Year = 2023;
                p.Pages = "58--70";
                p.Badges = ["Best Paper Award"];
            })
            .Link(PublicationLinkKind.Code, "https://github.com/example/clean")
            .ShownOn(owner, highlighted: true)
            .SaveAsync(factory);
        var visitor = factory.CreateVisitor();

        var page = await visitor.GetPageAsync($"/publications/{paper.Id}/{PaperSlug.For(paper.Title)}");
        var citation = page.Section("Cite")!.QuerySelector("pre.cite-bibtex code")!.TextContent;
        foreach (var key in SiteKeys)
        {
            Assert.DoesNotContain($"  {key} = ", citation, StringComparison.Ordinal);
        }
        Assert.Contains("pages = {58--70}", citation, StringComparison.Ordinal);

        var export = await visitor.GetStringAsync($"/people/{owner.Slug}/publications.bib");
        // pubtype is written only when the entry type alone would be read back as another type.
        foreach (var key in SiteKeys.Where(k => k != "pubtype"))
        {
            Assert.Contains($"  {key} = ", export, StringComparison.Ordinal);
        }
        Assert.Contains("pages = {58--70}", export, StringComparison.Ordinal);
    }
}
