using System.Globalization;
using System.Text.Json;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Pages.People;

/// <summary>
/// The machine-readable description of a profile: a schema.org ProfilePage whose main entity is the
/// Person, and the card a shared link shows. Both are made from what the page shows, so an item or
/// section the owner hides is absent here too.
/// </summary>
public static class ProfileMetadata
{
    /// <summary>Link kinds that name the person elsewhere; a CV file, a lab or an organisation is not the person.</summary>
    private static readonly HashSet<ProfileLinkKind> IdentityKinds =
    [
        ProfileLinkKind.Website, ProfileLinkKind.GoogleScholar, ProfileLinkKind.SemanticScholar, ProfileLinkKind.Dblp,
        ProfileLinkKind.Orcid, ProfileLinkKind.OpenReview, ProfileLinkKind.GitHub, ProfileLinkKind.Twitter,
        ProfileLinkKind.LinkedIn, ProfileLinkKind.Blog, ProfileLinkKind.Other,
    ];

    /// <summary>What the profile page shows, as the JSON-LD and the card need it.</summary>
    /// <param name="Positions">Visible positions, empty when the Experience section is hidden.</param>
    /// <param name="Education">Visible education, empty when the Education section is hidden.</param>
    /// <param name="Awards">Visible awards, empty when the Awards section is hidden.</param>
    /// <param name="AboutMarkdown">The About text, null when it is empty or its section hidden.</param>
    /// <param name="Modified">When the profile or anything on it last changed.</param>
    public sealed record Shown(
        ResearcherHeader Header,
        IReadOnlyList<LinkView> Links,
        IReadOnlyList<Position> Positions,
        IReadOnlyList<Education> Education,
        IReadOnlyList<Award> Awards,
        string? AboutMarkdown,
        DateTimeOffset Modified)
    {
        private string? _description;

        /// <summary>
        /// The headline, else the start of About as plain text, else a sentence naming the person.
        /// About is read only without a headline: reducing it to text parses its Markdown.
        /// </summary>
        public string Description => _description ??= Excerpt.Of(Header.Headline, PageHead.DescriptionLength)
            ?? Excerpt.Of(MarkdownRenderer.ToPlainText(AboutMarkdown), PageHead.DescriptionLength)
            ?? $"Academic profile of {Header.DisplayName}";
    }

    /// <summary>The card: the headline, else the start of About, else a sentence naming the person.</summary>
    public static SharingCard Card(Shown shown, string? photoUrl)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var h = shown.Header;
        return new SharingCard("profile", h.DisplayName, Description(shown))
        {
            Image = photoUrl,
            ImageAlt = photoUrl is null ? null : $"Photo of {h.DisplayName}",
            FirstName = h.GivenName,
            LastName = h.FamilyName,
        };
    }

    /// <summary>The page's description, for search results and link previews: one line of plain text.</summary>
    public static string Description(Shown shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        return shown.Description;
    }

    /// <summary>The ProfilePage JSON-LD, safe to write inside a script element (<see cref="StructuredData.ForScript(Action{Utf8JsonWriter})"/>).</summary>
    /// <remarks>Written straight to JSON: every uncached profile page makes it, and a tree of JSON nodes first cost twice the time.</remarks>
    public static string JsonLd(Shown shown, string canonicalUrl, string? photoUrl)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var h = shown.Header;
        return StructuredData.ForScript(json =>
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "ProfilePage");
            json.WriteString("@id", canonicalUrl);
            json.WriteString("url", canonicalUrl);
            json.WriteString("name", h.DisplayName);
            json.WriteString("dateModified", StructuredData.DateTime(shown.Modified));
            json.WritePropertyName("mainEntity");
            json.WriteStartObject();
            json.WriteString("@type", "Person");
            json.WriteString("@id", canonicalUrl + "#person");
            json.WriteString("name", h.DisplayName);
            json.WriteString("url", canonicalUrl);
            Text(json, "givenName", h.GivenName);
            Text(json, "familyName", h.FamilyName);
            Texts(json, "alternateName", h.NameVariants.Where(v => !string.Equals(v.Trim(), h.DisplayName, StringComparison.Ordinal)));

            // A title of a current position says what the person does; the headline is the owner's own line about it.
            var current = shown.Positions.Where(p => p.End is null && p.Start is not null).ToList();
            Text(json, "jobTitle", current.Select(p => p.Title).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? h.Headline);
            Text(json, "description", h.Headline);
            Organizations(json, "worksFor", Distinct([h.Affiliation, .. current.Select(p => p.Employer)]), "Organization");
            // A degree under way ties the person to its institution now; a finished one makes an alumnus.
            var studying = shown.Education.Where(e => e.End is null && e.Start is not null).Select(e => e.Institution);
            Organizations(json, "affiliation", Distinct([h.Affiliation, .. studying]), "Organization");
            Organizations(json, "alumniOf", Distinct(shown.Education.Where(e => e.End is not null || e.Start is null).Select(e => e.Institution)), "EducationalOrganization");
            Texts(json, "award", shown.Awards.Select(AwardText));
            Texts(json, "knowsAbout", h.Interests);
            Text(json, "image", photoUrl);
            Text(json, "email", h.Email);
            Texts(json, "sameAs", SameAs(shown));
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>"Best Paper Award, NeurIPS, 2023", as the Awards section reads.</summary>
    private static string AwardText(Award award) =>
        string.Join(", ", new[] { award.Title, award.Issuer, award.Year?.ToString(CultureInfo.InvariantCulture) }.Where(x => !string.IsNullOrWhiteSpace(x)));

    /// <summary>The person's other pages on the web: the website and the profile links that name them, ORCID iDs in their one form.</summary>
    private static IEnumerable<string> SameAs(Shown shown)
    {
        if (shown.Header.SafeWebsite is string website)
        {
            yield return website;
        }
        foreach (var link in shown.Links)
        {
            if (link.ProfileKind is not ProfileLinkKind kind || !IdentityKinds.Contains(kind) || !SafeUrl.IsHttpUrl(link.Url))
            {
                continue;
            }
            yield return kind == ProfileLinkKind.Orcid && ResearcherIds.NormalizeOrcid(link.Url) is string orcid
                ? "https://orcid.org/" + orcid
                : link.Url;
        }
    }

    private static List<string> Distinct(IEnumerable<string?> names) =>
        names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>An array of organisations by name, left out when there is none.</summary>
    private static void Organizations(Utf8JsonWriter json, string name, List<string> names, string type)
    {
        if (names.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var organization in names)
        {
            json.WriteStartObject();
            json.WriteString("@type", type);
            json.WriteString("name", organization);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>An array of the distinct non-blank texts, trimmed, left out when there is none.</summary>
    private static void Texts(Utf8JsonWriter json, string name, IEnumerable<string> texts)
    {
        var values = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    /// <summary>A text, trimmed, left out when blank.</summary>
    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json.WriteString(name, value.Trim());
        }
    }
}
