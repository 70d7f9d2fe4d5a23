using System.Globalization;
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
public sealed class EditingTests(BrowserFixture fixture)
{
    private const string Slug = DemoAccounts.ResearcherProfileSlug;
    private const string OwnerName = "Mira Castellanos";

    [Fact]
    public async Task Researcher_edits_their_profile_and_an_anonymous_visitor_sees_every_change()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var headline = $"Associate Professor of Robust Learning ({marker})";
        var newsText = $"Our workshop on robust evaluation ({marker}) was accepted.";
        var newsMarkdown = $"Our workshop on **robust evaluation** ({marker}) was accepted.";
        var title = $"Equal Shares in Author Lists ({marker})";
        const string venue = "Conference on Browser Testing";
        var year = DateTime.UtcNow.Year;
        var original = await ProfileFieldsAsync();

        // The visitor opens the profile first, so the anonymous page is in the output cache
        // and the editor's saves must evict it for the changes to show.
        await using var visitorContext = await fixture.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        var profile = await ProfilePage.OpenAsync(visitor, Slug);
        await Expect(profile.Name).ToContainTextAsync(OwnerName);
        await Expect(profile.Headline).Not.ToContainTextAsync(marker);
        await Expect(profile.Photo).ToHaveCountAsync(original.PhotoPath is null ? 0 : 1);

        try
        {
            await using var editorContext = await fixture.NewContextAsync();
            var page = await editorContext.NewPageAsync();
            await LoginPage.SignInAsync(page, DemoAccounts.ResearcherEmail, DemoAccounts.ResearcherPassword);
            await page.GetByRole(AriaRole.Link, new() { Name = "Edit your profile" }).ClickAsync();

            var basics = new BasicsEditorPage(page);
            await Expect(basics.Heading).ToHaveTextAsync("Basics");
            await basics.Headline.FillAsync(headline);
            await basics.SaveAsync();
            await Expect(basics.Headline).ToHaveValueAsync(headline);

            await basics.OpenSectionAsync("News");
            var news = new NewsEditorPage(page);
            await news.AddAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), newsMarkdown);
            await Expect(news.Items.Filter(new() { HasText = marker })).ToHaveCountAsync(1);

            await news.OpenSectionAsync("Publications");
            var form = await new PublicationsEditorPage(page).AddAsync();
            await form.Title.FillAsync(title);
            await form.Venue.FillAsync(venue);
            await form.Year.FillAsync(year.ToString(CultureInfo.InvariantCulture));
            do
            {
                await form.AddAuthorRowAsync();
            }
            while (await form.AuthorRows.CountAsync() < 3);
            // The row buttons submit the form: what was typed must come back with the new row.
            await Expect(form.Title).ToHaveValueAsync(title);
            await form.AuthorName(0).FillAsync(OwnerName);
            if (await form.AuthorResearcher(0).CountAsync() > 0)
            {
                await form.AuthorResearcher(0).SelectOptionAsync(new SelectOptionValue { Label = OwnerName });
            }
            await form.AuthorName(1).FillAsync("Jonas Feld");
            await form.EqualContribution(1).CheckAsync();
            await form.AuthorName(2).FillAsync("Priya Raman");
            var publications = await form.SaveAsync();
            await Expect(publications.StatusMessage).ToContainTextAsync(title);
            await publications.HighlightAsync(title);

            await publications.OpenSectionAsync("Photo");
            var photo = new PhotoEditorPage(page);
            await photo.UploadAsync("portrait.png", "image/png", TestImages.Png(48, 48));
            await Expect(photo.CurrentPhoto).ToBeVisibleAsync();

            await visitor.ReloadAsync();
            await Expect(profile.Headline).ToHaveTextAsync(headline);

            var newsSection = profile.Section("News");
            await Expect(newsSection.GetByRole(AriaRole.Listitem).Filter(new() { HasText = newsText }).First).ToBeVisibleAsync();
            await Expect(newsSection.Locator("strong", new() { HasText = "robust evaluation" })).ToHaveCountAsync(1);

            var selected = profile.Section("Selected publications");
            var paper = profile.Publication(title);
            await Expect(paper).ToBeVisibleAsync();
            await Expect(paper).ToContainTextAsync(venue);
            await Expect(paper.Locator(".author")).ToHaveTextAsync([OwnerName, "Jonas Feld*", "Priya Raman"]);
            await Expect(paper.Locator(".pub-authors")).ToHaveTextAsync($"{OwnerName}, Jonas Feld*, and Priya Raman");
            await Expect(paper.Locator("sup")).ToHaveTextAsync("*");
            await Expect(selected.Locator(".legend")).ToContainTextAsync("*: Equal contribution");
            var owner = paper.Locator("strong");
            await Expect(owner).ToHaveTextAsync(OwnerName);
            Assert.True(
                await owner.EvaluateAsync<int>("e => parseInt(getComputedStyle(e).fontWeight, 10)") >= 600,
                "the profile owner's name should be bold in the author list");

            await Expect(profile.Photo).ToHaveAttributeAsync("alt", $"Photo of {OwnerName}");
            await Expect(profile.Photo).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await profile.Photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the uploaded photo should load");
        }
        finally
        {
            await RestoreAsync(original, marker, title);
        }
    }

    private sealed record ProfileFields(string? Headline, string? PhotoPath);

    private async Task<ProfileFields> ProfileFieldsAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Researchers.Where(r => r.Slug == Slug).Select(r => new ProfileFields(r.Headline, r.PhotoPath)).SingleAsync();
    }

    /// <summary>
    /// Puts the demo profile back as it was: the other browser tests share the app and count its
    /// news items and publications. Done in the database so that it happens even after a failure.
    /// </summary>
    private async Task RestoreAsync(ProfileFields original, string marker, string title)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.News.Where(n => n.BodyMarkdown.Contains(marker)).ExecuteDeleteAsync();
        await db.Publications.Where(p => p.Title == title).ExecuteDeleteAsync();
        await db.Researchers.Where(r => r.Slug == Slug).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Headline, original.Headline)
            .SetProperty(r => r.PhotoPath, original.PhotoPath));
        await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageTags.All, default);
    }
}
