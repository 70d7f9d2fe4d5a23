using System.Net;
using AngleSharp.Html.Dom;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>The editor's home page: the profile's own fields, the About preview, slug changes and stale saves.</summary>
public sealed class BasicsEditorTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private readonly HttpClient _visitor = factory.CreateVisitor();

    [Fact]
    public async Task The_editor_home_links_to_every_section()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();

        var page = await owner.GetPageAsync($"/edit/{profile.Slug}");

        var links = page.Document.QuerySelectorAll("nav.editor-nav a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var section in new[] { "photo", "links", "education", "positions", "news", "publications", "projects", "awards", "service", "talks", "writing", "layout", "history" })
        {
            Assert.Contains($"/edit/{profile.Slug}/{section}", links);
        }
        Assert.Equal("page", page.Document.QuerySelector($"nav.editor-nav a[href='/edit/{profile.Slug}']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Owner_changes_every_basic_field_and_the_public_page_shows_it_at_once()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var before = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.DoesNotContain("Principal Scientist", before.BodyText, StringComparison.Ordinal);

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ada K. Lovelace",
            ["Input.GivenName"] = "Ada",
            ["Input.FamilyName"] = "Lovelace",
            ["Input.Pronouns"] = "she/her",
            ["Input.Headline"] = "Principal Scientist at Analytical Engines",
            ["Input.Affiliation"] = "Analytical Engines Ltd.",
            ["Input.Location"] = "London",
            ["Input.Email"] = "ada@example.org",
            ["Input.ShowEmail"] = "true",
            ["Input.Phone"] = "+44 20 7946 0000",
            ["Input.Website"] = "https://ada.example.org/home/",
            ["Input.Interests"] = "Machine learning, Retrieval\nEvaluation",
            ["Input.Skills"] = "C/C++, R, Python\nPyTorch",
            ["Input.NameVariants"] = "A. Lovelace\nLovelace, Ada",
            ["Input.PublicationsNote"] = "Full list at Google Scholar.",
            ["Input.AboutMarkdown"] = "I build **engines**.\n\n1. One\n2. Two",
        }, "form.basics-form");

        response.AssertRedirectsTo($"/edit/{profile.Slug}");
        var page = await _visitor.GetPageAsync($"/people/{profile.Slug}");
        Assert.Equal("Ada K. Lovelace (she/her)", page.TextOf("h1"));
        Assert.Equal("Principal Scientist at Analytical Engines", page.TextOf(".headline"));
        Assert.Equal("Analytical Engines Ltd. · London", page.TextOf(".affiliation"));
        Assert.NotNull(page.Document.QuerySelector("a[href='mailto:ada@example.org']"));
        Assert.DoesNotContain("7946", page.BodyText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='https://ada.example.org/home/']"));
        Assert.Equal(["Machine learning", "Retrieval", "Evaluation"], page.TextsOf(".tags li"));
        Assert.Equal(["C/C++, R, Python", "PyTorch"], page.TextsOf(".skills li"));
        Assert.Equal("engines", page.Document.QuerySelector("#about-heading + p strong")?.TextContent);
        Assert.Equal(2, page.Document.QuerySelectorAll(".prose ol li").Length);

        var saved = await factory.ResearcherAsync(profile.Id);
        Assert.Equal(["A. Lovelace", "Lovelace, Ada"], saved.NameVariants);
        Assert.Equal("Full list at Google Scholar.", saved.PublicationsNote);
        Assert.False(saved.ShowPhone);
        Assert.Equal("+44 20 7946 0000", saved.Phone);
        var editor = await owner.GetPageAsync($"/edit/{profile.Slug}");
        Assert.Contains("Saved.", editor.TextOf(".status-message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_slug_moves_the_editor_and_the_public_page()
    {
        var (profile, owner) = await factory.OwnedProfileAsync();
        var newSlug = $"moved-{Guid.NewGuid():N}"[..20];

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Slug"] = newSlug }, "form.basics-form");

        response.AssertRedirectsTo($"/edit/{newSlug}");
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetPageAsync($"/people/{newSlug}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetPageAsync($"/people/{profile.Slug}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetPageAsync($"/edit/{newSlug}")).Status);
    }

    public static TheoryData<string, string, string> Rules => new()
    {
        { "Input.DisplayName", "", "Enter the name shown on the profile." },
        { "Input.DisplayName", "\u200B\u200B \u2028\u200E", "Enter the name shown on the profile." },
        { "Input.FamilyName", "", "Enter the family name; the directory sorts by it." },
        { "Input.DisplayName", new string('x', 201), "The display name is at most 200 characters." },
        { "Input.Slug", "", "Enter the profile's address." },
        { "Input.Slug", "Ada Lovelace", "Use lowercase letters, digits and single hyphens between them, e.g. ada-lovelace." },
        { "Input.Slug", "ada--lovelace", "Use lowercase letters, digits and single hyphens between them, e.g. ada-lovelace." },
        { "Input.Slug", "-ada", "Use lowercase letters, digits and single hyphens between them, e.g. ada-lovelace." },
        { "Input.Slug", new string('a', 65), "The address is at most 64 characters." },
        { "Input.Slug", "admin", "“admin” is reserved for the site's own pages; choose another address." },
        { "Input.Slug", "edit", "“edit” is reserved for the site's own pages; choose another address." },
        { "Input.Slug", "robots", "“robots” is reserved for the site's own pages; choose another address." },
        { "Input.Email", "not-an-email", "Enter a valid email address, e.g. name@example.org." },
        { "Input.Website", "javascript:alert(1)", "Website must be a web address starting with http:// or https://." },
        { "Input.Headline", new string('x', 301), "The headline is at most 300 characters." },
        { "Input.Pronouns", new string('x', 41), "The pronouns are at most 40 characters." },
        { "Input.Phone", new string('1', 51), "The phone number is at most 50 characters." },
        { "Input.Interests", "fine\n" + new string('x', 101), "Each interest is at most 100 characters; “xxxxxxxxxxxxxxxxxxxx…” is longer." },
        { "Input.AboutMarkdown", new string('x', 20_001), "The About text is at most 20000 characters." },
        { "Input.AboutMarkdown", new string('>', 130) + " x", "This text nests quotes or lists more than 100 levels deep; at most 16 levels are allowed." },
        { "Input.PublicationsNote", "> > > > > > > > > > > > > > > > > > note", "This text nests quotes or lists 18 levels deep; at most 16 levels are allowed." },
        { "Input.AboutMarkdown", string.Concat(Enumerable.Repeat("![", 9_999)), "This text opens more than 32 square brackets “[” before closing them, which cannot be shown as Markdown; remove some of the repeated brackets, or write “\\[” for a bracket that is not a link." },
        { "Input.AboutMarkdown", string.Concat(Enumerable.Repeat("*a* ", 2_500)), "This text has 5,000 emphasis and link marks (* _ ~ ^ == ++ and “](”) outside code; at most 2,000 can be shown as Markdown. Put a long listing in a code block (between two lines of ```), or write a backslash before a mark that is only a character (\\*)." },
        { "Input.AboutMarkdown", new string('[', 9_999) + "x" + new string(']', 9_999), "This text opens more than 32 square brackets “[” before closing them, which cannot be shown as Markdown; remove some of the repeated brackets, or write “\\[” for a bracket that is not a link." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Invalid_basics_are_explained_next_to_the_field_and_change_nothing(string field, string value, string message)
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Basic Rules").With(r => r.Headline = "Unchanged"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}",
            new Dictionary<string, string> { [field] = value, ["Input.Headline"] = field == "Input.Headline" ? value : "Changed" }, "form.basics-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var id = field.Replace('.', '_');
        Assert.Equal(message, page.QuerySelector($"#{id}-error")?.TextContent.Trim());
        Assert.Contains($"{id}-error", page.QuerySelector($"#{id}")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".form-errors[role=alert]"));
        var saved = await factory.ResearcherAsync(profile.Id);
        Assert.Equal("Unchanged", saved.Headline);
        Assert.Equal(profile.Slug, saved.Slug);
        Assert.Equal(profile.Version, saved.Version);
    }

    [Fact]
    public async Task A_checkbox_posted_with_a_value_that_is_not_true_or_false_is_a_field_message()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Maybe Checkbox").With(r => r.Headline = "Unchanged"));

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}",
            new Dictionary<string, string> { ["Input.ShowEmail"] = "maybe", ["Input.Headline"] = "Changed" }, "form.basics-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("“Show the email address on the public profile” is a tick box: tick it or leave it clear.", page.QuerySelector("#Input_ShowEmail-error")?.TextContent.Trim());
        Assert.Equal("Changed", ((IHtmlInputElement)page.QuerySelector("#Input_Headline")!).Value);
        Assert.Equal("Unchanged", (await factory.ResearcherAsync(profile.Id)).Headline);
    }

    [Fact]
    public async Task A_slug_another_profile_uses_is_refused_next_to_the_field()
    {
        var taken = await new ResearcherBuilder("Slug Holder").SaveAsync(factory);
        var (profile, owner) = await factory.OwnedProfileAsync();

        using var response = await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Slug"] = taken.Slug }, "form.basics-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Another profile already uses this address.", page.QuerySelector("#Input_Slug-error")?.TextContent.Trim());
        Assert.Equal(profile.Slug, (await factory.ResearcherAsync(profile.Id)).Slug);
    }

    [Fact]
    public async Task Preview_renders_the_about_text_like_the_public_page_and_saves_nothing()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Pre View").With(r => r.AboutMarkdown = "Old text"));
        var url = $"/edit/{profile.Slug}";

        using var response = await owner.SubmitToAsync(url, $"{url}?handler=Preview",
            new Dictionary<string, string> { ["Input.AboutMarkdown"] = "## Research\n\nSee [my lab](https://lab.example.org) and <script>alert(1)</script>" },
            "form.basics-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var preview = page.QuerySelector(".editor-preview .prose")!;
        Assert.Equal("Research", preview.QuerySelector("h3")?.TextContent);
        Assert.Equal("https://lab.example.org", preview.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(preview.QuerySelector("script"));
        Assert.Contains("## Research", page.QuerySelector("#Input_AboutMarkdown")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Old text", (await factory.ResearcherAsync(profile.Id)).AboutMarkdown);
        Assert.Equal($"{url}#form-errors", page.QuerySelector("form.basics-form")!.GetAttribute("action"));
    }

    [Fact]
    public async Task A_stale_basics_form_lists_what_changed_meanwhile_and_does_not_overwrite_it()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Stale Basics").With(r => r.Headline = "First headline"));
        var url = $"/edit/{profile.Slug}";
        var staleForm = (IHtmlFormElement)(await owner.GetDocumentAsync(url)).QuerySelector("form.basics-form")!;

        var admin = await factory.SignedInAdminAsync();
        (await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Headline"] = "Admin's headline", ["Input.Location"] = "Paris" }, "form.basics-form"))
            .AssertRedirectsTo(url);

        using var response = await owner.SubmitAsync(staleForm, url, new Dictionary<string, string> { ["Input.Headline"] = "Owner's headline" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("This profile was changed by someone else since you opened it", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        var changes = page.QuerySelectorAll(".conflict-changes dt").Select(dt => dt.TextContent).ToList();
        Assert.Equal(["Headline", "Location"], changes);
        Assert.Equal(["now: Admin's headline", "now: Paris"], page.QuerySelectorAll(".conflict-changes dd").Select(dd => dd.TextContent));
        var saved = await factory.ResearcherAsync(profile.Id);
        Assert.Equal("Admin's headline", saved.Headline);
        Assert.Equal("Paris", saved.Location);
        Assert.Equal("Owner's headline", ((IHtmlInputElement)page.QuerySelector("#Input_Headline")!).Value);
    }

    [Fact]
    public async Task Over_posted_owner_visibility_and_id_fields_are_ignored()
    {
        var other = await new ResearcherBuilder("Someone Else").SaveAsync(factory);
        var (profile, owner) = await factory.OwnedProfileAsync();
        var ownerId = (await factory.ResearcherAsync(profile.Id)).OwnerId;

        var fields = new Dictionary<string, string> { ["Input.Headline"] = "Over-poster" };
        foreach (var prefix in new[] { "", "Input." })
        {
            fields[prefix + "OwnerId"] = "attacker";
            fields[prefix + "IsHidden"] = "true";
            fields[prefix + "Id"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[prefix + "DeletedAt"] = "2020-01-01";
            fields[prefix + "PhotoPath"] = "/media/photos/00000000000000000000000000000000.png";
        }
        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", fields, "form.basics-form")).AssertRedirectsTo($"/edit/{profile.Slug}");

        var saved = await factory.ResearcherAsync(profile.Id);
        Assert.Equal("Over-poster", saved.Headline);
        Assert.Equal(ownerId, saved.OwnerId);
        Assert.False(saved.IsHidden);
        Assert.Null(saved.DeletedAt);
        Assert.Null(saved.PhotoPath);
        var untouched = await factory.ResearcherAsync(other.Id);
        Assert.Null(untouched.Headline);
        Assert.Equal(other.Version, untouched.Version);
    }
}
