using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;

namespace ResearcherProfiles.Tests.History;

/// <summary>The history page as a person reads it: items by name, accounts by name, long texts as diffs, moves in one line, and undo that asks first when it changes more than one field.</summary>
public sealed class ReadableHistoryTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string LongBefore =
        "I study how people learn new languages as adults, with a focus on the sounds they find hard to hear and the words they keep mixing up after years of practice.";

    private const string LongAfter =
        "I study how people learn new languages as adults, with a focus on the sounds they find hard to hear <script>alert('x')</script> and the words they keep mixing up after years of practice.";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A change made as another editor page makes it: through a context with the profile's history scope.</summary>
    private async Task EditAsync(int researcherId, Func<AppDbContext, Task> change, string? userId = null, string userName = "editor@example.org")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.History = new HistoryScope(researcherId, userId, userName);
        await change(db);
        await db.SaveChangesAsync();
    }

    private static Task HideAsync<T>(AppDbContext db, int researcherId) where T : ProfileItem =>
        db.Set<T>().AsTracking().Where(i => i.ResearcherId == researcherId).ForEachAsync(i => i.IsVisible = false);

    [Fact]
    public async Task Entries_name_the_item_they_touched_in_every_section()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Tia Titles")
            .WithPublication("Sparse attention at scale", p => p.Owner())
            .WithNews("2024-05", "Our paper on *sparse attention* was accepted at the main conference, and the code is out")
            .WithEducation(new Education { Degree = "PhD in Linguistics", Institution = "University of Edinburgh" })
            .WithPosition(new Position { Title = "Research scientist", Employer = "Acme Labs" })
            .WithAward(new Award { Title = "Best paper award" })
            .WithService("Area Chair", "ACL", 2024)
            .WithTalk(new Talk { Host = "Stanford NLP seminar" }));
        await EditAsync(profile.Id, db => HideAsync<ProfilePublication>(db, profile.Id));
        await EditAsync(profile.Id, db => HideAsync<NewsItem>(db, profile.Id));
        await EditAsync(profile.Id, db => HideAsync<Education>(db, profile.Id));
        await EditAsync(profile.Id, db => HideAsync<Position>(db, profile.Id));
        await EditAsync(profile.Id, db => HideAsync<Award>(db, profile.Id));
        await EditAsync(profile.Id, db => HideAsync<ServiceRole>(db, profile.Id));
        await EditAsync(profile.Id, db => HideAsync<Talk>(db, profile.Id));

        var page = await owner.GetPageAsync($"/edit/{profile.Slug}/history");

        var changes = page.TextsOf(".history-change").Select(t => t.Split(" Visible")[0].Replace(" versions", "", StringComparison.Ordinal)).ToList();
        Assert.True(changes.SequenceEqual(
        [
            "Updated Talk “Stanford NLP seminar”",
            "Updated Service role “Area Chair, ACL”",
            "Updated Award “Best paper award”",
            "Updated Position “Research scientist, Acme Labs”",
            "Updated Education “PhD in Linguistics, University of Edinburgh”",
            "Updated News item “Our paper on *sparse attention* was accepted at the main conference, and the…”",
            "Updated Publication on this profile “Sparse attention at scale”",
        ]), string.Join('\n', changes));
        Assert.DoesNotContain("ProfilePublication", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saves_name_the_account_that_made_them_and_a_deleted_account_as_such()
    {
        var profile = await new ResearcherBuilder("Abe Accounts").WithNews("2024-05", "First news").SaveAsync(factory);
        var owner = await factory.CreateResearcherAsync(profile.Id);
        var client = await factory.SignInAsync(owner.Email!);
        var gone = await factory.CreateAdminAsync();
        await EditAsync(profile.Id, async db => (await db.News.AsTracking().SingleAsync(n => n.ResearcherId == profile.Id)).BodyMarkdown = "Edited by a departed admin",
            gone.Id, gone.UserName!);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(gone.Id))!)).Succeeded);
        }
        using (var save = await client.SubmitFormAsync($"/edit/{profile.Slug}/news",
            new Dictionary<string, string> { ["Input.Date"] = "2024-06", ["Input.BodyMarkdown"] = "Second news" }, "form.item-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }

        var page = await client.GetPageAsync($"/edit/{profile.Slug}/history");

        var by = page.TextsOf(".history-user");
        Assert.Equal($"by {owner.Email}", by[0]);
        Assert.Equal("by a deleted account", by[1]);
        Assert.DoesNotContain(owner.Id, page.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(gone.Id, page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_text_change_is_a_word_diff_and_its_markup_stays_text()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Dia Diff").With(r => r.AboutMarkdown = LongBefore));
        await EditAsync(profile.Id, async db => (await db.Researchers.AsTracking().SingleAsync(r => r.Id == profile.Id)).AboutMarkdown = LongAfter);
        await EditAsync(profile.Id, async db => (await db.Researchers.AsTracking().SingleAsync(r => r.Id == profile.Id)).Headline = "Linguist");

        var response = await owner.GetStringAsync(new Uri($"/edit/{profile.Slug}/history", UriKind.Relative));
        var page = await owner.GetPageAsync($"/edit/{profile.Slug}/history");

        var about = page.Document.QuerySelectorAll(".history-entry")[1];
        Assert.Equal("About", about.QuerySelector(".history-fields dt")!.CleanText());
        var diff = about.QuerySelector(".history-fields dd .history-diff")!;
        Assert.Equal(["[added: <script>alert('x')</script> ]"], diff.QuerySelectorAll("ins").Select(i => i.TextContent.Trim()));
        Assert.Empty(diff.QuerySelectorAll("del"));
        Assert.NotNull(diff.QuerySelector("ins .visually-hidden"));
        // Long unchanged runs are cut to the words around the change.
        Assert.NotNull(diff.QuerySelector(".history-gap"));
        Assert.Contains("hard to hear", diff.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("I study how people", diff.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", response, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", response, StringComparison.Ordinal);
        // A short field keeps "before → after".
        var headline = page.Document.QuerySelector(".history-entry")!;
        Assert.Null(headline.QuerySelector(".history-diff"));
        Assert.Equal("Linguist", headline.QuerySelector(".history-fields ins")!.CleanText());
    }

    [Fact]
    public async Task A_move_is_one_line_that_names_the_item_and_its_new_neighbour()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Mo Mover")
            .WithAward(new Award { Title = "Alpha prize" }).WithAward(new Award { Title = "Beta prize" })
            .WithAward(new Award { Title = "Gamma prize" }).WithAward(new Award { Title = "Delta prize" }));
        var url = $"/edit/{profile.Slug}/awards";
        var delta = await factory.ReadAsync(db => db.Awards.Where(a => a.ResearcherId == profile.Id && a.Title == "Delta prize").Select(a => a.Id).SingleAsync());
        var alpha = await factory.ReadAsync(db => db.Awards.Where(a => a.ResearcherId == profile.Id && a.Title == "Alpha prize").Select(a => a.Id).SingleAsync());
        (await owner.PostAsync($"{url}?handler=MoveTo", [new("itemId", Text(delta)), new("position", "2")], await owner.TokenFromAsync(url))).Dispose();
        (await owner.PostAsync($"{url}?handler=MoveTo", [new("itemId", Text(alpha)), new("position", "4")], await owner.TokenFromAsync(url))).Dispose();

        var page = await owner.GetPageAsync($"/edit/{profile.Slug}/history");

        Assert.Equal(["Moved “Alpha prize” below “Gamma prize”", "Moved “Delta prize” above “Beta prize”"], page.TextsOf(".history-reorder"));
        Assert.DoesNotContain("Sort order", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_paper_and_sorting_by_date_are_told_by_the_papers_titles_and_a_count()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Sue Sorts")
            .WithPublication("Old paper", p => p.Owner().With(x => x.Year = 2015))
            .WithPublication("New paper", p => p.Owner().With(x => x.Year = 2024))
            .WithPublication("Middle paper", p => p.Owner().With(x => x.Year = 2020))
            .WithPublication("Recent paper", p => p.Owner().With(x => x.Year = 2022)));
        var url = $"/edit/{profile.Slug}/publications";
        var middle = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id && pp.Publication!.Title == "Middle paper").Select(pp => pp.Id).SingleAsync());
        (await owner.PostAsync($"{url}?handler=MoveTo", [new("id", Text(middle)), new("position", "1")], await owner.TokenFromAsync(url))).Dispose();
        (await owner.SubmitFormAsync(url, new Dictionary<string, string>(), "form.sort-by-date")).Dispose();

        var page = await owner.GetPageAsync($"/edit/{profile.Slug}/history");

        Assert.Equal(["Sorted publications by date, newest first: 4 moved", "Moved “Middle paper” above “Old paper”"], page.TextsOf(".history-reorder"));

        // Undoing the sort moves four papers: it asks first, and says so.
        var historyUrl = $"/edit/{profile.Slug}/history";
        using var press = await owner.SubmitAsync((IHtmlFormElement)page.Document.QuerySelector(".history-entry form.history-undo")!, historyUrl, new Dictionary<string, string>());
        Assert.Contains("/history/undo/", press.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var confirmation = await owner.GetPageAsync(press.Headers.Location.OriginalString);
        Assert.Equal("Yes, undo these 4 changes", confirmation.TextOf("form.history-confirm-form button"));
    }

    [Fact]
    public async Task Undoing_one_field_happens_at_once()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Uma Once").WithNews("2024-05", "Before"));
        await EditAsync(profile.Id, async db => (await db.News.AsTracking().SingleAsync(n => n.ResearcherId == profile.Id)).BodyMarkdown = "After");
        var url = $"/edit/{profile.Slug}/history";
        var form = (IHtmlFormElement)(await owner.GetDocumentAsync(url)).QuerySelector(".history-entry form.history-undo")!;

        using var response = await owner.SubmitAsync(form, url, new Dictionary<string, string>());

        response.AssertRedirectsTo($"{url}#status");
        Assert.Equal("Before", await factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id).Select(n => n.BodyMarkdown).SingleAsync()));
    }

    [Fact]
    public async Task Undoing_several_fields_asks_first_and_the_confirmation_page_undoes_them_through_its_form()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Cy Confirm").WithNews("2024-05", "Before"));
        await EditAsync(profile.Id, async db =>
        {
            var news = await db.News.AsTracking().SingleAsync(n => n.ResearcherId == profile.Id);
            news.BodyMarkdown = "After";
            news.Date = new PartialDate(2025, 1);
        });
        var url = $"/edit/{profile.Slug}/history";
        var form = (IHtmlFormElement)(await owner.GetDocumentAsync(url)).QuerySelector(".history-entry form.history-undo")!;

        using var press = await owner.SubmitAsync(form, url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, press.StatusCode);
        var confirmUrl = press.Headers.Location!.OriginalString;
        Assert.StartsWith($"/edit/{profile.Slug}/history/undo/", confirmUrl, StringComparison.Ordinal);
        Assert.Equal("After", await factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id).Select(n => n.BodyMarkdown).SingleAsync()));
        var confirmation = await owner.GetPageAsync(confirmUrl);
        Assert.Equal("This undo makes 2 changes", confirmation.TextOf("h2"));
        Assert.Equal(["Body of the news item “After” goes back to “Before”.", "Date of the news item “After” goes back to “May 2024”."], confirmation.TextsOf(".history-confirm-list li"));
        Assert.Equal(url, confirmation.Document.QuerySelector(".history-confirm-form a")!.GetAttribute("href"));

        using var undo = await owner.SubmitAsync((IHtmlFormElement)confirmation.Document.QuerySelector("form.history-confirm-form")!, confirmUrl, new Dictionary<string, string>());

        undo.AssertRedirectsTo($"{url}#status");
        var news = await factory.ReadAsync(db => db.News.SingleAsync(n => n.ResearcherId == profile.Id));
        Assert.Equal(("Before", new PartialDate(2024, 5)), (news.BodyMarkdown, news.Date));
    }

    [Fact]
    public async Task The_confirmation_page_does_not_offer_an_undo_that_a_later_change_stands_in_the_way_of()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Cy Blocked").WithNews("2024-05", "Before"));
        await EditAsync(profile.Id, async db =>
        {
            var news = await db.News.AsTracking().SingleAsync(n => n.ResearcherId == profile.Id);
            news.BodyMarkdown = "After";
            news.Date = new PartialDate(2025, 1);
        });
        var first = await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == profile.Id).Select(r => r.ChangeSet).SingleAsync());
        await EditAsync(profile.Id, async db => (await db.News.AsTracking().SingleAsync(n => n.ResearcherId == profile.Id)).BodyMarkdown = "Later");

        var confirmation = await owner.GetPageAsync($"/edit/{profile.Slug}/history/undo/{first}");

        Assert.Null(confirmation.Document.QuerySelector("form.history-confirm-form"));
        Assert.StartsWith("This change cannot be undone now: Body of the news item", confirmation.TextOf(".history-confirm .form-errors"), StringComparison.Ordinal);
        Assert.Contains("was changed again later (it is now “Later”).", confirmation.TextOf(".history-confirm .form-errors"), StringComparison.Ordinal);
        Assert.EndsWith("Undo the later changes first, or edit the item directly.", confirmation.TextOf(".history-confirm .form-errors"), StringComparison.Ordinal);
        Assert.Equal("Later", await factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id).Select(n => n.BodyMarkdown).SingleAsync()));
    }

    [Fact]
    public async Task The_confirmation_page_is_only_for_the_profiles_own_history()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Oona Own").WithNews("2024-05", "Mine"));
        var (other, _) = await factory.OwnedProfileAsync(new ResearcherBuilder("Otto Other").WithNews("2024-05", "Theirs"));
        await EditAsync(other.Id, async db => (await db.News.AsTracking().SingleAsync(n => n.ResearcherId == other.Id)).BodyMarkdown = "Theirs, edited");
        var theirs = await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == other.Id).Select(r => r.ChangeSet).SingleAsync());

        using var foreign = await owner.GetAsync(new Uri($"/edit/{profile.Slug}/history/undo/{theirs}", UriKind.Relative));
        using var forbidden = await owner.GetAsync(new Uri($"/edit/{other.Slug}/history/undo/{theirs}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task The_history_with_diffs_and_the_confirmation_page_are_valid_html()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Val Valid").With(r => r.AboutMarkdown = LongBefore).WithNews("2024-05", "Before"));
        await EditAsync(profile.Id, async db => (await db.Researchers.AsTracking().SingleAsync(r => r.Id == profile.Id)).AboutMarkdown = LongAfter.Replace("hard", "difficult", StringComparison.Ordinal));
        await EditAsync(profile.Id, async db =>
        {
            var news = await db.News.AsTracking().SingleAsync(n => n.ResearcherId == profile.Id);
            news.BodyMarkdown = "After";
            news.Date = new PartialDate(2025, 1);
        });
        var changeSet = await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == profile.Id).OrderByDescending(r => r.Id).Select(r => r.ChangeSet).FirstAsync());

        var pages = new Dictionary<string, string>
        {
            ["history"] = await owner.GetStringAsync(new Uri($"/edit/{profile.Slug}/history", UriKind.Relative)),
            ["confirmation"] = await owner.GetStringAsync(new Uri($"/edit/{profile.Slug}/history/undo/{changeSet}?p=2&deleted=true", UriKind.Relative)),
        };

        Assert.Contains("<del>", pages["history"], StringComparison.Ordinal);
        var problems = await HtmlChecker.ErrorsAsync(pages);
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}
