using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Entry;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// Adds several news items, awards or service roles at once: one a line in a text box, shown as
/// they will appear (with every line that could not be read) before anything is saved, then saved
/// in one transaction, so the history holds one change and one Undo takes the whole paste back.
/// New items go at the end of the list in the order pasted, as the one-at-a-time form adds them
/// (the public page shows news by date anyway); service lines for a role and venue the profile
/// already has add their years to it instead.
/// </summary>
public class PasteModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    public const string ProblemsMessage = "Some lines could not be read (listed under the box): correct or remove them, then preview again.";

    /// <summary>"news", "awards" or "service": the route allows no other.</summary>
    [FromRoute]
    public string Section { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "One per line")]
    [StringLength(PastedLines.MaxTextLength, ErrorMessage = "Paste at most {1} characters at a time.")]
    public string? Text { get; set; }

    public IReadOnlyList<LineProblem> Problems { get; private set; } = [];

    /// <summary>Set once the text was read without problems: the items as they will be saved.</summary>
    public IReadOnlyList<ProfileModel.NewsView>? News { get; private set; }

    private IReadOnlyList<NewsEntry> newsEntries = [];

    public IReadOnlyList<AwardEntry>? Awards { get; private set; }

    public IReadOnlyList<ServiceChange>? Service { get; private set; }

    public int ItemCount => News?.Count ?? Awards?.Count ?? Service?.Count ?? 0;

    public string SectionTitle => Section switch { "news" => "News", "awards" => "Awards", _ => "Service" };

    public string ItemName => Section switch { "news" => "news item", "awards" => "award", _ => "service role" };

    public string ItemsName => Section switch { "news" => "news items", "awards" => "awards", _ => "service roles" };

    public string SectionUrl => Url.Page("/Edit/" + SectionTitle, new { slug = Profile.Slug })!;

    public string PasteUrl => Url.Page("/Edit/Paste", new { slug = Profile.Slug, section = Section })!;

    /// <summary>The form's token (see <see cref="AddOnce"/>): kept through previews, new when the empty form is shown.</summary>
    [BindProperty(Name = AddOnce.FieldName)]
    public Guid? AddToken { get; set; }

    public IActionResult OnGet()
    {
        AddToken = Guid.NewGuid();
        return Page();
    }

    /// <summary>Reads the text and shows what would be saved; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await ReadAsync(ct);
        return Page();
    }

    /// <summary>Reads the text again and, when every line reads, saves all its items in one SaveChanges.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ReadAsync(ct))
        {
            return Page();
        }
        await using var addition = AddToken is Guid ? await AddOnce.BeginAsync(db, Profile.Id, ct) : null;
        if (AddToken is Guid token)
        {
            // The same text posted again: what the first post saved stands.
            var changeSet = AddOnce.ChangeSetFor(token, Text ?? string.Empty);
            var earlier = await AddOnce.FindAsync(db, Profile.Id, string.Empty, changeSet, ct);
            if (earlier.Changed > 0)
            {
                StatusMessage = Saved(earlier.Changed);
                return Redirect($"{SectionUrl}#{FormLanding.Status}");
            }
            AddOnce.RecordAs(db, changeSet, earlier);
        }
        var next = Section switch
        {
            "news" => await NextSortOrderAsync(db.News, ct),
            "awards" => await NextSortOrderAsync(db.Awards, ct),
            _ => await NextSortOrderAsync(db.ServiceRoles, ct),
        };
        foreach (var item in newsEntries)
        {
            db.Add(new NewsItem { ResearcherId = Profile.Id, SortOrder = next++, Date = item.Date, BodyMarkdown = item.BodyMarkdown });
        }
        foreach (var award in Awards ?? [])
        {
            db.Add(new Award { ResearcherId = Profile.Id, SortOrder = next++, Title = award.Title, Issuer = award.Issuer, Year = award.Year, Note = award.Note });
        }
        foreach (var change in Service ?? [])
        {
            if (change.Existing is { } existing)
            {
                existing.Years = existing.Years.Union(change.Years).Order().ToList();
            }
            else
            {
                db.Add(new ServiceRole { ResearcherId = Profile.Id, SortOrder = next++, Role = change.Role, Venue = change.Venue, Years = [.. change.Years] });
            }
        }
        await db.SaveChangesAsync(ct);
        if (addition is not null)
        {
            await addition.CommitAsync(ct);
        }
        StatusMessage = Saved(ItemCount);
        return Redirect($"{SectionUrl}#{FormLanding.Status}");
    }

    private string Saved(int count) => $"Added {Count(count, ItemName, ItemsName)}. One Undo in History takes them all back.";

    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";

    /// <summary>Reads <see cref="Text"/> into the preview; false, with the reasons in ModelState and <see cref="Problems"/>, when it cannot all be saved.</summary>
    private async Task<bool> ReadAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }
        var (error, problems, itemCount) = Section switch
        {
            "news" => Take(NewsLines.Parse(Text), items =>
            {
                newsEntries = items;
                News = items.Select(i => new ProfileModel.NewsView(0, i.Date, MarkdownRenderer.ToHtml(i.BodyMarkdown))).ToList();
            }),
            "awards" => Take(AwardLines.Parse(Text), items => Awards = items),
            _ => await TakeServiceAsync(ServiceLines.Parse(Text), ct),
        };
        Problems = problems;
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Text), error);
        }
        else if (problems.Count > 0)
        {
            ModelState.AddModelError(nameof(Text), ProblemsMessage);
        }
        return error is null && problems.Count == 0 && itemCount > 0;
    }

    private static (string? Error, IReadOnlyList<LineProblem> Problems, int Count) Take<T>(PasteResult<T> result, Action<IReadOnlyList<T>> show)
    {
        if (result.CanSave)
        {
            show(result.Items.Select(i => i.Item).ToList());
        }
        return (result.Error, result.Problems, result.Items.Count);
    }

    private async Task<(string? Error, IReadOnlyList<LineProblem> Problems, int Count)> TakeServiceAsync(PasteResult<ServiceLine> result, CancellationToken ct)
    {
        if (result.CanSave)
        {
            var existing = await db.ServiceRoles.AsTracking().Where(s => s.ResearcherId == Profile.Id).ToListAsync(ct);
            Service = ServiceMerge.Plan(existing, result.Items.SelectMany(i => i.Item.Entries));
        }
        return (result.Error, result.Problems, result.Items.Count);
    }

    private async Task<int> NextSortOrderAsync<T>(DbSet<T> items, CancellationToken ct) where T : ProfileItem =>
        (await items.Where(i => i.ResearcherId == Profile.Id).MaxAsync(i => (int?)i.SortOrder, ct) ?? -1) + 1;
}
