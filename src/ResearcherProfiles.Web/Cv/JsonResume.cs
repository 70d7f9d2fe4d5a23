using System.Text.Json;
using System.Text.Json.Serialization;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Web.Cv;

/// <summary>
/// A CV as a JSON Resume (https://jsonresume.org/schema, v1.0.0), for résumé themes and job sites.
/// Positions are "work", service roles "volunteer"; talks have no place in the schema and are left out.
/// </summary>
public static class JsonResume
{
    public const string SchemaUrl = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Write(CvContent cv, PublicUrl site)
    {
        ArgumentNullException.ThrowIfNull(cv);
        ArgumentNullException.ThrowIfNull(site);
        var h = cv.Header;
        var profileUrl = site.Absolute($"/people/{h.Slug}");
        var resume = new Resume(
            SchemaUrl,
            new Basics(
                h.DisplayName,
                h.Headline,
                h.PhotoUrl(site),
                h.Email,
                h.Phone,
                h.SafeWebsite ?? profileUrl,
                cv.Shows(ProfileSectionKind.About) && MarkdownRenderer.ToPlainText(h.AboutMarkdown) is { Length: > 0 } about ? about : null,
                h.Location is null ? null : new Location(h.Location),
                cv.Links.Where(l => SafeUrl.IsHttpUrl(l.Url)).Select(l => new SocialProfile(l.Label, l.Url)).ToList()),
            Shown(cv, ProfileSectionKind.Experience, cv.Positions).Select(p => new Work(
                p.Employer, p.Location, p.Title, Iso(p.Start), Iso(p.End),
                MarkdownRenderer.ToPlainText(p.DescriptionMarkdown) is { Length: > 0 } d ? d : null)).ToList(),
            Shown(cv, ProfileSectionKind.Service, cv.Service).SelectMany(g => g.Venues.Select(v => new Volunteer(v.Venue, g.Role, v.ToString()))).ToList(),
            Shown(cv, ProfileSectionKind.Education, cv.Education).Select(e => new EducationEntry(e.Institution, e.Field, e.Degree, Iso(e.Start), Iso(e.End))).ToList(),
            Shown(cv, ProfileSectionKind.Awards, cv.Awards).Select(a => new AwardEntry(a.Title, a.Year is int year ? $"{year:0000}" : null, a.Issuer, a.Note)).ToList(),
            Shown(cv, ProfileSectionKind.Publications, cv.Publications).Select(p => new PublicationEntry(
                p.Title,
                p.VenueName ?? p.VenueShort,
                p.Year is int year ? (p.Month is int month ? $"{year:0000}-{month:00}" : $"{year:0000}") : null,
                site.Absolute(p.PagePath),
                p.Summary)).ToList(),
            Shown(cv, ProfileSectionKind.Skills, h.Skills).Select(s => new Skill(s)).ToList(),
            h.Interests.Select(i => new Interest(i)).ToList(),
            cv.ShownProjects.Select(v => new ProjectEntry(
                v.Project.Title,
                v.Project.Summary,
                Iso(v.Project.Start),
                Iso(v.Project.End),
                v.Links.Select(l => l.Url).FirstOrDefault(SafeUrl.IsHttpUrl),
                v.Project.Role is null ? [] : [v.Project.Role],
                v.Project.Institution)).ToList(),
            new Meta(site.Absolute($"/people/{h.Slug}/resume.json"), "v1.0.0"));
        return JsonSerializer.Serialize(resume, Options);
    }

    /// <summary>A section's items, or none when the owner hides the section.</summary>
    private static IEnumerable<T> Shown<T>(CvContent cv, ProfileSectionKind kind, IEnumerable<T> items) => cv.Shows(kind) ? items : [];

    private static string? Iso(PartialDate? date) => date?.ToIsoString();

    private sealed record Resume(
        [property: JsonPropertyName("$schema")] string Schema,
        Basics Basics,
        IReadOnlyList<Work> Work,
        IReadOnlyList<Volunteer> Volunteer,
        IReadOnlyList<EducationEntry> Education,
        IReadOnlyList<AwardEntry> Awards,
        IReadOnlyList<PublicationEntry> Publications,
        IReadOnlyList<Skill> Skills,
        IReadOnlyList<Interest> Interests,
        IReadOnlyList<ProjectEntry> Projects,
        Meta Meta);

    private sealed record Basics(string Name, string? Label, string? Image, string? Email, string? Phone, string Url, string? Summary, Location? Location, IReadOnlyList<SocialProfile> Profiles);

    private sealed record Location(string City);

    private sealed record SocialProfile(string Network, string Url);

    private sealed record Work(string Name, string? Location, string? Position, string? StartDate, string? EndDate, string? Summary);

    private sealed record Volunteer(string Organization, string Position, string Summary);

    private sealed record EducationEntry(string Institution, string? Area, string StudyType, string? StartDate, string? EndDate);

    private sealed record AwardEntry(string Title, string? Date, string? Awarder, string? Summary);

    private sealed record PublicationEntry(string Name, string? Publisher, string? ReleaseDate, string Url, string? Summary);

    private sealed record Skill(string Name);

    private sealed record Interest(string Name);

    private sealed record ProjectEntry(string Name, string? Description, string? StartDate, string? EndDate, string? Url, IReadOnlyList<string> Roles, string? Entity);

    private sealed record Meta(string Canonical, string Version);
}
