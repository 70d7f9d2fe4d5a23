using System.Net;
using System.Text.Json;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>The CV as a JSON Resume (schema v1.0.0): <c>/people/{slug}/resume.json</c>.</summary>
public sealed class JsonResumeTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task The_resume_has_the_schema_shape_and_only_what_the_profile_shows()
    {
        var researcher = await CvSamples.FullProfile("Json Person").SaveAsync(factory);

        using var response = await _visitor.GetAsync(new Uri($"/people/{researcher.Slug}/resume.json", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(CvSamples.HiddenTitle, body, StringComparison.Ordinal);
        Assert.DoesNotContain(CvSamples.HiddenEmail, body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json", root.GetProperty("$schema").GetString());
        var basics = root.GetProperty("basics");
        Assert.Equal("Json Person", basics.GetProperty("name").GetString());
        Assert.Equal("Research Scientist", basics.GetProperty("label").GetString());
        Assert.Equal("+1 555 0100", basics.GetProperty("phone").GetString());
        Assert.False(basics.TryGetProperty("email", out _));
        Assert.StartsWith("http", basics.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://github.com/example-cv", basics.GetProperty("profiles")[0].GetProperty("url").GetString());
        Assert.Equal(["Newest Paper on Streams", "Older Paper on Lakes"], root.GetProperty("publications").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["2024-05", "2019"], root.GetProperty("publications").EnumerateArray().Select(p => p.GetProperty("releaseDate").GetString()));
        Assert.Equal("Water Lab", root.GetProperty("work")[0].GetProperty("name").GetString());
        Assert.Equal(("Lake University", "PhD", "Hydrology"), (
            root.GetProperty("education")[0].GetProperty("institution").GetString(),
            root.GetProperty("education")[0].GetProperty("studyType").GetString(),
            root.GetProperty("education")[0].GetProperty("area").GetString()));
        Assert.Equal("Best Paper Award", root.GetProperty("awards")[0].GetProperty("title").GetString());
        Assert.Equal(["Python", "Rust"], root.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("River Modelling", root.GetProperty("projects")[0].GetProperty("name").GetString());
        Assert.Equal(2, root.GetProperty("volunteer").GetArrayLength());
        // Every date the schema's iso8601 pattern accepts: YYYY, YYYY-MM or YYYY-MM-DD.
        foreach (var date in Dates(root))
        {
            Assert.Matches(@"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$", date);
        }
    }

    [Fact]
    public async Task Hidden_and_unknown_profiles_have_no_resume()
    {
        var hidden = await new ResearcherBuilder("Hidden Json Person").Hidden().SaveAsync(factory);

        foreach (var slug in new[] { hidden.Slug, "nobody-by-this-name" })
        {
            using var response = await _visitor.GetAsync(new Uri($"/people/{slug}/resume.json", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static IEnumerable<string> Dates(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "startDate" or "endDate" or "date" or "releaseDate" && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }
                foreach (var inner in Dates(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in element.EnumerateArray().SelectMany(Dates))
            {
                yield return inner;
            }
        }
    }
}
