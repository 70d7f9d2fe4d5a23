using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>A news item nested 128 levels deep, saved before saving refused it: every page that shows it still works.</summary>
public sealed class DeepMarkdownTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static readonly string DeepQuote = new string('>', 128) + " x";

    [Fact]
    public async Task A_deeply_nested_stored_text_renders_the_profile_the_news_editor_and_the_preview()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Deep Quote")
            .WithNews("2024-01", DeepQuote)
            .With(r => r.AboutMarkdown = DeepQuote));
        var newsId = await factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id).Select(n => n.Id).SingleAsync());

        var publicPage = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.Contains(DeepQuote, publicPage.BodyText, StringComparison.Ordinal);

        var editor = await owner.GetPageAsync($"/edit/{profile.Slug}/news");
        Assert.Equal(HttpStatusCode.OK, editor.Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetPageAsync($"/edit/{profile.Slug}/news/{newsId}")).Status);

        using var preview = await owner.SubmitToAsync($"/edit/{profile.Slug}/news/{newsId}", $"/edit/{profile.Slug}/news/{newsId}?handler=Preview",
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = await preview.ReadDocumentAsync();
        Assert.Contains(DeepQuote, previewPage.QuerySelector(".editor-preview")!.TextContent, StringComparison.Ordinal);

        using var aboutPreview = await owner.SubmitToAsync($"/edit/{profile.Slug}", $"/edit/{profile.Slug}?handler=Preview",
            new Dictionary<string, string>(), "form.basics-form");
        Assert.Equal(HttpStatusCode.OK, aboutPreview.StatusCode);
    }
}
