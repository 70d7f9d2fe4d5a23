using System.Net;
using System.Text.Json;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Pages;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>A site whose configured public address differs from the one tests send requests to.</summary>
public sealed class PublicAddressSiteFactory : ProfilesAppFactory
{
    public const string Origin = "https://profiles.example.org";

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
        new Dictionary<string, string> { [PublicUrl.Key] = Origin };
}

/// <summary>A profile's schema.org ProfilePage JSON-LD: the Person as the page shows it, and nothing the owner hides.</summary>
public sealed class StructuredDataTests(PublicAddressSiteFactory factory) : IClassFixture<PublicAddressSiteFactory>
{
    private const string Origin = PublicAddressSiteFactory.Origin;

    private readonly HttpClient _visitor = factory.CreateVisitor();

    private static ResearcherBuilder FullProfile(string name) => new ResearcherBuilder(name)
        .With(r =>
        {
            r.GivenName = "Ada";
            r.FamilyName = "Lovelace";
            r.NameVariants = ["A. Lovelace", "Lovelace, Ada"];
            r.Headline = "Analyst of engines";
            r.Affiliation = "University of London";
            r.Interests = ["analytical engines", "poetical science"];
            r.PhotoPath = "/media/photos/ada.jpg";
            r.Email = "ada@example.org";
            r.ShowEmail = true;
            r.Website = "https://ada.example.org/";
            r.UpdatedAt = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
        })
        .WithLink(ProfileLinkKind.Orcid, "http://orcid.org/0000-0002-1825-0097/")
        .WithLink(ProfileLinkKind.GoogleScholar, "https://scholar.google.com/citations?user=ADA")
        .WithLink(ProfileLinkKind.Dblp, "https://dblp.org/pid/31/1161.html")
        .WithLink(ProfileLinkKind.GitHub, "https://github.com/ada")
        .WithLink(ProfileLinkKind.Cv, "https://ada.example.org/cv.pdf")
        .WithLink(ProfileLinkKind.Twitter, "https://twitter.example.org/hidden-ada", visible: false)
        .WithPosition(new Position { Title = "Research Fellow", Employer = "Analytical Society", Start = new PartialDate(2020) })
        .WithPosition(new Position { Title = "Tutor", Employer = "Old College", Start = new PartialDate(2010), End = new PartialDate(2015) })
        .WithEducation(new Education { Degree = "PhD", Institution = "University of Cambridge", Start = new PartialDate(2005), End = new PartialDate(2009) })
        .WithEducation(new Education { Degree = "MSc", Institution = "Hidden Institute", IsVisible = false })
        .WithAward(new Award { Title = "Best Paper Award", Issuer = "NeurIPS", Year = 2023 })
        .WithAward(new Award { Title = "Hidden Prize", IsVisible = false });

    [Fact]
    public async Task A_profile_is_a_profile_page_about_its_person()
    {
        var profile = await FullProfile("Ada Lovelace").SaveAsync(factory);
        var url = $"{Origin}/people/{profile.Slug}";

        var page = await JsonLdAsync($"/people/{profile.Slug}");

        Assert.Equal("https://schema.org", page.GetProperty("@context").GetString());
        Assert.Equal("ProfilePage", page.GetProperty("@type").GetString());
        Assert.Equal(url, page.GetProperty("url").GetString());
        Assert.Equal("2025-03-04T05:06:07Z", page.GetProperty("dateModified").GetString());
        var person = page.GetProperty("mainEntity");
        Assert.Equal("Person", person.GetProperty("@type").GetString());
        Assert.Equal("Ada Lovelace", person.GetProperty("name").GetString());
        Assert.Equal("Ada", person.GetProperty("givenName").GetString());
        Assert.Equal("Lovelace", person.GetProperty("familyName").GetString());
        Assert.Equal(["A. Lovelace", "Lovelace, Ada"], Strings(person, "alternateName"));
        Assert.Equal("Research Fellow", person.GetProperty("jobTitle").GetString());
        Assert.Equal("Analyst of engines", person.GetProperty("description").GetString());
        Assert.Equal([("Organization", "University of London"), ("Organization", "Analytical Society")], Organizations(person, "worksFor"));
        Assert.Equal([("Organization", "University of London")], Organizations(person, "affiliation"));
        Assert.Equal([("EducationalOrganization", "University of Cambridge")], Organizations(person, "alumniOf"));
        Assert.Equal(["Best Paper Award, NeurIPS, 2023"], Strings(person, "award"));
        Assert.Equal(["analytical engines", "poetical science"], Strings(person, "knowsAbout"));
        Assert.Equal($"{Origin}/media/photos/ada.jpg", person.GetProperty("image").GetString());
        Assert.Equal(url, person.GetProperty("url").GetString());
        Assert.Equal("ada@example.org", person.GetProperty("email").GetString());
        Assert.Equal(
            [
                "https://ada.example.org/",
                "https://orcid.org/0000-0002-1825-0097",
                "https://scholar.google.com/citations?user=ADA",
                "https://dblp.org/pid/31/1161.html",
                "https://github.com/ada",
            ],
            Strings(person, "sameAs"));
    }

    [Fact]
    public async Task The_page_is_dated_by_its_last_change_also_when_only_an_item_changed()
    {
        var profile = await new ResearcherBuilder("Dated Person")
            .With(r => r.UpdatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .SaveAsync(factory);
        Assert.Equal("2024-01-01T00:00:00Z", (await JsonLdAsync($"/people/{profile.Slug}")).GetProperty("dateModified").GetString());

        await factory.ChangeDataAsync(db =>
        {
            db.Revisions.Add(new ProfileRevision
            {
                ResearcherId = profile.Id,
                At = new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.Zero),
                EntityType = nameof(Award),
                Action = RevisionAction.Created,
            });
            return Task.CompletedTask;
        });

        Assert.Equal("2025-06-07T08:09:10Z", (await JsonLdAsync($"/people/{profile.Slug}")).GetProperty("dateModified").GetString());
    }

    [Fact]
    public async Task Hidden_items_and_hidden_sections_are_not_in_the_json_ld()
    {
        var profile = await FullProfile("Ada Hidden")
            .With(r =>
            {
                r.ShowEmail = false;
                r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Awards, IsVisible = false });
                r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Education, IsVisible = false });
                r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Experience, IsVisible = false });
            })
            .SaveAsync(factory);

        var html = await _visitor.GetStringAsync(new Uri($"/people/{profile.Slug}", UriKind.Relative));
        var person = (await JsonLdAsync($"/people/{profile.Slug}")).GetProperty("mainEntity");

        Assert.False(person.TryGetProperty("award", out _));
        Assert.False(person.TryGetProperty("alumniOf", out _));
        Assert.False(person.TryGetProperty("email", out _));
        // Without the Experience section there is no current position: the headline says what the person does.
        Assert.Equal("Analyst of engines", person.GetProperty("jobTitle").GetString());
        Assert.Equal([("Organization", "University of London")], Organizations(person, "worksFor"));
        foreach (var hidden in new[] { "Best Paper Award", "Hidden Prize", "University of Cambridge", "Hidden Institute", "Analytical Society", "ada@example.org", "hidden-ada" })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_minimal_profile_has_only_the_properties_it_can_fill()
    {
        var profile = await new ResearcherBuilder("Plain Person").SaveAsync(factory);

        var person = (await JsonLdAsync($"/people/{profile.Slug}")).GetProperty("mainEntity");

        Assert.Equal(
            ["@type", "@id", "name", "url", "givenName", "familyName"],
            person.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_name_and_headline_that_close_the_script_element_stay_inside_the_json()
    {
        const string Name = "Eve </script><script>alert(1)</script>";
        const string Headline = "\"Quoted\" & 'single' <!-- </SCRIPT >";
        var profile = await new ResearcherBuilder("Eve Hostile").With(r => { r.DisplayName = Name; r.Headline = Headline; }).SaveAsync(factory);

        using var response = await _visitor.GetAsync(new Uri($"/people/{profile.Slug}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</SCRIPT >", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        var inline = Assert.Single(page.Document.QuerySelectorAll("script"), s => !s.HasAttribute("src"));
        Assert.Equal("application/ld+json", inline.GetAttribute("type"));
        using var document = JsonDocument.Parse(inline.TextContent);
        var person = document.RootElement.GetProperty("mainEntity");
        Assert.Equal(Name, person.GetProperty("name").GetString());
        Assert.Equal(Headline, person.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_paper_page_and_the_profile_write_their_json_ld_alike()
    {
        var owner = await new ResearcherBuilder("Jürgen Ölund").SaveAsync(factory);
        var paper = await new PublicationBuilder("Über <Bäume> & Wälder").Author(owner).ShownOn(owner).SaveAsync(factory);

        var profileHtml = await _visitor.GetStringAsync(new Uri($"/people/{owner.Slug}", UriKind.Relative));
        var paperHtml = await _visitor.GetStringAsync(new Uri($"/publications/{paper.Id}/{PaperSlug.For(paper.Title)}".TrimEnd('/'), UriKind.Relative));

        // Letters as themselves, the characters that matter to HTML as JSON escapes.
        Assert.Contains("\"name\":\"Jürgen Ölund\"", profileHtml, StringComparison.Ordinal);
        Assert.Contains("\"headline\":\"Über \\u003CBäume\\u003E \\u0026 Wälder\"", paperHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_kept_writer_starts_each_document_afresh_after_a_failure_a_nested_call_or_a_large_one()
    {
        Assert.Throws<InvalidOperationException>(() => StructuredData.ForScript(json =>
        {
            json.WriteStartObject();
            json.WriteString("half", "written");
            throw new InvalidOperationException("the page failed midway");
        }));
        Assert.Equal("{\"a\":1}", StructuredData.ForScript(json => Object(json, "a", 1)));

        var outer = StructuredData.ForScript(json =>
        {
            json.WriteStartObject();
            json.WriteString("inner", StructuredData.ForScript(inner => Object(inner, "b", 2)));
            json.WriteEndObject();
        });
        Assert.Equal("{\"inner\":\"{\\u0022b\\u0022:2}\"}", outer);

        var large = new string('x', 100_000);
        Assert.Equal(100_002, StructuredData.ForScript(json => json.WriteStringValue(large)).Length);
        Assert.Equal("{\"c\":3}", StructuredData.ForScript(json => Object(json, "c", 3)));

        static void Object(Utf8JsonWriter json, string name, int value)
        {
            json.WriteStartObject();
            json.WriteNumber(name, value);
            json.WriteEndObject();
        }
    }

    private async Task<JsonElement> JsonLdAsync(string path)
    {
        var page = await _visitor.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var json = Assert.Single(page.Document.QuerySelectorAll("script[type='application/ld+json']")).TextContent;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static List<string?> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();

    private static List<(string?, string?)> Organizations(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => (e.GetProperty("@type").GetString(), e.GetProperty("name").GetString())).ToList();
}
