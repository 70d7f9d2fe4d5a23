using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.History;

/// <summary>
/// Undo takes back one change set and nothing else: fields others changed later keep their values,
/// a field changed again later is a conflict that changes nothing, and ownership is the admin's.
/// </summary>
public sealed class UndoConflictTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static string History(string slug) => $"/edit/{slug}/history";

    /// <summary>Clicks Undo on the history entry whose text contains <paramref name="text"/>; returns the status message shown next.</summary>
    private static async Task<string> UndoAsync(HttpClient client, string slug, string text)
    {
        var document = await client.GetDocumentAsync(History(slug));
        var entry = document.QuerySelectorAll(".history-entry").First(e => e.TextContent.Contains(text, StringComparison.Ordinal));
        var form = entry.QuerySelector("form.history-undo") as IHtmlFormElement
            ?? throw new InvalidOperationException($"The entry with “{text}” has no Undo button.");
        using var response = await client.SubmitAsync(form, History(slug), new Dictionary<string, string>());
        response.AssertRedirectsTo(History(slug));
        return (await client.GetDocumentAsync(History(slug))).QuerySelector(".status-message")?.TextContent ?? string.Empty;
    }

    private static Task<HttpResponseMessage> SaveBasicsAsync(HttpClient client, string slug, string field, string value) =>
        client.SubmitFormAsync($"/edit/{slug}", new Dictionary<string, string> { [$"Input.{field}"] = value }, "form.basics-form");

    [Fact]
    public async Task Undoing_a_headline_change_keeps_an_affiliation_an_admin_changed_afterwards()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Hedda Headline").With(r => r.Affiliation = "Old Lab"));
        var admin = await factory.SignedInAdminAsync();
        (await SaveBasicsAsync(owner, profile.Slug, "Headline", "Research Scientist")).Dispose();
        (await SaveBasicsAsync(admin, profile.Slug, "Affiliation", "New Institute")).Dispose();

        var message = await UndoAsync(owner, profile.Slug, "Research Scientist");

        Assert.Contains("was undone", message, StringComparison.Ordinal);
        var saved = await factory.ResearcherAsync(profile.Id);
        Assert.Null(saved.Headline);
        Assert.Equal("New Institute", saved.Affiliation);
    }

    [Fact]
    public async Task Undoing_a_change_whose_field_was_changed_again_shows_the_conflict_and_changes_nothing()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Conor Conflict"));
        (await SaveBasicsAsync(owner, profile.Slug, "Headline", "First headline")).Dispose();
        (await SaveBasicsAsync(owner, profile.Slug, "Headline", "Second headline")).Dispose();
        var revisions = await factory.ReadAsync(db => db.Revisions.CountAsync(r => r.ResearcherId == profile.Id));

        var message = await UndoAsync(owner, profile.Slug, "(empty)");

        Assert.Contains("Nothing was undone", message, StringComparison.Ordinal);
        Assert.Contains("Headline", message, StringComparison.Ordinal);
        Assert.Contains("Second headline", message, StringComparison.Ordinal);
        Assert.Equal("Second headline", (await factory.ResearcherAsync(profile.Id)).Headline);
        Assert.Equal(revisions, await factory.ReadAsync(db => db.Revisions.CountAsync(r => r.ResearcherId == profile.Id)));
    }

    [Fact]
    public async Task Undoing_a_news_text_edit_keeps_the_item_hidden_when_someone_hid_it_later()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Nora News").WithNews("2024-05", "Original news"));
        var id = await factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id).Select(n => n.Id).SingleAsync());
        var url = $"/edit/{profile.Slug}/news";
        (await owner.SubmitFormAsync($"{url}/{id}", new Dictionary<string, string> { ["Input.BodyMarkdown"] = "Edited news" }, "form.item-form")).Dispose();
        var admin = await factory.SignedInAdminAsync();
        (await admin.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{id} form.toggle-visibility")).Dispose();
        Assert.False(await factory.ReadAsync(db => db.News.Where(n => n.Id == id).Select(n => n.IsVisible).SingleAsync()));

        await UndoAsync(owner, profile.Slug, "Original news");

        var item = await factory.ReadAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal("Original news", item.BodyMarkdown);
        Assert.False(item.IsVisible);
    }

    [Fact]
    public async Task Ownership_changes_show_the_account_not_its_id_and_cannot_be_undone_from_the_profile()
    {
        var profile = await new ResearcherBuilder("Olga Owner").SaveAsync(factory);
        var user = await factory.CreateUserAsync($"olga-{Guid.NewGuid():N}@example.org", Web.Startup.AccountsExtensions.ResearcherRole);
        var admin = await factory.SignedInAdminAsync();
        (await admin.SubmitFormAsync($"/admin/profiles/{profile.Id}", new Dictionary<string, string> { ["OwnerId"] = user.Id }, "form#owner-form")).Dispose();
        var owner = await factory.SignInAsync(user.Email!);

        var document = await owner.GetDocumentAsync(History(profile.Slug));

        var entry = Assert.Single(document.QuerySelectorAll(".history-entry"));
        Assert.Contains(user.Email!, entry.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id, document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(entry.QuerySelector("form.history-undo"));

        // Posting the undo anyway changes nothing: the owner keeps their profile.
        var changeSet = await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == profile.Id).Select(r => r.ChangeSet).FirstAsync());
        var token = await owner.TokenFromAsync($"/edit/{profile.Slug}");
        (await owner.PostAsync($"{History(profile.Slug)}?handler=Undo", [new("changeSet", changeSet.ToString())], token)).Dispose();
        Assert.Equal(user.Id, (await factory.ResearcherAsync(profile.Id)).OwnerId);
        Assert.Contains("administrator", (await owner.GetDocumentAsync(History(profile.Slug))).QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undoing_an_added_item_that_was_edited_later_is_a_conflict()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ivo Item"));
        var url = $"/edit/{profile.Slug}/awards";
        (await owner.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "Best Paper" }, "form.item-form")).Dispose();
        var id = await factory.ReadAsync(db => db.Awards.Where(a => a.ResearcherId == profile.Id).Select(a => a.Id).SingleAsync());
        (await owner.SubmitFormAsync($"{url}/{id}", new Dictionary<string, string> { ["Input.Title"] = "Best Paper Award" }, "form.item-form")).Dispose();

        var message = await UndoAsync(owner, profile.Slug, "Created");

        Assert.Contains("Nothing was undone", message, StringComparison.Ordinal);
        Assert.Equal("Best Paper Award", await factory.ReadAsync(db => db.Awards.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task Undoing_a_photo_change_whose_earlier_file_was_deleted_says_so_and_keeps_the_current_photo()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Petra Photo"));
        var png = TestImages.Encode(SkiaSharp.SKEncodedImageFormat.Png, 40, 30);
        (await owner.UploadPhotoAsync(profile.Slug, png, "first.png", "image/png")).Dispose();
        var first = (await factory.ResearcherAsync(profile.Id)).PhotoPath;
        (await owner.UploadPhotoAsync(profile.Slug, png, "second.png", "image/png")).Dispose();
        var second = (await factory.ResearcherAsync(profile.Id)).PhotoPath;
        Assert.NotEqual(first, second);

        var message = await UndoAsync(owner, profile.Slug, first![^12..]);

        Assert.Contains("Upload it again", message, StringComparison.Ordinal);
        Assert.Equal(second, (await factory.ResearcherAsync(profile.Id)).PhotoPath);
    }
}
