using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Text;

/// <summary>
/// The Markdown a public profile shows is kept with its HTML, rendered when the text is saved, so
/// that a profile page rendered anew (a cache miss, the long tail of rarely read profiles) does not
/// parse and render every text again.
/// <list type="bullet">
/// <item>Each field is stored as the page it belongs to shows it (its heading level there): the
/// profile's texts as the profile shows them, a project's narrative as the project's page does.
/// Pages that show a text at another level (the CV, the publication list) move the stored HTML's
/// headings, which are all a level changes (<see cref="MoveHeadings"/>).</item>
/// <item>A row's <c>RenderedWith</c> stamps the rendering: the renderer's build and Markdig's, and
/// how links to other sites open. Stored HTML whose stamp is not the running site's is ignored and
/// the text rendered instead, so an update or a changed setting never shows stale HTML;
/// <see cref="RefreshAsync"/> then renders such rows again, in the background.</item>
/// <item>The HTML is derived data: the history neither records nor restores it (restoring the text
/// renders it again).</item>
/// </list>
/// </summary>
public static partial class StoredMarkdown
{
    /// <summary>The name of each stored row's stamp property.</summary>
    public const string RenderedWith = nameof(Researcher.RenderedWith);

    /// <summary>The heading levels the profile page shows each text at (h1 name, h2 sections).</summary>
    public const int AboutLevel = 3, PublicationsNoteLevel = 3, NewsLevel = 3, SectionIntroLevel = 3, PositionLevel = 4;

    /// <summary>The heading level a project's page shows its narrative at (h1 the project's title).</summary>
    public const int ProjectNarrativeLevel = 2;

    /// <summary>A Markdown property, the property holding its HTML, and the heading level it is rendered at.</summary>
    private sealed record Field(string Markdown, string Html, int Level);

    /// <summary>An entity type whose Markdown is stored with its HTML, and how its stale rows are rendered again.</summary>
    private sealed record StoredType(Field[] Fields, Func<AppDbContext, int, ExternalLinks, int, CancellationToken, Task<int>> Refresh);

    private static KeyValuePair<Type, StoredType> Stored<T>(params Field[] fields)
        where T : class => new(typeof(T), new StoredType(fields, (db, stamp, links, batchSize, ct) => RefreshAsync<T>(db, fields, stamp, links, batchSize, ct)));

    private static readonly Dictionary<Type, StoredType> Types = new(
    [
        Stored<Researcher>(
            new Field(nameof(Researcher.AboutMarkdown), nameof(Researcher.AboutHtml), AboutLevel),
            new Field(nameof(Researcher.PublicationsNote), nameof(Researcher.PublicationsNoteHtml), PublicationsNoteLevel)),
        Stored<NewsItem>(new Field(nameof(NewsItem.BodyMarkdown), nameof(NewsItem.BodyHtml), NewsLevel)),
        Stored<Position>(new Field(nameof(Position.DescriptionMarkdown), nameof(Position.DescriptionHtml), PositionLevel)),
        Stored<ProfileSection>(new Field(nameof(ProfileSection.IntroMarkdown), nameof(ProfileSection.IntroHtml), SectionIntroLevel)),
        Stored<Project>(new Field(nameof(Project.NarrativeMarkdown), nameof(Project.NarrativeHtml), ProjectNarrativeLevel)),
    ]);

    /// <summary>The properties that hold derived HTML or its stamp: never part of a record's history.</summary>
    public static IReadOnlySet<string> DerivedProperties { get; } =
        Types.Values.SelectMany(t => t.Fields).Select(f => f.Html).Append(RenderedWith).ToHashSet(StringComparer.Ordinal);

    /// <summary>The build of the renderer and of Markdig: a deterministic build changes them only when their code changes.</summary>
    private static readonly string RendererBuild =
        typeof(StoredMarkdown).Assembly.ManifestModule.ModuleVersionId.ToString("N") + typeof(Markdig.Markdown).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The stamp of HTML rendered under <paramref name="links"/> by this build.</summary>
    public static int StampOf(ExternalLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        // The site's host matters only when links to other sites open in a new tab.
        var key = RendererBuild + (links.OpenInNewTab ? "|new-tab|" + links.SiteHost?.ToUpperInvariant() : "|same-tab");
        return BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);
    }

    private sealed record Stamped(ExternalLinks Links, int Stamp);

    private static Stamped _current = new(ExternalLinks.SameTab, StampOf(ExternalLinks.SameTab));

    /// <summary>The stamp of what <see cref="MarkdownRenderer"/> renders now.</summary>
    public static int Current
    {
        get
        {
            var links = MarkdownRenderer.Links;
            var current = _current;
            if (!ReferenceEquals(current.Links, links))
            {
                current = new Stamped(links, StampOf(links));
                _current = current;
            }
            return current.Stamp;
        }
    }

    /// <summary>
    /// The HTML of <paramref name="markdown"/> at <paramref name="level"/>: the stored HTML when it was
    /// rendered as the site renders now, else rendered here.
    /// </summary>
    public static string Html(string? stored, int? renderedWith, string? markdown, int level) =>
        stored is not null && renderedWith == Current ? stored : MarkdownRenderer.ToHtml(markdown, level);

    /// <summary>
    /// The HTML of <paramref name="markdown"/> at <paramref name="level"/>, from HTML stored at
    /// <paramref name="storedLevel"/>: the stored HTML with its headings moved, when it is current
    /// and the move is exact (<see cref="MoveHeadings"/>), else rendered here.
    /// </summary>
    public static string Html(string? stored, int? renderedWith, string? markdown, int storedLevel, int level) =>
        stored is not null && renderedWith == Current && MoveHeadings(stored, level - storedLevel) is { } moved
            ? moved
            : MarkdownRenderer.ToHtml(markdown, level);

    /// <summary>
    /// <paramref name="html"/> as <see cref="MarkdownRenderer"/> would have written it with its top
    /// heading <paramref name="by"/> levels lower (higher when negative): the renderer moves every
    /// heading by the same amount, clamped at h6, so the headings' tag names are all a level
    /// changes. Null when the move cannot be exact: up from an h6, whose level
    /// before clamping is lost.
    /// </summary>
    public static string? MoveHeadings(string html, int by)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (by == 0 || !html.Contains("<h", StringComparison.Ordinal))
        {
            return html;
        }
        if (by < 0 && HeadingTag().Matches(html).Any(m => m.Groups[2].Value == "6"))
        {
            return null;
        }
        return HeadingTag().Replace(html, m => $"<{m.Groups[1].Value}h{Math.Clamp(m.Groups[2].Value[0] - '0' + by, 1, 6)}");
    }

    /// <summary>The name of a heading's opening or closing tag, whatever follows it.</summary>
    [GeneratedRegex(@"<(/?)h([1-6])(?=[\s/>])")]
    private static partial Regex HeadingTag();

    /// <summary>
    /// Renders the HTML of every added record, and of every changed record whose text changed or whose
    /// HTML is stale, into the save (called with changes already detected, so values are set through
    /// their entries).
    /// </summary>
    public static void RenderChanged(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var links = MarkdownRenderer.Links;
        var stamp = Current;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || !Types.TryGetValue(entry.Metadata.ClrType, out var stored))
            {
                continue;
            }
            var fields = stored.Fields;
            var stampEntry = entry.Property(RenderedWith);
            if (entry.State == EntityState.Modified && Equals(stampEntry.CurrentValue, stamp) && !fields.Any(f => entry.Property(f.Markdown).IsModified))
            {
                continue;
            }
            foreach (var field in fields)
            {
                entry.Property(field.Html).CurrentValue = MarkdownRenderer.ToHtml((string?)entry.Property(field.Markdown).CurrentValue, field.Level, links);
            }
            stampEntry.CurrentValue = stamp;
        }
    }

    /// <summary>
    /// Renders again, in batches, the stored HTML of rows rendered by another build or under other
    /// settings (or never): after an update or a changed setting, and on a site saved before HTML was
    /// stored. A row whose text changes meanwhile is left to that save. Returns the rows rendered.
    /// </summary>
    public static async Task<int> RefreshAsync(AppDbContext db, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = Current;
        var links = MarkdownRenderer.Links;
        var refreshed = 0;
        foreach (var stored in Types.Values)
        {
            refreshed += await stored.Refresh(db, stamp, links, batchSize, ct);
        }
        return refreshed;
    }

    private static async Task<int> RefreshAsync<T>(AppDbContext db, Field[] fields, int stamp, ExternalLinks links, int batchSize, CancellationToken ct)
        where T : class
    {
        var refreshed = 0;
        var after = 0;
        while (true)
        {
            // Keyed from the last id seen: a row whose text changed under the update keeps its stamp and is not read again.
            var batch = await db.Set<T>().AsNoTracking()
                .Where(r => EF.Property<int?>(r, RenderedWith) != stamp || EF.Property<int?>(r, RenderedWith) == null)
                .Where(r => EF.Property<int>(r, Id) > after)
                .OrderBy(r => EF.Property<int>(r, Id))
                .Take(batchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return refreshed;
            }
            // One commit per batch rather than per row: on SQLite each commit is a write to the log.
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                foreach (var row in batch)
                {
                    refreshed += await RenderAsync(db, db.Entry(row), fields, stamp, links, ct);
                }
                await transaction.CommitAsync(ct);
            }
            after = (int)db.Entry(batch[^1]).Property(Id).CurrentValue!;
        }
    }

    private const string Id = "Id";

    /// <summary>Stores the HTML of a row as read, unless its texts have changed since (that save renders them).</summary>
    private static async Task<int> RenderAsync<T>(AppDbContext db, EntityEntry<T> read, Field[] fields, int stamp, ExternalLinks links, CancellationToken ct)
        where T : class
    {
        var id = (int)read.Property(Id).CurrentValue!;
        var row = db.Set<T>().Where(r => EF.Property<int>(r, Id) == id);
        var html = new string?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (markdown, text) = (fields[i].Markdown, (string?)read.Property(fields[i].Markdown).CurrentValue);
            row = row.Where(r => EF.Property<string?>(r, markdown) == text);
            html[i] = MarkdownRenderer.ToHtml(text, fields[i].Level, links);
        }
        return await row.ExecuteUpdateAsync(u =>
        {
            for (var i = 0; i < fields.Length; i++)
            {
                var (property, value) = (fields[i].Html, html[i]);
                u.SetProperty(r => EF.Property<string?>(r, property), value);
            }
            u.SetProperty(r => EF.Property<int?>(r, RenderedWith), stamp);
        }, ct);
    }
}
