using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.History;

/// <summary>
/// The one registry of what a profile's history records: every kind of record, what it is called,
/// whether it is a part of another record (an author of a paper, a link of a project), and how one
/// item is named from its own values — a paper by its title, news by the start of its text,
/// education by degree and institution — so that the history never names a change by its type and ids.
/// </summary>
public static class RecordNames
{
    /// <param name="Noun">What one record is called ("News item").</param>
    /// <param name="IsPart">Listed under its parent's change rather than as a change of its own.</param>
    /// <param name="Title">The item's name from its values (a property's text by name), or null when it has none of its own.</param>
    public sealed record Kind(Type Type, string Noun, bool IsPart, Func<Func<string, string?>, string?> Title);

    /// <summary>Titles longer than this are cut at a word, with an ellipsis.</summary>
    public const int MaxTitleLength = 80;

    public static IReadOnlyList<Kind> All { get; } =
    [
        new(typeof(Researcher), "Profile", false, v => v(nameof(Researcher.DisplayName))),
        new(typeof(ProfileLink), "Profile link", false, v => First(v(nameof(ProfileLink.Label)), v(nameof(ProfileLink.Url)))),
        new(typeof(Education), "Education", false, v => Join(v(nameof(Education.Degree)), v(nameof(Education.Institution)))),
        new(typeof(Position), "Position", false, v => Join(v(nameof(Position.Title)), v(nameof(Position.Employer)))),
        new(typeof(NewsItem), "News item", false, v => v(nameof(NewsItem.BodyMarkdown))),
        new(typeof(Award), "Award", false, v => v(nameof(Award.Title))),
        new(typeof(ServiceRole), "Service role", false, v => Join(v(nameof(ServiceRole.Role)), v(nameof(ServiceRole.Venue)))),
        new(typeof(Talk), "Talk", false, v => First(v(nameof(Talk.Title)), v(nameof(Talk.Host)))),
        new(typeof(WritingItem), "Writing link", false, v => v(nameof(WritingItem.Title))),
        new(typeof(ProfileSection), "Section", false, v => First(v(nameof(ProfileSection.Title)), SectionLayout.DefaultTitle(v(nameof(ProfileSection.Kind))))),
        new(typeof(Project), "Project", false, v => v(nameof(Project.Title))),
        new(typeof(ProjectLink), "Project link", true, v => First(v(nameof(ProjectLink.Label)), v(nameof(ProjectLink.Url)))),
        // Named by the paper it links to, which its own values only give by id.
        new(typeof(ProjectPublication), "Related publication of a project", true, _ => null),
        new(typeof(Publication), "Publication", false, v => v(nameof(Publication.Title))),
        new(typeof(PublicationAuthor), "Author", true, v => v(nameof(PublicationAuthor.Name))),
        new(typeof(PublicationLink), "Publication link", true, v => First(v(nameof(PublicationLink.Label)), v(nameof(PublicationLink.Url)))),
        new(typeof(ProfilePublication), "Publication on this profile", false, _ => null),
    ];

    private static readonly Dictionary<string, Kind> ByName = All.ToDictionary(k => k.Type.Name, StringComparer.Ordinal);

    /// <summary>The kinds a profile's history holds, by CLR type: everything except accounts, invitations and the history itself.</summary>
    public static bool IsRecorded(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ByName.TryGetValue(type.Name, out var kind) && kind.Type == type;
    }

    public static Kind? Of(string entityType) => ByName.GetValueOrDefault(entityType);

    /// <summary>The type names of records that are parts of another.</summary>
    public static IReadOnlyList<string> PartTypes { get; } = All.Where(k => k.IsPart).Select(k => k.Type.Name).ToList();

    /// <summary>Records that name the paper they belong to only by its id (<see cref="ProfilePublication.PublicationId"/>).</summary>
    public static bool IsNamedByPaper(string entityType) =>
        entityType is nameof(ProfilePublication) or nameof(ProjectPublication);

    /// <summary>An item's name from its values, shortened; null when it has no text of its own.</summary>
    public static string? Title(string entityType, Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Of(entityType)?.Title(value) is { } title ? Shorten(title) : null;
    }

    /// <summary>Text on one line, cut at a word before <see cref="MaxTitleLength"/> characters.</summary>
    public static string? Shorten(string? text) => Excerpt.Of(text, MaxTitleLength);

    private static string? First(string? a, string? b) => string.IsNullOrWhiteSpace(a) ? b : a;

    private static string? Join(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) ? b : string.IsNullOrWhiteSpace(b) ? a : $"{a}, {b}";
}
