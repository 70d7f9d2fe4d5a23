using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>Every editor page, also with errors, a conflict and a preview showing, through the W3C Nu HTML Checker (vnu.jar).</summary>
public sealed class EditorHtmlValidityTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task Every_editor_page_is_valid_html_in_every_state()
    {
        var builder = SectionSpecs.All.Values.Aggregate(new ResearcherBuilder("Valid Markup"), (b, spec) => spec.Seed(b, "Item <one> & “two”"));
        var (profile, owner) = await factory.OwnedProfileAsync(SectionSpecs.All.Values.Aggregate(builder, (b, spec) => spec.Seed(b, "Second item")));
        var pages = new Dictionary<string, string>();
        async Task AddAsync(string name, Task<HttpResponseMessage> response)
        {
            using var r = await response;
            pages[name] = await r.Content.ReadAsStringAsync();
        }

        var home = $"/edit/{profile.Slug}";
        await AddAsync(home, owner.GetAsync(new Uri(home, UriKind.Relative)));
        await AddAsync($"{home} with errors", owner.SubmitFormAsync(home, new Dictionary<string, string> { ["Input.Slug"] = "Not A Slug", ["Input.DisplayName"] = "" }, "form.basics-form"));
        await AddAsync($"{home} preview", owner.SubmitToAsync(home, $"{home}?handler=Preview", new Dictionary<string, string> { ["Input.AboutMarkdown"] = "# Hi\n\n[x](https://example.org)" }, "form.basics-form"));
        await AddAsync($"{home}/photo", owner.GetAsync(new Uri($"{home}/photo", UriKind.Relative)));
        await AddAsync($"{home}/photo with error", owner.SubmitFormAsync($"{home}/photo", new Dictionary<string, string>(), "form.upload-photo"));
        foreach (var (section, spec) in SectionSpecs.All)
        {
            var url = $"{home}/{section}";
            var id = (await factory.ItemsAsync(section, profile.Id))[0].Id;
            await AddAsync(url, owner.GetAsync(new Uri(url, UriKind.Relative)));
            await AddAsync($"{url}/{id}", owner.GetAsync(new Uri($"{url}/{id}", UriKind.Relative)));
            await AddAsync($"{url} with errors", owner.SubmitFormAsync(url, new Dictionary<string, string> { [spec.NameField] = "" }, "form.item-form"));
            await AddAsync($"{url} preview", owner.SubmitToAsync(url, $"{url}?handler=Preview", spec.Valid));
            var stale = (AngleSharp.Html.Dom.IHtmlFormElement)(await owner.GetDocumentAsync($"{url}/{id}")).QuerySelector("form.item-form")!;
            (await owner.SubmitFormAsync($"{url}/{id}", new Dictionary<string, string> { [spec.NameField] = "Changed meanwhile" }, "form.item-form")).Dispose();
            await AddAsync($"{url} conflict", owner.SubmitAsync(stale, $"{url}/{id}", new Dictionary<string, string>()));
            (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{id} form.delete")).Dispose();
            await AddAsync($"{url} after delete", owner.GetAsync(new Uri(url, UriKind.Relative)));
        }

        Assert.All(pages, page => Assert.Contains("class=\"editor-nav\"", page.Value, StringComparison.Ordinal));
        Assert.All(pages.Where(p => p.Key.EndsWith("conflict", StringComparison.Ordinal)),
            page => Assert.Contains("changed by someone else", page.Value, StringComparison.Ordinal));
        Assert.All(pages.Where(p => p.Key.EndsWith("errors", StringComparison.Ordinal)),
            page => Assert.Contains("role=\"alert\"", page.Value, StringComparison.Ordinal));
        var problems = await HtmlChecker.ErrorsAsync(pages);

        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}
