using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Startup;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserFixture fixture)
{
    private const string Slug = DemoAccounts.ResearcherProfileSlug;

    [Fact]
    public async Task Researcher_pastes_bibtex_previews_it_imports_it_and_visitors_see_the_papers_with_the_owners_name_in_bold()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var selectedTitle = $"Robust Evaluation under Shift {marker}";
        var otherTitle = $"Calibrated Ensembles {marker}";
        var bibtex = $$$"""
            @inproceedings{castellanos2025robust,
              title     = {{Robust} Evaluation under Shift {{{marker}}}},
              author    = {Castellanos, M. and M{\"u}ller, Jonas* and Ortega, Ana},
              booktitle = {International Conference on Machine Learning},
              abbr      = {ICML},
              year      = {2025},
              selected  = {true},
              code      = {https://github.com/example/robust-eval},
            }

            @article{castellanos2024calibrated,
              title   = {Calibrated Ensembles {{{marker}}}},
              author  = {Priya Raman and Mira Castellanos},
              journal = {Transactions on Machine Learning Research},
              year    = 2024,
            }
            """;

        try
        {
            await using var editorContext = await fixture.NewContextAsync();
            var page = await editorContext.NewPageAsync();
            await LoginPage.SignInAsync(page, DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword);
            await page.GotoAsync($"/edit/{Slug}/publications");
            var import = await BibtexImportPage.OpenFromAsync(new PublicationsEditorPage(page), page);

            await import.PreviewAsync(bibtex);
            await Expect(import.Entries).ToHaveCountAsync(2);
            await Expect(import.Entry(selectedTitle).Locator(".import-state")).ToHaveTextAsync("New");
            await Expect(import.Entry(selectedTitle).Locator("strong.author-self")).ToHaveTextAsync("M. Castellanos");
            await Expect(import.Entry(selectedTitle).Locator(".pub-authors")).ToHaveTextAsync("M. Castellanos, Jonas Müller*, and Ana Ortega");
            await Expect(import.Entry(otherTitle).GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
            await page.AssertNoAxeViolationsAsync("BibTeX import preview, light mode");
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await page.AssertNoAxeViolationsAsync("BibTeX import preview, dark mode");

            var publications = await import.ImportAsync();
            await Expect(publications.StatusMessage).ToHaveTextAsync("Imported 2 new publications.");
            await Expect(publications.Item(selectedTitle)).ToBeVisibleAsync();

            await using var visitorContext = await fixture.NewContextAsync();
            var visitor = await visitorContext.NewPageAsync();
            await visitor.GotoAsync($"/people/{Slug}/publications");
            // The full list marks the selected paper "★ Selected:", so papers are found by their title text.
            ILocator Paper(string title) => visitor.Locator("article.pub", new() { Has = visitor.Locator(".pub-title", new() { HasText = title }) });
            var robust = Paper(selectedTitle);
            await Expect(robust).ToContainTextAsync("ICML");
            await Expect(robust.Locator(".pub-authors")).ToHaveTextAsync("M. Castellanos, Jonas Müller*, and Ana Ortega");
            var owner = robust.Locator("strong.author-self");
            await Expect(owner).ToHaveTextAsync("M. Castellanos");
            Assert.True(
                await owner.EvaluateAsync<int>("e => parseInt(getComputedStyle(e).fontWeight, 10)") >= 600,
                "the profile owner's name should be bold in an imported author list");
            await Expect(Paper(otherTitle).Locator("strong.author-self")).ToHaveTextAsync("Mira Castellanos");

            // The entry marked selected is on the front page too.
            var profile = await ProfilePage.OpenAsync(visitor, Slug);
            await Expect(profile.Publication(selectedTitle)).ToBeVisibleAsync();
            await Expect(profile.Publication(otherTitle)).ToHaveCountAsync(0);
        }
        finally
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Publications.Where(p => p.Title.Contains(marker)).ExecuteDeleteAsync();
            await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageTags.All, default);
        }
    }
}
