using System.Net;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>Text that is not text (NUL and other control characters, broken UTF-8) in any posted field.</summary>
public sealed class FormInputTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task Control_characters_in_basics_fields_are_dropped_and_the_rest_is_saved()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Nul Byte"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Head\0line\u0007 with\u009B controls\uD800",
            ["Input.AboutMarkdown"] = "First\r\nsecond\0",
        }, "form.basics-form");

        response.AssertRedirectsTo($"/edit/{profile.Slug}");
        var saved = await factory.ResearcherAsync(profile.Id);
        Assert.Equal("Headline with controls", saved.Headline);
        Assert.Equal("First\nsecond", saved.AboutMarkdown);
    }

    [Theory]
    [InlineData("a[")]
    [InlineData("[")]
    [InlineData("Input[")]
    [InlineData("Input[Headline")]
    public async Task A_field_name_with_a_bracket_left_open_is_ignored_and_the_form_is_saved(string name)
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Open Bracket"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string>
        {
            [name] = "1",
            ["Input.Headline"] = "Saved all the same",
        }, "form.basics-form");

        response.AssertRedirectsTo($"/edit/{profile.Slug}");
        Assert.Equal("Saved all the same", (await factory.ResearcherAsync(profile.Id)).Headline);
        using var anonymous = await factory.CreateVisitor().PostAsync(new Uri($"/account/login?{Uri.EscapeDataString(name)}=1", UriKind.Relative),
            new FormUrlEncodedContent([new(name, "1"), new("Input.Email", "nobody@example.org")]));
        Assert.True(anonymous.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{anonymous.StatusCode}");
    }

    [Fact]
    public async Task A_nul_byte_in_a_field_of_an_invalid_form_comes_back_without_it_next_to_the_messages()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Nul Invalid"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}/news", new Dictionary<string, string>
        {
            ["Input.Date"] = "",
            ["Input.BodyMarkdown"] = "Typed\0 text",
        }, "form.item-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter the date of the news item.", page.QuerySelector("#Input_Date-error")?.TextContent.Trim());
        Assert.Equal("Typed text", page.QuerySelector("#Input_BodyMarkdown")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("links", "Input.Kind", "maybe", "Choose Kind from the list; “maybe” is not one of its choices.")]
    [InlineData("positions", "Input.Kind", "Boss", "Choose Kind from the list; “Boss” is not one of its choices.")]
    [InlineData("awards", "Input.Year", "maybe", "Enter the year as four digits, such as 2020.")]
    [InlineData("awards", "Input.Year", "99999999999999999999", "Enter the year as four digits, such as 2020.")]
    [InlineData("awards", "Input.Year", "2019-2020", "Enter one year, such as 2020; put a range in the note.")]
    [InlineData("awards", "Input.Year", "2019–2020", "Enter one year, such as 2020; put a range in the note.")]
    public async Task A_value_that_does_not_convert_to_its_field_is_a_field_message(string section, string field, string value, string message)
    {
        var spec = SectionSpecs.All[section];
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Bad Value"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}/{section}",
            new Dictionary<string, string>(spec.Valid) { [field] = value }, "form.item-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(message, page.QuerySelector($"#{field.Replace('.', '_')}-error")?.TextContent.Trim());
        Assert.Empty(await factory.ItemsAsync(section, profile.Id));
    }

    [Fact]
    public async Task A_publication_year_that_is_not_a_number_says_so_in_words()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Word Year"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "A paper",
            ["Input.Year"] = "2019-2020",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).QuerySelector(".form-errors")!.TextContent;
        Assert.Contains("Year must be a whole number; “2019-2020” is not one.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publication_checkbox_posted_as_maybe_is_a_field_message()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Maybe Paper"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Maybe equal",
            ["Input.Authors[0].EqualContribution"] = "maybe",
            ["Input.Type"] = "NotAType",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var errors = page.QuerySelector(".form-errors")!.TextContent;
        Assert.Contains("“Equal contribution” is a tick box: tick it or leave it clear.", errors, StringComparison.Ordinal);
        Assert.Contains("Choose Type from the list; “NotAType” is not one of its choices.", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid for", errors, StringComparison.Ordinal);
        Assert.Equal("Maybe equal", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a\0b", "ab")]
    [InlineData("tab\tand\nnewline", "tab\tand\nnewline")]
    [InlineData("crlf\r\nand\rcr", "crlf\nand\ncr")]
    [InlineData("c1\u0085\u009Fgone\u007F", "c1gone")]
    [InlineData("lone \uDC00surrogate\uD800", "lone surrogate")]
    [InlineData("emoji \uD83D\uDE00 kept", "emoji \uD83D\uDE00 kept")]
    [InlineData("broken \uFFFD utf-8", "broken  utf-8")]
    public void Control_characters_are_stripped_by_one_rule(string text, string expected) =>
        Assert.Equal(expected, ControlCharacters.Strip(text));

    [Theory]
    [InlineData("\u200B \u2028\u2029\u200E\u202E\uFEFF\n", "")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    [InlineData("\u200Bname\u200B", "\u200Bname\u200B")]
    [InlineData("\u00A0.", "\u00A0.")]
    [InlineData("\u4E2D", "\u4E2D")]
    public void A_value_of_nothing_visible_is_empty(string text, string expected) =>
        Assert.Equal(expected, ControlCharacters.StripToVisible(text));

    [Fact]
    public async Task A_news_item_of_invisible_characters_is_refused_as_empty()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Invisible News"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}/news", new Dictionary<string, string>
        {
            ["Input.Date"] = "2026",
            ["Input.BodyMarkdown"] = "\u200B \u2028",
        }, "form.item-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter the text of the news item.", page.QuerySelector("#Input_BodyMarkdown-error")?.TextContent.Trim());
        Assert.Empty(await factory.ItemsAsync("news", profile.Id));
    }
}
