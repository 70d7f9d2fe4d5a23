using System.Net;
using AngleSharp.Html.Parser;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>The live preview's endpoint, /edit/{slug}/preview: the public page's rendering, for the profile's editors only.</summary>
public sealed class LivePreviewTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static Task<HttpResponseMessage> PreviewAsync(HttpClient client, string slug, string field, string text, string? token) =>
        client.PostAsync($"/edit/{slug}/preview", new Dictionary<string, string> { ["field"] = field, ["text"] = text }, token);

    [Fact]
    public async Task The_about_preview_is_the_html_the_public_page_shows()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Petra Preview"));
        const string about = "## Research\n\nI study **retrieval** and [search](https://example.org/search).\n\n1. One\n2. Two";
        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.AboutMarkdown"] = about }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");
        var token = await owner.TokenFromAsync($"/edit/{profile.Slug}");

        using var response = await PreviewAsync(owner, profile.Slug, "about", about, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadAsStringAsync()).Trim();
        Assert.Contains("<h3", preview, StringComparison.Ordinal);
        Assert.Contains(preview, await owner.GetStringAsync(new Uri($"/people/{profile.Slug}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("news", 3)]
    [InlineData("publications-note", 3)]
    [InlineData("project-narrative", 2)]
    [InlineData("position-description", 4)]
    public async Task Each_markdown_field_previews_at_its_public_heading_level(string field, int level)
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Hana Headings"));
        var token = await owner.TokenFromAsync($"/edit/{profile.Slug}");
        const string text = "# Heading\n\nA *short* paragraph.";

        using var response = await PreviewAsync(owner, profile.Slug, field, text, token);

        Assert.Equal(MarkdownRenderer.ToHtml(text, level).Trim(), (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Raw_html_and_javascript_links_are_not_rendered()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Sam Safety"));
        var token = await owner.TokenFromAsync($"/edit/{profile.Slug}/news");

        using var response = await PreviewAsync(owner, profile.Slug, "news",
            "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> ![y](data:image/png;base64,AAAA) <a href=\"javascript:alert(2)\">z</a>", token);

        var fragment = new HtmlParser().ParseDocument($"<body>{await response.Content.ReadAsStringAsync()}</body>");
        Assert.Empty(fragment.QuerySelectorAll("script, img, iframe, [onerror], [onclick]"));
        Assert.All(fragment.QuerySelectorAll("a[href]"), a => Assert.DoesNotContain("javascript:", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>", fragment.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_researcher_is_refused_and_an_unknown_profile_is_not_found()
    {
        var (profile, _) = await factory.OwnedProfileAsync(new ResearcherBuilder("Olga Owner"));
        var (other, intruder) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ian Intruder"));
        var token = await intruder.TokenFromAsync($"/edit/{other.Slug}");

        using var forbidden = await PreviewAsync(intruder, profile.Slug, "about", "**text**", token);
        using var missing = await PreviewAsync(intruder, "no-such-profile", "about", "**text**", token);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_administrator_may_preview_any_profile_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var (profile, _) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ada Administered"));
        var admin = await factory.SignedInAdminAsync();
        var token = await admin.TokenFromAsync($"/edit/{profile.Slug}");

        using var allowed = await PreviewAsync(admin, profile.Slug, "about", "**text**", token);
        using var anonymous = await PreviewAsync(factory.CreateVisitor(), profile.Slug, "about", "**text**", token: null);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("<strong>text</strong>", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Tom Token"));

        using var response = await PreviewAsync(owner, profile.Slug, "about", "**text**", token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Text_over_the_fields_limit_gets_a_message_instead_of_a_preview()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Lena Long"));
        var token = await owner.TokenFromAsync($"/edit/{profile.Slug}/news");

        using var response = await PreviewAsync(owner, profile.Slug, "news", new string('a', 2001), token);
        using var huge = await PreviewAsync(owner, profile.Slug, "about", new string('b', 1_000_000), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(".preview-problem")!.TextContent;
        Assert.Contains("2,001 characters", message, StringComparison.Ordinal);
        Assert.Contains("at most 2,000", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
        Assert.Contains("at most 20,000", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_nested_too_deep_gets_the_saves_message_and_an_unknown_field_is_not_found()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Nina Nested"));
        var token = await owner.TokenFromAsync($"/edit/{profile.Slug}");

        using var nested = await PreviewAsync(owner, profile.Slug, "about", new string('>', 40) + " deep", token);
        using var unknown = await PreviewAsync(owner, profile.Slug, "headline", "**text**", token);
        using var missing = await owner.PostAsync($"/edit/{profile.Slug}/preview", [], token);

        Assert.Contains("levels are allowed", await nested.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Every_markdown_field_in_the_editor_asks_for_a_live_preview_at_this_profiles_address()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Mark Markup"));
        var expected = new Dictionary<string, string[]>
        {
            [""] = ["Input_PublicationsNote:publications-note", "Input_AboutMarkdown:about"],
            ["/news"] = ["Input_BodyMarkdown:news"],
            ["/projects"] = ["Input_NarrativeMarkdown:project-narrative"],
            ["/positions"] = ["Input_DescriptionMarkdown:position-description"],
        };
        foreach (var (path, fields) in expected)
        {
            var document = await owner.GetDocumentAsync($"/edit/{profile.Slug}{path}");
            var found = document.QuerySelectorAll("[data-markdown-preview]").ToList();
            Assert.Equal(fields, found.Select(e => $"{e.Id}:{e.GetAttribute("data-markdown-preview")}"));
            Assert.All(found, e => Assert.Equal($"/edit/{profile.Slug}/preview", e.GetAttribute("data-preview-url")));
        }
    }
}
