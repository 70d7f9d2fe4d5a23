using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Entry;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Validation;
using ResearcherProfiles.Web.Pages.Edit;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>The boxes that add several news items, awards or service roles at once, through the real forms.</summary>
public sealed class PasteEntryTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private static Dictionary<string, string> Text(string text) => new() { ["Text"] = text };

    /// <summary>Pastes <paramref name="text"/> and presses Preview, as a browser would.</summary>
    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, string url, string text)
    {
        using var response = await client.SubmitFormAsync(url, Text(text), "form.item-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    /// <summary>Presses the Save button of a preview: the same form, posted to the button's formaction.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string url, IHtmlDocument preview)
    {
        var form = (IHtmlFormElement)preview.QuerySelector("form.item-form")!;
        var save = preview.QuerySelector("form.item-form button.button-primary")!;
        form.SetAttribute("action", save.GetAttribute("formaction")!);
        return await client.SubmitAsync(form, url, new Dictionary<string, string>());
    }

    private Task<int> RevisionCountAsync(int researcherId) =>
        factory.ReadAsync(db => db.Revisions.CountAsync(r => r.ResearcherId == researcherId));

    [Fact]
    public async Task A_news_preview_shows_the_items_as_on_the_public_page_and_saves_nothing()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/news/paste";

        var preview = await PreviewAsync(owner, url, "2023-05 Four papers accepted to **ACL 2023**!\n[2022-09]: Started the PhD");

        Assert.Equal(["May 2023", "Sep 2022"], preview.QuerySelectorAll(".editor-preview li.news-item time").Select(t => t.CleanText()));
        Assert.Equal("ACL 2023", preview.QuerySelector(".editor-preview .news-body strong")?.CleanText());
        Assert.Equal("Save these 2 items", preview.QuerySelector("form.item-form button.button-primary")?.CleanText());
        Assert.Equal(0, await factory.ReadAsync(db => db.News.CountAsync(n => n.ResearcherId == profile.Id)));
        Assert.Equal(0, await RevisionCountAsync(profile.Id));
    }

    [Fact]
    public async Task Saving_a_news_paste_adds_every_item_in_one_change_that_one_undo_takes_back()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Paste News").WithNews("2020", "Already here"));
        var url = $"/edit/{profile.Slug}/news/paste";
        var preview = await PreviewAsync(owner, url, "2023-05 One\n2023-06-14: Two\n[2021] Three");

        using (var saved = await SaveAsync(owner, url, preview))
        {
            saved.AssertRedirectsTo($"/edit/{profile.Slug}/news");
        }

        var news = await factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id).OrderBy(n => n.SortOrder).ToListAsync());
        Assert.Equal(["Already here", "One", "Two", "Three"], news.Select(n => n.BodyMarkdown));
        Assert.Equal([2020_00_00, 2023_05_00, 2023_06_14, 2021_00_00], news.Select(n => n.Date.ToSortKey()));
        Assert.Single(await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == profile.Id).Select(r => r.ChangeSet).Distinct().ToListAsync()));
        var section = await owner.GetDocumentAsync($"/edit/{profile.Slug}/news");
        Assert.Contains("Added 3 news items.", section.QuerySelector(".status-message")?.CleanText(), StringComparison.Ordinal);

        var historyUrl = $"/edit/{profile.Slug}/history";
        var history = await owner.GetDocumentAsync(historyUrl);
        using (var undo = await owner.UndoThroughConfirmationAsync(historyUrl, (IHtmlFormElement)history.QuerySelector(".history-entry form")!))
        {
            Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        }
        Assert.Equal(["Already here"], await factory.ReadAsync(db => db.News.Where(n => n.ResearcherId == profile.Id).Select(n => n.BodyMarkdown).ToListAsync()));
    }

    [Fact]
    public async Task Lines_that_cannot_be_read_are_listed_by_number_and_nothing_is_saved()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/news/paste";
        const string text = "2023-05 Fine\nNo date here\n\n2023-13 Bad month";

        var preview = await PreviewAsync(owner, url, text);

        Assert.Equal(
            [$"Line 2, “No date here”: {NewsLines.NoDateMessage}", $"Line 4, “2023-13 Bad month”: {NewsLines.NoDateMessage}"],
            preview.QuerySelectorAll(".paste-problems li").Select(l => l.CleanText()));
        Assert.Equal(text, ((IHtmlTextAreaElement)preview.QuerySelector("textarea[name=Text]")!).Value);
        Assert.Contains(PasteModel.ProblemsMessage, preview.QuerySelector("#Text-error")?.CleanText(), StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector(".editor-preview"));
        Assert.DoesNotContain("Save these", preview.QuerySelector("form.item-form")!.TextContent, StringComparison.Ordinal);

        // Posting to Save directly does not save the readable line either.
        using var save = await owner.SubmitToAsync(url, url, Text(text));
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Equal(2, (await save.ReadDocumentAsync()).QuerySelectorAll(".paste-problems li").Length);
        Assert.Equal(0, await factory.ReadAsync(db => db.News.CountAsync(n => n.ResearcherId == profile.Id)));
    }

    [Fact]
    public async Task A_paste_longer_than_the_limit_is_refused_with_a_message()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var url = $"/edit/{profile.Slug}/awards/paste";
        var text = string.Join('\n', Enumerable.Range(1, PastedLines.MaxLines + 1).Select(i => $"Award {i}, ACL 2023"));

        var preview = await PreviewAsync(owner, url, text);

        Assert.Equal(PastedLines.TooManyLinesMessage(PastedLines.MaxLines + 1), preview.QuerySelector("#Text-error")?.CleanText());
        Assert.Equal(0, await factory.ReadAsync(db => db.Awards.CountAsync(a => a.ResearcherId == profile.Id)));
    }

    [Fact]
    public async Task Saving_the_same_preview_twice_adds_its_items_once_and_a_changed_text_adds_again()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Paste Twice"));
        var url = $"/edit/{profile.Slug}/awards/paste";
        var preview = await PreviewAsync(owner, url, "Best Paper Award — ACL, 2023\nOutstanding Reviewer, EMNLP 2022");

        (await SaveAsync(owner, url, preview)).AssertRedirectsTo($"/edit/{profile.Slug}/awards");
        (await SaveAsync(owner, url, preview)).AssertRedirectsTo($"/edit/{profile.Slug}/awards");

        Assert.Equal(2, await factory.ReadAsync(db => db.Awards.CountAsync(a => a.ResearcherId == profile.Id)));
        Assert.Contains("Added 2 awards.", (await owner.GetDocumentAsync($"/edit/{profile.Slug}/awards")).QuerySelector(".status-message")?.CleanText(), StringComparison.Ordinal);

        // Back to the preview, the text changed and previewed again (the form keeps its token): saved as new.
        var form = (IHtmlFormElement)preview.QuerySelector("form.item-form")!;
        form.SetAttribute("action", $"{url}?handler=Preview");
        using var again = await owner.SubmitAsync(form, url, Text("Teaching Award, 2020"));
        var changed = await again.ReadDocumentAsync();
        (await SaveAsync(owner, url, changed)).AssertRedirectsTo($"/edit/{profile.Slug}/awards");
        Assert.Equal(3, await factory.ReadAsync(db => db.Awards.CountAsync(a => a.ResearcherId == profile.Id)));
    }

    [Fact]
    public async Task Saving_the_same_preview_several_times_at_once_adds_its_items_once()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Paste At Once"));
        var url = $"/edit/{profile.Slug}/awards/paste";
        var preview = await PreviewAsync(owner, url, "Best Paper Award — ACL, 2023\nOutstanding Reviewer, EMNLP 2022");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SaveAsync(owner, url, preview)));

        foreach (var response in responses)
        {
            response.AssertRedirectsTo($"/edit/{profile.Slug}/awards");
            response.Dispose();
        }
        Assert.Equal(2, await factory.ReadAsync(db => db.Awards.CountAsync(a => a.ResearcherId == profile.Id)));
    }

    [Fact]
    public async Task Pasted_awards_are_added_after_the_existing_ones_in_the_order_pasted()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Paste Awards").WithAward(new Award { Title = "Old prize", Year = 2010 }));
        var url = $"/edit/{profile.Slug}/awards/paste";
        var preview = await PreviewAsync(owner, url, "Best Paper Award — ACL, 2023 (1 of 3000)\nOutstanding Reviewer, EMNLP 2022");
        Assert.Equal(["Best Paper Award, ACL, 2023 (1 of 3000)", "Outstanding Reviewer, EMNLP, 2022"],
            preview.QuerySelectorAll(".editor-preview li").Select(l => l.CleanText()));

        (await SaveAsync(owner, url, preview)).AssertRedirectsTo($"/edit/{profile.Slug}/awards");

        var awards = await factory.ReadAsync(db => db.Awards.Where(a => a.ResearcherId == profile.Id).OrderBy(a => a.SortOrder).ToListAsync());
        Assert.Equal(["Old prize|||2010", "Best Paper Award|ACL|1 of 3000|2023", "Outstanding Reviewer|EMNLP||2022"],
            awards.Select(a => $"{a.Title}|{a.Issuer}|{a.Note}|{a.Year}"));
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{profile.Slug}");
        Assert.Contains("Best Paper Award, ACL, 2023", page.Section("Awards")!.CleanText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pasted_service_merges_years_into_a_role_and_venue_the_profile_has()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Paste Service").WithService("Reviewer", "ACL", 2020, 2021));
        var url = $"/edit/{profile.Slug}/service/paste";
        var preview = await PreviewAsync(owner, url, "Reviewer — ACL 2021, 2022; EMNLP 2022, 2023\nProgram Committee Member: AAAI (2020–2022)");
        Assert.Contains("adds 2022 to the one on your profile", preview.QuerySelector(".editor-preview li")?.CleanText(), StringComparison.Ordinal);
        Assert.Equal("Save these 3 items", preview.QuerySelector("form.item-form button.button-primary")?.CleanText());

        (await SaveAsync(owner, url, preview)).AssertRedirectsTo($"/edit/{profile.Slug}/service");

        var roles = await factory.ReadAsync(db => db.ServiceRoles.Where(s => s.ResearcherId == profile.Id).OrderBy(s => s.SortOrder).ToListAsync());
        Assert.Equal(["Reviewer|ACL|2020,2021,2022", "Reviewer|EMNLP|2022,2023", "Program Committee Member|AAAI|2020,2021,2022"],
            roles.Select(r => $"{r.Role}|{r.Venue}|{string.Join(',', r.Years)}"));
        Assert.Single(await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == profile.Id).Select(r => r.ChangeSet).Distinct().ToListAsync()));
    }

    [Fact]
    public async Task The_section_editors_link_to_their_paste_box()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();

        foreach (var section in new[] { "news", "awards", "service" })
        {
            var page = await owner.GetDocumentAsync($"/edit/{profile.Slug}/{section}");
            Assert.NotNull(page.QuerySelector($"a[href='/edit/{profile.Slug}/{section}/paste']"));
        }
    }

    [Fact]
    public async Task Every_paste_page_state_is_valid_html()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Paste Markup").WithService("Reviewer", "ACL", 2020));
        var lines = new Dictionary<string, string>
        {
            ["news"] = "2023-05 Four papers <accepted> & [a link](https://example.org)",
            ["awards"] = "Best Paper Award — ACL, 2023 (1 of “3000”)",
            ["service"] = "Reviewer — ACL 2021; EMNLP 2022",
        };
        var pages = new Dictionary<string, string>();
        foreach (var (section, line) in lines)
        {
            var url = $"/edit/{profile.Slug}/{section}/paste";
            pages[url] = await owner.GetStringAsync(new Uri(url, UriKind.Relative));
            foreach (var (state, text) in new[] { ("preview", line), ("problems", $"{line}\n2023\n—"), ("empty", "") })
            {
                using var response = await owner.SubmitFormAsync(url, Text(text), "form.item-form");
                pages[$"{url} {state}"] = await response.Content.ReadAsStringAsync();
            }
        }
        Assert.Contains("class=\"editor-preview\"", pages[$"/edit/{profile.Slug}/service/paste preview"], StringComparison.Ordinal);
        Assert.Contains("class=\"field-error paste-problems\"", pages[$"/edit/{profile.Slug}/news/paste problems"], StringComparison.Ordinal);

        var problems = await HtmlChecker.ErrorsAsync(pages);

        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }
}
