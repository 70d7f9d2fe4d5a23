using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.BrowserTests;

/// <summary>
/// Long addresses and words, as owners paste them, never make a phone page wider than the screen;
/// headings inside rendered Markdown look different at every level.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MarkdownStructureTests(BrowserFixture fixture)
{
    /// <summary>The narrowest common phone screen.</summary>
    private static readonly Viewport NarrowPhone = new("narrow phone", 375, 812, IsMobile: true);

    private static readonly string LongUrl = "https://data.example.org/" + string.Concat(Enumerable.Repeat("long-path-segment-", 9)) + "end";

    /// <summary>96 letters without a break: longer than a phone is wide, within every field's limit (labels take 100).</summary>
    private static readonly string LongWord = string.Concat(Enumerable.Repeat("Pneumono", 12));

    [Fact]
    public async Task Long_addresses_and_words_wrap_on_a_phone_instead_of_widening_the_page()
    {
        Assert.True(LongUrl.Length >= 180, $"{LongUrl.Length} characters");
        Assert.Equal(96, LongWord.Length);
        var (slug, paperPath) = await SeedAsync();
        try
        {
            await using var context = await fixture.NewContextAsync(viewport: NarrowPhone);
            var page = await context.NewPageAsync();
            foreach (var path in new[] { $"/people/{slug}", $"/people/{slug}/publications", paperPath })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response?.Status);
                await Assertions.Expect(page.GetByText(LongWord).First).ToBeAttachedAsync();
                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(width <= NarrowPhone.Width, $"{path} is {width} px wide on a {NarrowPhone.Width} px screen");
            }

            await page.GotoAsync($"/people/{slug}");
            // The code block wraps its long line within the screen, and so does the table.
            Assert.True(await page.EvaluateAsync<bool>("() => { const pre = document.querySelector('.prose pre'); return pre.scrollWidth <= pre.clientWidth && pre.getBoundingClientRect().right <= window.innerWidth; }"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.prose table').getBoundingClientRect().right <= window.innerWidth"));
            await page.AssertNoAxeViolationsAsync("a profile of long addresses and words, narrow phone");
        }
        finally
        {
            await RemoveAsync(slug);
        }
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Markdown_headings_differ_at_every_level_and_stay_below_the_section_title(ColorScheme scheme)
    {
        var (slug, _) = await SeedAsync();
        try
        {
            await using var context = await fixture.NewContextAsync(scheme);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/people/{slug}");

            var looks = await page.EvaluateAsync<string[]>("""
                () => Array.from(document.querySelectorAll("section[aria-labelledby='about-heading'] :is(h3, h4, h5, h6)"))
                    .map(h => { const s = getComputedStyle(h); return [h.localName, s.fontSize, s.fontWeight, s.fontStyle, s.color].join(" "); })
                """);
            Assert.Equal(["h3", "h4", "h5", "h6"], looks.Select(l => l.Split(' ')[0]));
            // Each level looks different from the next one: size, weight, style or colour.
            Assert.Equal(looks.Length, looks.Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Distinct().Count());
            // No Markdown heading is larger than the page's body text.
            var bodySize = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
            var sizes = await page.EvaluateAsync<double[]>("""
                () => Array.from(document.querySelectorAll("section[aria-labelledby='about-heading'] :is(h3, h4, h5, h6)"))
                    .map(h => parseFloat(getComputedStyle(h).fontSize))
                """);
            Assert.All(sizes, size => Assert.True(size <= bodySize, $"{size} px against {bodySize} px body text"));
            Assert.Equal(sizes.OrderDescending(), sizes);
            // The section's own title stays above them all.
            var titleSize = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('#about-heading')).fontSize)");
            Assert.All(sizes, size => Assert.True(size < titleSize, $"{size} px against the section title's {titleSize} px"));
            await page.AssertNoAxeViolationsAsync($"{scheme} mode, Markdown headings of every level");
        }
        finally
        {
            await RemoveAsync(slug);
        }
    }

    /// <summary>A profile whose every user-written field holds a long address or word; published only while the test runs.</summary>
    private async Task<(string Slug, string PaperPath)> SeedAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var slug = $"wanda-wrap-{Guid.NewGuid().ToString("N")[..8]}";
        var researcher = new Researcher
        {
            Slug = slug,
            DisplayName = $"Wanda {LongWord}",
            GivenName = "Wanda",
            FamilyName = LongWord,
            Headline = $"Researcher of {LongWord}",
            Affiliation = LongWord,
            Website = LongUrl,
            Interests = [LongWord],
            PublicationsNote = $"Full list at {LongUrl}",
            AboutMarkdown = $"""
                # Research

                I keep my data at {LongUrl} and [here]({LongUrl}), and I study {LongWord}.

                ## Methods

                ```
                {LongUrl} {LongUrl}
                ```

                ### Results

                | {LongWord} | {LongWord} | {LongWord} | {LongWord} |
                |---|---|---|---|
                | {LongUrl} | {LongUrl} | {LongUrl} | {LongUrl} |

                #### Details

                `{LongWord}{LongWord}`
                """,
        };
        researcher.Links.Add(new ProfileLink { Kind = ProfileLinkKind.Blog, Label = LongWord, Url = LongUrl });
        researcher.News.Add(new NewsItem { Date = new PartialDate(2025, 5), BodyMarkdown = $"New data at {LongUrl} on {LongWord}." });
        researcher.Projects.Add(new Project
        {
            Title = $"Project {LongWord}",
            Summary = $"About {LongWord}.",
            NarrativeMarkdown = $"## Plan\n\nSee {LongUrl}.",
            Links = [new ProjectLink { Label = LongWord, Url = LongUrl }],
        });
        var paper = new Publication { Title = $"On {LongWord} at {LongUrl}", Year = 2025, VenueName = LongWord, Url = LongUrl, Abstract = $"Data at {LongUrl}; see {LongWord}." };
        paper.Authors.Add(new PublicationAuthor { Name = $"Wanda {LongWord}", Position = 0 });
        paper.Links.Add(new PublicationLink { Kind = PublicationLinkKind.Code, Label = LongWord, Url = LongUrl });
        researcher.Publications.Add(new ProfilePublication { Publication = paper, IsHighlighted = true });
        db.Researchers.Add(researcher);
        await db.SaveChangesAsync();
        return (slug, $"/publications/{paper.Id}/x");
    }

    /// <summary>Takes the profile off the site again, so that the browsing tests count the demo site's directory as it was.</summary>
    private async Task RemoveAsync(string slug)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var researcher = await db.Researchers.Include(r => r.Publications).ThenInclude(p => p.Publication).SingleAsync(r => r.Slug == slug);
        db.Publications.RemoveRange(researcher.Publications.Select(p => p.Publication!));
        db.Researchers.Remove(researcher);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ResearcherProfiles.Web.Startup.PublicPageTags.All, default);
    }
}
