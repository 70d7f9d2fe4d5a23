using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>The one link-rows editor, on the publication form and the project form alike: its rows, buttons, checks and messages.</summary>
public sealed class LinkRowsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    public static TheoryData<string, string> Forms() => new()
    {
        // The form's address below the profile, and where its row buttons post.
        { "publications/new", "" },
        { "projects", "?handler=LinkRow" },
    };

    private static List<string> LinkUrls(IHtmlDocument page) =>
        page.QuerySelectorAll("li.link-row input[name$='.Url']").OfType<IHtmlInputElement>().Select(i => i.Value).ToList();

    private static string FormSelector(string path) => path.StartsWith("projects", StringComparison.Ordinal) ? "form.item-form" : "form.publication-form";

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Both_forms_render_the_same_link_rows_with_remove_buttons_that_land_at_the_next_row(string path, string handler)
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{path}";

        var page = await owner.GetDocumentAsync(url);

        var fieldset = page.QuerySelector("fieldset#Input_Links[data-row-list='link']")!;
        Assert.Equal("Links", fieldset.QuerySelector("legend")?.TextContent);
        Assert.Equal(3, fieldset.QuerySelectorAll("li.link-row").Length);
        Assert.Equal(["Kind of link 1", "Label of link 1 (optional)", "URL of link 1"],
            fieldset.QuerySelectorAll("#link-1 label").Select(l => l.TextContent.Trim()));
        Assert.Equal($"{url}{handler}#Input_Links_1__Kind", fieldset.QuerySelector("button[value='link-remove-1']")?.GetAttribute("formaction"));
        Assert.Equal($"{url}{handler}#Input_Links_3__Kind", fieldset.QuerySelector("button[value='add-link']")?.GetAttribute("formaction"));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Remove_takes_the_row_out_keeps_the_others_and_saves_nothing(string path, string handler)
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{path}";

        using var response = await owner.SubmitToAsync(url, url + handler, new Dictionary<string, string>
        {
            ["Command"] = "link-remove-1",
            ["Input.Title"] = "Links to remove",
            ["Input.Links[0].Url"] = "https://one.example.org/",
            ["Input.Links[1].Url"] = "https://two.example.org/",
            ["Input.Links[2].Url"] = "https://three.example.org/",
        }, FormSelector(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["https://one.example.org/", "https://three.example.org/"], LinkUrls(page));
        Assert.Equal("Links to remove", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        Assert.False(await factory.ReadAsync(db => db.Publications.AnyAsync(p => p.Title == "Links to remove")));
        Assert.False(await factory.ReadAsync(db => db.Projects.AnyAsync(p => p.Title == "Links to remove")));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_label_without_an_address_and_an_unsafe_address_are_messages_next_to_the_row(string path, string handler)
    {
        _ = handler;
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{path}";

        using var response = await owner.SubmitToAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Links with problems",
            ["Input.Links[0].Label"] = "overleaf",
            ["Input.Links[1].Url"] = "javascript:alert(1)",
        }, FormSelector(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter the link's web address, or clear its label.", page.QuerySelector("#Input_Links_0__Url-error")?.TextContent);
        Assert.Equal("Enter a web address starting with http:// or https://.", page.QuerySelector("#Input_Links_1__Url-error")?.TextContent);
        Assert.Equal("true", page.QuerySelector("#Input_Links_1__Url")?.GetAttribute("aria-invalid"));
        Assert.Equal("overleaf", ((IHtmlInputElement)page.QuerySelector("#Input_Links_0__Label")!).Value);
        Assert.NotNull(page.QuerySelector(".form-errors a[href='#Input_Links_0__Url']"));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Rows_renumbered_in_the_browser_save_in_their_order_with_labels_trimmed(string path, string handler)
    {
        _ = handler;
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{path}";
        var title = $"Links saved through {path}";

        using var response = await owner.SubmitToAsync(url, url, new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Links[0].Kind"] = "Code",
            ["Input.Links[0].Label"] = "  Repository  ",
            ["Input.Links[0].Url"] = " https://code.example.org/ ",
            ["Input.Links[1].Url"] = "",
            ["Input.Links[2].Url"] = "https://site.example.org/",
        }, FormSelector(path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var links = path.StartsWith("projects", StringComparison.Ordinal)
            ? await factory.ReadAsync(db => db.Projects.Where(p => p.Title == title).SelectMany(p => p.Links).OrderBy(l => l.SortOrder)
                .Select(l => new { Kind = l.Kind.ToString(), l.Label, l.Url }).ToListAsync())
            : await factory.ReadAsync(db => db.Publications.Where(p => p.Title == title).SelectMany(p => p.Links).OrderBy(l => l.SortOrder)
                .Select(l => new { Kind = l.Kind.ToString(), l.Label, l.Url }).ToListAsync());
        Assert.Equal(2, links.Count);
        Assert.Equal(("Code", "Repository", "https://code.example.org/"), (links[0].Kind, links[0].Label, links[0].Url));
        Assert.Equal("https://site.example.org/", links[1].Url);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Odd_link_commands_and_indexes_come_back_as_the_form(string path, string handler)
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{path}";

        foreach (var command in new[] { "link-remove-99999999999999", "link-remove--2", "link-up-x", "add-link-3", "link-remove-7" })
        {
            using var response = await owner.SubmitToAsync(url, url + handler, new Dictionary<string, string>
            {
                ["Command"] = command,
                ["Input.Title"] = "Odd link command",
            }, FormSelector(path));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3, (await response.ReadDocumentAsync()).QuerySelectorAll("li.link-row").Length);
        }
        Assert.False(await factory.ReadAsync(db => db.Projects.AnyAsync(p => p.Title == "Odd link command")));
        Assert.False(await factory.ReadAsync(db => db.Publications.AnyAsync(p => p.Title == "Odd link command")));
    }
}
