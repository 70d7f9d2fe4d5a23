using System.Net;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The owner's choice to offer a CV: the profile's CV link, the CV page, its PDF and the JSON Resume come and go with it.</summary>
public sealed class CvOfferTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private async Task<HttpStatusCode[]> CvStatusesAsync(string slug) =>
    [
        (await _visitor.GetPageAsync($"/people/{slug}/cv")).Status,
        (await _visitor.GetAsync(new Uri($"/people/{slug}/cv.pdf", UriKind.Relative))).StatusCode,
        (await _visitor.GetAsync(new Uri($"/people/{slug}/resume.json", UriKind.Relative))).StatusCode,
    ];

    [Fact]
    public async Task A_profile_offers_its_cv_until_the_owner_says_otherwise_and_again_when_they_change_their_mind()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(CvSamples.FullProfile("Offer Cv"));
        Assert.NotNull((await _visitor.GetPageAsync($"/people/{profile.Slug}")).Document.QuerySelector($".profile-cv a[href='/people/{profile.Slug}/cv']"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], await CvStatusesAsync(profile.Slug));

        using var off = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.OfferCv"] = "false" }, "form.basics-form");

        off.AssertRedirectsTo($"/edit/{profile.Slug}");
        Assert.False((await factory.ResearcherAsync(profile.Id)).OfferCv);
        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.Null(page.Document.QuerySelector(".profile-cv"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("/cv", StringComparison.Ordinal) == true);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], await CvStatusesAsync(profile.Slug));

        using var on = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.OfferCv"] = "true" }, "form.basics-form");

        on.AssertRedirectsTo($"/edit/{profile.Slug}");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], await CvStatusesAsync(profile.Slug));
    }
}
