using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>The publication editor and history pages, in the states people see them in, through the W3C Nu HTML Checker.</summary>
public sealed class EditorHtmlValidityTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task Publication_editor_and_history_pages_are_valid_html()
    {
        var bo = await new ResearcherBuilder("Bo Chen").WithPublication("Bo's own paper", p => p.Owner()).SaveAsync(factory);
        var ada = await new ResearcherBuilder("Ada Moreau")
            .WithPublication("A shared paper", p => p.Owner(equal: true).Author(bo, equal: true).Author("Li Wei", corresponding: true)
                .Link(PublicationLinkKind.Code, "https://example.org/code").ShownOn(bo), highlighted: true)
            .WithPublication("A hidden paper", p => p.Owner(), visible: false)
            .SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(ada.Id);
        var client = await factory.SignInAsync(user.Email!);
        var publicationId = await factory.QueryAsync(db => db.Publications.Where(p => p.Title == "A shared paper").Select(p => p.Id).SingleAsync());
        var bosPaper = await factory.QueryAsync(db => db.Publications.Where(p => p.Title == "Bo's own paper").Select(p => p.Id).SingleAsync());
        await factory.QueryAsync(async db =>
        {
            // Bo's paper is listed on Ada's profile without Ada among its authors (read-only for her), and suggested to her.
            db.ProfilePublications.Add(new ProfilePublication { ResearcherId = ada.Id, PublicationId = bosPaper, SortOrder = 5 });
            db.PublicationSuggestions.Add(new PublicationSuggestion { ResearcherId = ada.Id, PublicationId = publicationId, SuggestedByResearcherId = bo.Id, SuggestedByUserName = "bo@example.org", CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        using (var edit = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/{publicationId}", new Dictionary<string, string> { ["Input.VenueShort"] = "ICLR" }))
        {
            edit.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        }

        var pages = new List<string>
        {
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/publications", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/publications/new", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/publications/{publicationId}", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/history", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/history?type=Publication&id={publicationId}", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/publications/suggested", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/publications/{bosPaper}", UriKind.Relative)),
        };
        using (var invalid = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Year"] = "1800",
            ["Input.Links[0].Url"] = "ftp://example.org",
        }))
        {
            pages.Add(await invalid.Content.ReadAsStringAsync());
        }

        var problems = await HtmlChecker.ErrorsAsync(pages.Select((html, i) => (html, i)).ToDictionary(p => $"page {p.i + 1}", p => p.html));
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}
