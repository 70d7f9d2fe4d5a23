using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResearcherProfiles.BrowserTests.Pages;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Startup;
using static Microsoft.Playwright.Assertions;

namespace ResearcherProfiles.BrowserTests;

/// <summary>
/// Adding papers by pasting their identifiers, looked up at the <see cref="FakePaperSources"/> that
/// stand in for doi.org and arXiv, on the demo researcher's profile; each case takes its papers off again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AddByIdentifierTests(BrowserFixture fixture)
{
    private const string Slug = DemoAccounts.ResearcherProfileSlug;

    /// <summary>The three papers written three ways: a doi.org link, a bare DOI and an arXiv id with a version.</summary>
    private const string Pasted = $"""
        https://doi.org/{FakePaperSources.JournalDoi}
        {FakePaperSources.ConferenceDoi}
        arXiv:{FakePaperSources.ArxivId}v2
        """;

    private static readonly string[] Titles = [FakePaperSources.JournalTitle, FakePaperSources.ConferenceTitle, FakePaperSources.ArxivTitle];

    [Fact]
    public async Task Researcher_pastes_three_identifiers_imports_what_was_found_and_visitors_see_the_papers_with_the_owners_name_in_bold()
    {
        try
        {
            await using var context = await fixture.NewContextAsync();
            var page = await context.NewPageAsync();
            await LoginPage.SignInAsync(page, DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword);
            await page.GotoAsync($"/edit/{Slug}/publications");
            var addById = await AddByIdentifierPage.OpenFromAsync(new PublicationsEditorPage(page), page);

            await addById.LookUpAsync(Pasted);

            await Expect(addById.ResultsHeading).ToHaveTextAsync("Found 3 of 3 identifiers");
            await Expect(addById.Found).ToHaveCountAsync(3);
            await Expect(addById.Found.Nth(0)).ToContainTextAsync($"{FakePaperSources.JournalDoi}: “{FakePaperSources.JournalTitle}” (2026)");
            await Expect(addById.Found.Nth(1)).ToContainTextAsync($"{FakePaperSources.ConferenceDoi}: “{FakePaperSources.ConferenceTitle}” (2025)");
            await Expect(addById.Found.Nth(2)).ToContainTextAsync($"arXiv:{FakePaperSources.ArxivId}: “{FakePaperSources.ArxivTitle}” (2026), newest version v3");
            await page.AssertNoAxeViolationsAsync("add by identifier, papers found, light mode");
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await page.AssertNoAxeViolationsAsync("add by identifier, papers found, dark mode");
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

            var import = await addById.PreviewAsync();
            await Expect(import.Entries).ToHaveCountAsync(3);
            foreach (var title in Titles)
            {
                await Expect(import.Entry(title).Locator(".import-state")).ToHaveTextAsync("New");
                await Expect(import.Entry(title).GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
            }
            await Expect(import.Entry(FakePaperSources.ConferenceTitle).Locator("strong.author-self")).ToHaveTextAsync("M. Castellanos");
            await page.AssertNoAxeViolationsAsync("import preview of the papers found by identifier");

            var publications = await import.ImportAsync();
            await Expect(publications.StatusMessage).ToHaveTextAsync("Imported 3 new publications.");

            await using var visitorContext = await fixture.NewContextAsync();
            var visitor = await visitorContext.NewPageAsync();
            await visitor.GotoAsync($"/people/{Slug}/publications");
            ILocator Paper(string title) => visitor.Locator("article.pub", new() { Has = visitor.Locator(".pub-title", new() { HasText = title }) });
            foreach (var title in Titles)
            {
                await Expect(Paper(title)).ToHaveCountAsync(1);
            }
            await Expect(Paper(FakePaperSources.JournalTitle).Locator(".pub-authors")).ToHaveTextAsync("Mira Castellanos and Idris Okonkwo-Lund");
            await Expect(Paper(FakePaperSources.JournalTitle).Locator("strong.author-self")).ToHaveTextAsync("Mira Castellanos");
            await Expect(Paper(FakePaperSources.ConferenceTitle).Locator("strong.author-self")).ToHaveTextAsync("M. Castellanos");
            await Expect(Paper(FakePaperSources.ArxivTitle).Locator(".pub-authors")).ToHaveTextAsync("Mira Castellanos and Rafael de la Vega");
            var owner = Paper(FakePaperSources.ArxivTitle).Locator("strong.author-self");
            await Expect(owner).ToHaveTextAsync("Mira Castellanos");
            Assert.True(
                await owner.EvaluateAsync<int>("e => parseInt(getComputedStyle(e).fontWeight, 10)") >= 600,
                "the profile owner's name should be bold in the author list of a paper added by identifier");
        }
        finally
        {
            await RemoveThePapersAsync();
        }
    }

    [Fact]
    public async Task Without_javascript_the_lookup_the_preview_and_the_import_work_as_plain_forms()
    {
        try
        {
            await using var context = await fixture.NewContextAsync(javaScriptEnabled: false);
            var page = await context.NewPageAsync();
            await LoginPage.SignInAsync(page, DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword);
            await page.GotoAsync($"/edit/{Slug}/publications");
            var addById = await AddByIdentifierPage.OpenFromAsync(new PublicationsEditorPage(page), page);

            await addById.LookUpAsync($"{Pasted}\n10.5555/rp-browser.unknown");

            await Expect(addById.ResultsHeading).ToHaveTextAsync("Found 3 of 4 identifiers");
            await Expect(addById.Results.Filter(new() { HasText = "10.5555/rp-browser.unknown" })).ToContainTextAsync("doi.org does not know the DOI");
            var import = await addById.PreviewAsync();
            await Expect(import.Entries).ToHaveCountAsync(3);
            var publications = await import.ImportAsync();
            await Expect(publications.StatusMessage).ToHaveTextAsync("Imported 3 new publications.");
            foreach (var title in Titles)
            {
                await Expect(publications.Item(title)).ToBeVisibleAsync();
            }
        }
        finally
        {
            await RemoveThePapersAsync();
        }
    }

    /// <summary>Puts the shared demo profile back as the other browser tests expect it.</summary>
    private async Task RemoveThePapersAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        string[] dois = [FakePaperSources.JournalDoi, FakePaperSources.ConferenceDoi];
        await db.Publications.Where(p => dois.Contains(p.Doi!) || p.ArxivId == FakePaperSources.ArxivId).ExecuteDeleteAsync();
        await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageTags.All, default);
    }
}
