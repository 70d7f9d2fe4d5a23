using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// The import fills the fields a researcher used to fix by hand afterwards, shows each of them in
/// the preview, and takes abstracts as summaries only when asked — through the real forms.
/// </summary>
public sealed class ImportFieldMappingTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static string Entry(string surname, string title) => $$"""
        @inproceedings{k{{surname}},
          title = {{{title}}},
          author = {Noor {{surname}}},
          booktitle = {International Conference on Learning Representations (ICLR)},
          year = {2022},
          tldr = {A faster way to train.},
          abstract = {The whole abstract, which is long. It has a second sentence.},
          note = {Spotlight; Best Paper Award},
          url = {https://openreview.net/forum?id=x{{surname}}},
          html = {https://example.org/{{surname}}},
          volume = {12}, number = {3}, pages = {58--70}, publisher = {OpenReview}
        }
        @article{s{{surname}},
          title = {{{title}} Second},
          author = {Noor {{surname}}},
          journal = {Journal of Things},
          year = {2021},
          abstract = {First sentence of the abstract. Second sentence.}
        }
        """;

    private async Task<(Researcher Profile, HttpClient Client, string Surname)> OwnerAsync()
    {
        var surname = "Okafor" + TestNames.Unique();
        var (profile, client) = await factory.OwnedProfileAsync(new ResearcherBuilder($"Noor {surname}"));
        return (profile, client, surname);
    }

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, string slug, string bibtex, bool abstractsAsSummaries)
    {
        var values = new Dictionary<string, string> { ["Bibtex"] = bibtex };
        if (abstractsAsSummaries)
        {
            values["AbstractsAsSummaries"] = "true";
        }
        using var response = await client.SubmitFormAsync($"/edit/{slug}/publications/import", values, "form.import-source");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    private static Dictionary<string, string> Fields(IHtmlDocument preview, int index)
    {
        var list = preview.QuerySelector($"#entry-{index} .import-fields")!;
        return list.QuerySelectorAll("dt").ToDictionary(dt => dt.CleanText(), dt => dt.NextElementSibling!.CleanText());
    }

    private Task<List<Publication>> ListedOnAsync(int researcherId) => factory.ReadAsync(db => db.Publications
        .Include(p => p.Links)
        .Where(p => p.Profiles.Any(pp => pp.ResearcherId == researcherId))
        .OrderBy(p => p.Title)
        .ToListAsync());

    [Fact]
    public async Task The_preview_shows_every_mapped_field_and_the_import_saves_them()
    {
        var (profile, client, surname) = await OwnerAsync();
        var title = "Mapped Fields " + TestNames.Unique();
        var preview = await PreviewAsync(client, profile.Slug, Entry(surname, title), abstractsAsSummaries: false);

        var fields = Fields(preview, 0);
        Assert.Equal("A faster way to train.", fields["Summary"]);
        Assert.Equal("Spotlight, Best Paper Award", fields["Badges"]);
        Assert.Contains("OpenReview: https://openreview.net/forum?id=x" + surname, fields["Links"], StringComparison.Ordinal);
        Assert.Contains("Project page: https://example.org/" + surname, fields["Links"], StringComparison.Ordinal);
        Assert.Equal("ICLR", fields["Short venue"]);
        Assert.Equal(("12", "3", "OpenReview"), (fields["Volume"], fields["Issue / number"], fields["Publisher"]));
        Assert.Equal("58–70", fields["Pages"]);
        Assert.False(fields.ContainsKey("Note"));
        Assert.NotNull(preview.QuerySelector("#entry-0 details.import-abstract"));
        Assert.Equal("None", Fields(preview, 1)["Summary"]);

        var form = (IHtmlFormElement)preview.QuerySelector("form.import-form")!;
        (await client.SubmitAsync(form, $"/edit/{profile.Slug}/publications/import", new Dictionary<string, string>())).Dispose();

        var saved = await ListedOnAsync(profile.Id);
        Assert.Equal(2, saved.Count);
        var paper = saved[0];
        Assert.Equal(("A faster way to train.", "ICLR", "International Conference on Learning Representations"), (paper.Summary, paper.VenueShort, paper.VenueName));
        Assert.Equal(["Spotlight", "Best Paper Award"], paper.Badges);
        Assert.Null(paper.Note);
        Assert.Null(paper.Url);
        Assert.Equal([(PublicationLinkKind.Other, "OpenReview"), (PublicationLinkKind.ProjectPage, null)],
            paper.Links.OrderBy(l => l.SortOrder).Select(l => (l.Kind, l.Label)));
        Assert.Null(saved[1].Summary);
    }

    [Fact]
    public async Task Ticking_abstracts_as_summaries_fills_the_summary_of_entries_without_one()
    {
        var (profile, client, surname) = await OwnerAsync();
        var title = "Abstract Summaries " + TestNames.Unique();
        var preview = await PreviewAsync(client, profile.Slug, Entry(surname, title), abstractsAsSummaries: true);

        Assert.Equal("First sentence of the abstract. Second sentence.", Fields(preview, 1)["Summary"]);
        Assert.Equal("A faster way to train.", Fields(preview, 0)["Summary"]);
        var form = (IHtmlFormElement)preview.QuerySelector("form.import-form")!;
        (await client.SubmitAsync(form, $"/edit/{profile.Slug}/publications/import", new Dictionary<string, string>())).Dispose();

        var saved = await ListedOnAsync(profile.Id);
        Assert.Equal(["A faster way to train.", "First sentence of the abstract. Second sentence."], saved.Select(p => p.Summary));
    }
}
