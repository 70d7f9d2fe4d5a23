using System.Net;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>Each validation rule of each section form: the message stands next to its field, the summary lists it, and nothing is saved.</summary>
public sealed class ValidationTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string HttpOnly = "must be a web address starting with http:// or https://.";
    private const string DateFormat = "Enter a date such as 2016, Sep 2016 or 2016-09.";
    private const string OpenEndFormat = "Enter a date such as 2016, Sep 2016 or 2016-09, or leave it empty (or “present”) if it goes on.";
    private static readonly string Long201 = new('x', 201);
    private const string NestingLimit = "at most 16 levels are allowed.";

    public static TheoryData<string, string, string, string> Rules => new()
    {
        { "links", "Input.Url", "", "Enter the link's address." },
        { "links", "Input.Url", "javascript:alert(1)", "Address (URL) " + HttpOnly },
        { "links", "Input.Url", "ftp://files.example.org/cv.pdf", "Address (URL) " + HttpOnly },
        { "links", "Input.Label", new string('x', 101), "The label is at most 100 characters." },
        { "education", "Input.Degree", "", "Enter the degree." },
        { "education", "Input.Institution", " ", "Enter the institution." },
        { "education", "Input.Degree", Long201, "The degree is at most 200 characters." },
        { "education", "Input.Start", "Autumn 2018", DateFormat },
        { "education", "Input.Start", "1899", DateFormat },
        { "education", "Input.End", "2101-01", DateFormat },
        { "education", "Input.End", "2017-12", "The end cannot be before the start." },
        { "positions", "Input.Employer", "", "Enter the employer." },
        { "positions", "Input.Start", "2023-13", DateFormat },
        { "positions", "Input.End", "2023-06", "The end cannot be before the start." },
        { "positions", "Input.DescriptionMarkdown", new string('x', 5001), "The description is at most 5000 characters." },
        { "news", "Input.Date", "", "Enter the date of the news item." },
        { "news", "Input.Date", "Mayday 2023", DateFormat },
        { "news", "Input.Date", "2023-02-30", DateFormat },
        { "news", "Input.Date", "2023-99999999999999999999", DateFormat },
        { "education", "Input.Start", "99999999999999999999", DateFormat },
        { "positions", "Input.End", "2023-05-99999999999999999999", OpenEndFormat },
        { "news", "Input.BodyMarkdown", "", "Enter the text of the news item." },
        { "news", "Input.BodyMarkdown", new string('x', 2001), "The text is at most 2000 characters." },
        { "news", "Input.BodyMarkdown", new string('>', 128) + " x", "This text nests quotes or lists more than 100 levels deep; " + NestingLimit },
        { "news", "Input.BodyMarkdown", new string('>', 17) + " x", "This text nests quotes or lists 17 levels deep; " + NestingLimit },
        { "positions", "Input.DescriptionMarkdown", string.Concat(Enumerable.Range(0, 20).Select(i => new string(' ', 2 * i) + "- item\n")), "This text nests quotes or lists 20 levels deep; " + NestingLimit },
        { "awards", "Input.Title", "", "Enter the title of the award." },
        { "awards", "Input.Year", "1899", "The year must be between 1900 and 2100." },
        { "awards", "Input.Year", "2101", "The year must be between 1900 and 2100." },
        { "awards", "Input.Note", new string('x', 301), "The note is at most 300 characters." },
        { "service", "Input.Role", "", "Enter the role." },
        { "service", "Input.Venue", "", "Enter the venue." },
        { "service", "Input.Years", "2021, 20x2", "Years must be a comma-separated list of years between 1900 and 2100, e.g. 2021, 2022." },
        { "service", "Input.Years", "2021, 1899", "Years must be a comma-separated list of years between 1900 and 2100, e.g. 2021, 2022." },
        { "service", "Input.Role", new string('x', 101), "The role is at most 100 characters." },
        { "talks", "Input.Url", "javascript:alert(1)", "Web page " + HttpOnly },
        { "talks", "Input.SlidesUrl", "data:text/html,hi", "Slides " + HttpOnly },
        { "talks", "Input.VideoUrl", "//video.example.org/1", "Video " + HttpOnly },
        { "talks", "Input.Date", "03/04/2024", DateFormat },
        { "writing", "Input.Title", "", "Enter the title." },
        { "writing", "Input.Url", "", "Enter the address." },
        { "writing", "Input.Url", "vbscript:x", "Address (URL) " + HttpOnly },
        { "writing", "Input.Description", new string('x', 501), "The description is at most 500 characters." },
        { "writing", "Input.Date", "2024-00", DateFormat },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Invalid_input_is_explained_next_to_the_field_and_changes_nothing(string section, string field, string value, string message)
    {
        var spec = SectionSpecs.All[section];
        var (profile, owner) = await factory.OwnedProfileAsync(spec.Seed(new ResearcherBuilder("Valid Ation"), "Existing item"));
        var existing = await factory.ItemsAsync(section, profile.Id);
        var url = $"/edit/{profile.Slug}/{section}";

        // Once as a new item, once as an edit of the existing one.
        foreach (var target in new[] { url, $"{url}/{existing[0].Id}" })
        {
            var fields = new Dictionary<string, string>(spec.Valid) { [field] = value };
            using var response = await owner.SubmitFormAsync(target, fields, "form.item-form");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            var id = field.Replace('.', '_');
            Assert.Equal(message, page.QuerySelector($"#{id}-error")?.TextContent.Trim());
            var input = page.QuerySelector($"#{id}")!;
            Assert.Contains($"{id}-error", input.GetAttribute("aria-describedby"), StringComparison.Ordinal);
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            Assert.Contains(message, page.QuerySelector(".form-errors[role=alert]")!.TextContent, StringComparison.Ordinal);
            // What was typed comes back, so nothing has to be typed again.
            Assert.Equal(value.Trim(), (input.GetAttribute("value") ?? input.TextContent).Trim());
            Assert.Equal(existing, await factory.ItemsAsync(section, profile.Id));
        }
    }

    [Fact]
    public async Task Every_input_of_every_section_form_has_a_label()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        foreach (var url in SectionSpecs.All.Keys.Select(s => $"/edit/{profile.Slug}/{s}").Append($"/edit/{profile.Slug}").Append($"/edit/{profile.Slug}/photo"))
        {
            var page = await owner.GetDocumentAsync(url);
            var inputs = page.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea");
            Assert.NotEmpty(inputs);
            foreach (var input in inputs)
            {
                Assert.True(page.QuerySelector($"label[for='{input.Id}']") is not null, $"{url}: {input.OuterHtml} has no label.");
            }
        }
    }
}
