using System.Net;
using AngleSharp.Html.Dom;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>Every list section of the editor, driven through its real forms: add, edit, reorder, hide, delete, preview, stale saves.</summary>
public sealed class SectionEditorTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    private async Task<string> PublicHtmlAsync(string slug) =>
        (await _visitor.GetPageAsync($"/people/{slug}")).Document.DocumentElement.OuterHtml;

    /// <summary>The entity each section lists, as the history names it.</summary>
    private static readonly Dictionary<string, string> ItemTypes = new()
    {
        ["links"] = "ProfileLink", ["education"] = "Education", ["positions"] = "Position", ["news"] = "NewsItem", ["awards"] = "Award",
        ["service"] = "ServiceRole", ["talks"] = "Talk", ["writing"] = "WritingItem", ["projects"] = "Project",
    };

    [Theory]
    [MemberData(nameof(SectionSpecs.Paths), MemberType = typeof(SectionSpecs))]
    public async Task Owner_adds_edits_reorders_hides_and_deletes_items_and_the_public_page_follows_at_once(string section)
    {
        var spec = SectionSpecs.All[section];
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{section}";
        Assert.DoesNotContain("First thing", await PublicHtmlAsync(profile.Slug), StringComparison.Ordinal);

        // Add two items.
        (await owner.SubmitFormAsync(url, spec.ValidWith("First thing"), "form.item-form")).AssertRedirectsTo(url);
        (await owner.SubmitFormAsync(url, spec.ValidWith("Second thing"), "form.item-form")).AssertRedirectsTo(url);
        var items = await factory.ItemsAsync(section, profile.Id);
        Assert.Equal(["First thing", "Second thing"], items.Select(i => i.Text));
        Assert.Contains("First thing", await PublicHtmlAsync(profile.Slug), StringComparison.Ordinal);
        var listed = await owner.GetPageAsync(url);
        Assert.Contains("Added the", listed.TextOf(".status-message"), StringComparison.Ordinal);

        // Edit the first.
        var first = items[0].Id;
        (await owner.SubmitFormAsync($"{url}/{first}", new Dictionary<string, string> { [spec.NameField] = "First, renamed" }, "form.item-form"))
            .AssertRedirectsTo(url);
        Assert.Contains("First, renamed", await PublicHtmlAsync(profile.Slug), StringComparison.Ordinal);

        // Move it down, then back up.
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{first} form.move-down")).AssertRedirectsTo(url);
        Assert.Equal(["Second thing", "First, renamed"], (await factory.ItemsAsync(section, profile.Id)).Select(i => i.Text));
        var editorOrder = (await owner.GetPageAsync(url)).Document.QuerySelectorAll("li.editor-item").Select(li => li.Id);
        Assert.Equal([$"item-{items[1].Id}", $"item-{first}"], editorOrder);
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{first} form.move-up")).AssertRedirectsTo(url);
        Assert.Equal(["First, renamed", "Second thing"], (await factory.ItemsAsync(section, profile.Id)).Select(i => i.Text));

        // Hide it, then show it again.
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{first} form.toggle-visibility")).AssertRedirectsTo(url);
        Assert.False((await factory.ItemsAsync(section, profile.Id))[0].IsVisible);
        Assert.DoesNotContain("First, renamed", await PublicHtmlAsync(profile.Slug), StringComparison.Ordinal);
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{first} form.toggle-visibility")).AssertRedirectsTo(url);
        Assert.Contains("First, renamed", await PublicHtmlAsync(profile.Slug), StringComparison.Ordinal);

        // Delete it: gone from the page, recorded in the history.
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{first} form.delete")).AssertRedirectsTo(url);
        Assert.Equal(["Second thing"], (await factory.ItemsAsync(section, profile.Id)).Select(i => i.Text));
        Assert.DoesNotContain("First, renamed", await PublicHtmlAsync(profile.Slug), StringComparison.Ordinal);
        var afterDelete = await owner.GetPageAsync(url);
        Assert.Contains("Deleted. You can restore it from History.", afterDelete.TextOf(".status-message"), StringComparison.Ordinal);
        Assert.NotNull(afterDelete.Document.QuerySelector($".status-message a[href='/edit/{profile.Slug}/history']"));
        // Of the item's own type: a record deleted with it (a project's link) may have the same id.
        var type = ItemTypes[section];
        var deletions = await factory.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Revisions, r => r.ResearcherId == profile.Id && r.EntityType == type && r.EntityId == first && r.Action == ResearcherProfiles.Core.Entities.RevisionAction.Deleted));
        Assert.Equal(1, deletions);
    }

    [Theory]
    [MemberData(nameof(SectionSpecs.Paths), MemberType = typeof(SectionSpecs))]
    public async Task Saving_a_form_opened_before_someone_else_saved_shows_what_changed_and_keeps_their_change(string section)
    {
        var spec = SectionSpecs.All[section];
        var (profile, owner) = await factory.OwnedProfileAsync(spec.Seed(new ResearcherBuilder("Stale Form"), "Original name"));
        var id = (await factory.ItemsAsync(section, profile.Id)).Single().Id;
        var url = $"/edit/{profile.Slug}/{section}/{id}";
        var staleForm = (IHtmlFormElement)(await owner.GetDocumentAsync(url)).QuerySelector("form.item-form")!;

        var admin = await factory.SignedInAdminAsync();
        (await admin.SubmitFormAsync(url, new Dictionary<string, string> { [spec.NameField] = "Their change" }, "form.item-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}/{section}");

        using var response = await owner.SubmitAsync(staleForm, url, new Dictionary<string, string> { [spec.NameField] = "My change" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var conflict = page.QuerySelector(".conflict")!.TextContent;
        Assert.Contains("was changed by someone else since you opened it", conflict, StringComparison.Ordinal);
        Assert.Contains(spec.NameLabel, page.QuerySelector(".conflict-changes dt")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Their change", page.QuerySelector(".conflict-changes dd")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Their change", (await factory.ItemsAsync(section, profile.Id)).Single().Text);

        // The form now holds the editor's text on top of the current version: saving again is deliberate and works.
        var again = (IHtmlFormElement)page.QuerySelector("form.item-form")!;
        (await owner.SubmitAsync(again, url, new Dictionary<string, string>())).AssertRedirectsTo($"/edit/{profile.Slug}/{section}");
        Assert.Equal("My change", (await factory.ItemsAsync(section, profile.Id)).Single().Text);
    }

    [Theory]
    [MemberData(nameof(SectionSpecs.Paths), MemberType = typeof(SectionSpecs))]
    public async Task Over_posted_fields_cannot_move_an_item_to_another_profile_or_hide_it(string section)
    {
        var spec = SectionSpecs.All[section];
        var other = await spec.Seed(new ResearcherBuilder("Other Person"), "Not yours").SaveAsync(factory);
        var otherItem = (await factory.ItemsAsync(section, other.Id)).Single();
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{section}";

        var fields = spec.ValidWith("Mine");
        foreach (var prefix in new[] { "", "Input." })
        {
            fields[prefix + "ResearcherId"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[prefix + "Id"] = otherItem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[prefix + "IsVisible"] = "false";
            fields[prefix + "SortOrder"] = "-5";
            fields[prefix + "OwnerId"] = "someone";
        }
        (await owner.SubmitFormAsync(url, fields, "form.item-form")).AssertRedirectsTo(url);

        var mine = Assert.Single(await factory.ItemsAsync(section, profile.Id));
        Assert.Equal("Mine", mine.Text);
        Assert.True(mine.IsVisible);
        Assert.Equal(0, mine.SortOrder);
        Assert.NotEqual(otherItem.Id, mine.Id);
        Assert.Equal([otherItem], await factory.ItemsAsync(section, other.Id));
    }

    [Theory]
    [InlineData("news")]
    [InlineData("positions")]
    public async Task Preview_renders_the_markdown_as_the_public_page_does_and_saves_nothing(string section)
    {
        var spec = SectionSpecs.All[section];
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{section}";
        var fields = new Dictionary<string, string>(spec.Valid) { [spec.PreviewField!] = "Read [the paper](https://example.org/p) **now**" };

        using var response = await owner.SubmitToAsync(url, $"{url}?handler=Preview", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var preview = page.QuerySelector(".editor-preview .prose")!;
        Assert.Equal("https://example.org/p", preview.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("now", preview.QuerySelector("strong")!.TextContent);
        Assert.Contains("Read [the paper]", page.QuerySelector($"textarea[name='{spec.PreviewField}']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await factory.ItemsAsync(section, profile.Id));
        // The form goes on posting to the section, not back to the preview.
        Assert.Equal($"{url}#form-errors", page.QuerySelector("form.item-form")!.GetAttribute("action"));
    }

    [Fact]
    public async Task A_new_item_goes_to_the_end_of_the_list()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Order Keeper")
            .WithAward(new ResearcherProfiles.Core.Entities.Award { Title = "Old one" }).WithAward(new ResearcherProfiles.Core.Entities.Award { Title = "Older one" }));
        var url = $"/edit/{profile.Slug}/awards";

        (await owner.SubmitFormAsync(url, SectionSpecs.All["awards"].ValidWith("Newest"), "form.item-form")).AssertRedirectsTo(url);

        Assert.Equal(["Old one", "Older one", "Newest"], (await factory.ItemsAsync("awards", profile.Id)).Select(i => i.Text));
    }

    [Fact]
    public async Task Service_years_are_stored_in_order_and_folded_on_the_public_page()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/service";

        (await owner.SubmitFormAsync(url, SectionSpecs.All["service"].Valid, "form.item-form")).AssertRedirectsTo(url);

        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.Contains("ACL (2021, 2022, 2023)", page.Section("Service")!.CleanText(), StringComparison.Ordinal);
        var form = await owner.GetDocumentAsync($"{url}/{(await factory.ItemsAsync("service", profile.Id)).Single().Id}");
        Assert.Equal("2021, 2022, 2023", ((IHtmlInputElement)form.QuerySelector("#Input_Years")!).Value);
        Assert.NotNull(form.QuerySelector("datalist#service-roles option[value='Student Seminar Co-Chair']"));
    }

    [Fact]
    public async Task A_position_without_an_end_reads_now_on_the_public_page()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/positions";

        (await owner.SubmitFormAsync(url, SectionSpecs.All["positions"].Valid, "form.item-form")).AssertRedirectsTo(url);

        var experience = (await _visitor.GetPageAsync($"/people/{profile.Slug}")).Section("Experience")!.CleanText();
        Assert.Contains("Jul 2023 – now", experience, StringComparison.Ordinal);
        Assert.Contains("Internship", experience, StringComparison.Ordinal);
    }
}
