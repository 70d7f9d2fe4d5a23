using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>
/// A form that adds an item adds it once, however often the same form is posted: a double click
/// without JavaScript, a reload that posts again, Back and Save. Each empty form carries a token
/// (<see cref="AddOnce"/>); a second post of it leads to the item the first added.
/// </summary>
public sealed class AddOnceTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Theory]
    [MemberData(nameof(SectionSpecs.Paths), MemberType = typeof(SectionSpecs))]
    public async Task The_same_add_form_posted_twice_adds_one_item_and_a_new_form_adds_another(string section)
    {
        var spec = SectionSpecs.All[section];
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{section}";
        var form = await AddFormAsync(owner, url);

        using (var first = await owner.SubmitAsync(form, url, spec.ValidWith("Only once")))
        {
            first.AssertRedirectsTo(url);
        }
        using (var second = await owner.SubmitAsync(form, url, spec.ValidWith("Only once")))
        {
            second.AssertRedirectsTo(url);
        }
        Assert.Equal(["Only once"], (await factory.ItemsAsync(section, profile.Id)).Select(i => i.Text));
        Assert.Contains("Added the", (await owner.GetPageAsync(url)).TextOf(".status-message"), StringComparison.Ordinal);

        // The page the saves lead to shows a new form, with a token of its own.
        var next = await AddFormAsync(owner, url);
        Assert.NotEqual(Token(form), Token(next));
        (await owner.SubmitAsync(next, url, spec.ValidWith("Once more"))).AssertRedirectsTo(url);
        Assert.Equal(["Only once", "Once more"], (await factory.ItemsAsync(section, profile.Id)).Select(i => i.Text));
    }

    [Fact]
    public async Task A_form_shown_again_with_errors_keeps_its_token_and_its_corrected_post_adds_once()
    {
        var spec = SectionSpecs.All["awards"];
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/awards";
        var form = await AddFormAsync(owner, url);

        using var refused = await owner.SubmitAsync(form, url, spec.ValidWith(""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shownAgain = (IHtmlFormElement)(await refused.ReadDocumentAsync()).QuerySelector("form.item-form")!;
        Assert.Equal(Token(form), Token(shownAgain));
        Assert.Empty(await factory.ItemsAsync("awards", profile.Id));

        (await owner.SubmitAsync(shownAgain, url, spec.ValidWith("Corrected"))).AssertRedirectsTo(url);
        (await owner.SubmitAsync(shownAgain, url, spec.ValidWith("Corrected"))).AssertRedirectsTo(url);
        Assert.Equal(["Corrected"], (await factory.ItemsAsync("awards", profile.Id)).Select(i => i.Text));
    }

    [Fact]
    public async Task A_form_posted_again_after_its_item_was_deleted_adds_it_again()
    {
        var spec = SectionSpecs.All["news"];
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/news";
        var form = await AddFormAsync(owner, url);
        (await owner.SubmitAsync(form, url, spec.ValidWith("Back again"))).AssertRedirectsTo(url);
        var added = (await factory.ItemsAsync("news", profile.Id)).Single();
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), $"#item-{added.Id} form.delete")).AssertRedirectsTo(url);

        (await owner.SubmitAsync(form, url, spec.ValidWith("Back again"))).AssertRedirectsTo(url);

        Assert.Equal(["Back again"], (await factory.ItemsAsync("news", profile.Id)).Select(i => i.Text));
    }

    [Fact]
    public async Task A_token_copied_from_another_profiles_save_does_not_join_its_change_set()
    {
        var spec = SectionSpecs.All["awards"];
        var (other, otherOwner) = await factory.OwnedProfileAsync();
        (await otherOwner.SubmitFormAsync($"/edit/{other.Slug}/awards", spec.ValidWith("Theirs"), "form.item-form")).AssertRedirectsTo($"/edit/{other.Slug}/awards");
        var theirs = await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == other.Id).Select(r => r.ChangeSet).SingleAsync());
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/awards";

        var fields = spec.ValidWith("Theirs");
        fields[AddOnce.FieldName] = theirs.ToString();
        (await owner.SubmitFormAsync(url, fields, "form.item-form")).AssertRedirectsTo(url);
        (await owner.SubmitFormAsync(url, fields, "form.item-form")).AssertRedirectsTo(url);

        // Added once, under a change set of its own: the other profile's save is as it was.
        Assert.Equal(["Theirs"], (await factory.ItemsAsync("awards", profile.Id)).Select(i => i.Text));
        var mine = await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == profile.Id).Select(r => r.ChangeSet).SingleAsync());
        Assert.NotEqual(theirs, mine);
        Assert.Equal(1, await factory.ReadAsync(db => db.Revisions.CountAsync(r => r.ChangeSet == theirs)));
        Assert.Equal(["Theirs"], (await factory.ItemsAsync("awards", other.Id)).Select(i => i.Text));
    }

    [Fact]
    public async Task The_same_form_sent_again_with_other_values_adds_those_too()
    {
        // Back, a value changed, Save: a save of its own.
        var spec = SectionSpecs.All["talks"];
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/talks";
        var form = await AddFormAsync(owner, url);

        (await owner.SubmitAsync(form, url, spec.ValidWith("First talk"))).AssertRedirectsTo(url);
        (await owner.SubmitAsync(form, url, spec.ValidWith("Second talk"))).AssertRedirectsTo(url);
        (await owner.SubmitAsync(form, url, spec.ValidWith("Second talk"))).AssertRedirectsTo(url);

        Assert.Equal(["First talk", "Second talk"], (await factory.ItemsAsync("talks", profile.Id)).Select(i => i.Text));
    }

    [Fact]
    public async Task An_edit_form_carries_no_token()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Edit Form").WithAward(new Award { Title = "Seeded", Year = 2015 }));
        var id = (await factory.ItemsAsync("awards", profile.Id)).Single().Id;

        var form = (await owner.GetDocumentAsync($"/edit/{profile.Slug}/awards/{id}")).QuerySelector("form.item-form")!;

        Assert.Null(form.QuerySelector($"input[name='{AddOnce.FieldName}']"));
    }

    [Theory]
    [InlineData("save")]
    [InlineData("save-add")]
    public async Task The_same_new_paper_form_posted_twice_adds_one_paper(string command)
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/publications/new";
        var form = (IHtmlFormElement)(await owner.GetDocumentAsync(url)).QuerySelector("main form")!;
        Assert.NotEqual(Guid.Empty, Token(form));
        var fields = new Dictionary<string, string> { ["Input.Title"] = "Posted twice, listed once", ["Command"] = command };

        using var first = await owner.SubmitAsync(form, url, fields);
        using var second = await owner.SubmitAsync(form, url, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var titles = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id).Select(pp => pp.Publication!.Title).ToListAsync());
        Assert.Equal(["Posted twice, listed once"], titles);
    }

    [Theory]
    [InlineData("awards")]
    [InlineData("news")]
    public async Task The_same_add_form_posted_several_times_at_once_adds_one_item(string section)
    {
        // A double click without JavaScript: the second post leaves before the first is saved.
        var spec = SectionSpecs.All[section];
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/{section}";
        var form = await AddFormAsync(owner, url);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => owner.SubmitAsync(form, url, spec.ValidWith("At once"))));

        foreach (var response in responses)
        {
            response.AssertRedirectsTo(url);
            response.Dispose();
        }
        Assert.Equal(["At once"], (await factory.ItemsAsync(section, profile.Id)).Select(i => i.Text));
    }

    [Fact]
    public async Task The_same_new_paper_form_posted_several_times_at_once_adds_one_paper()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/publications/new";
        var form = (IHtmlFormElement)(await owner.GetDocumentAsync(url)).QuerySelector("main form")!;
        var fields = new Dictionary<string, string> { ["Input.Title"] = "Posted at once, listed once", ["Command"] = "save" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => owner.SubmitAsync(form, url, fields)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        foreach (var response in responses)
        {
            response.Dispose();
        }
        var titles = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id).Select(pp => pp.Publication!.Title).ToListAsync());
        Assert.Equal(["Posted at once, listed once"], titles);
    }

    private static async Task<IHtmlFormElement> AddFormAsync(HttpClient owner, string url) =>
        (IHtmlFormElement)(await owner.GetDocumentAsync(url)).QuerySelector("form.item-form")!;

    private static Guid Token(IHtmlFormElement form) =>
        Guid.Parse(((IHtmlInputElement)form.QuerySelector($"input[name='{AddOnce.FieldName}']")!).Value);
}
