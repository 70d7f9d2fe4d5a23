using System.Net;
using ResearcherProfiles.Tests.Core.Bibtex;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>A small file whose @string macros would expand to millions of characters, through the import preview.</summary>
public sealed class BibtexMacroImportTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task The_preview_refuses_the_entry_whose_macros_expand_too_far_and_shows_the_others()
    {
        var (profile, client) = await factory.OwnedProfileAsync(new ResearcherBuilder("Mira Macroexpansion"));
        var bibtex = BibtexMacroExpansionTests.DoublingMacros(19)
            + "@article{bomb,\n  title = m19 # m19,\n  year = 2020\n}\n"
            + "@article{fine, title = {A Paper That Fits}, author = {Mira Macroexpansion}, journal = {J}, year = 2021}\n";
        Assert.True(bibtex.Length < 1000);

        using var response = await client.SubmitFormAsync($"/edit/{profile.Slug}/publications/import",
            new Dictionary<string, string> { ["Bibtex"] = bibtex }, "form.import-source");
        var preview = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = preview.QuerySelectorAll(".import-entry .field-error").Select(e => e.CleanText()).ToList();
        var error = Assert.Single(errors);
        Assert.StartsWith("Line 22:", error, StringComparison.Ordinal);
        Assert.Contains("expands to more than 100,000 characters through @string macros", error, StringComparison.Ordinal);
        Assert.Equal(["Error", "New"], preview.QuerySelectorAll(".import-state").Select(s => s.CleanText()).Order());
        Assert.True(preview.DocumentElement.OuterHtml.Length < 200_000, "the page does not carry the expansion");
    }
}
