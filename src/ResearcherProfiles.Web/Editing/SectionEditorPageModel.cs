using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Lists;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Editing;

/// <summary>What every section form posts besides its fields: the version of the record it was opened on.</summary>
public abstract class SectionInput
{
    [HiddenInput]
    public int Version { get; set; }
}

/// <summary>One line of a section's list in the editor.</summary>
public sealed record SectionRow(int Id, string Title, string? Detail, bool IsVisible);

/// <summary>What the shared editor partials (list, status, conflict, buttons) need from a section page.</summary>
public interface ISectionEditor
{
    EditableProfile Profile { get; }
    string? StatusMessage { get; }
    bool StatusLinksToHistory { get; }
    /// <summary>Set after a delete: the save that Undo beside the message reverses.</summary>
    Guid? UndoChangeSet { get; }
    string SectionPath { get; }
    string SectionTitle { get; }
    string ItemName { get; }
    string ItemNameWithArticle { get; }
    string SectionUrl { get; }
    /// <summary>Where the item form posts: the section, or the item being edited.</summary>
    string FormUrl { get; }
    int FormVersion { get; }
    string? OriginalValues { get; }
    int? Id { get; }
    bool IsNew { get; }
    /// <summary>The add form's token (see <see cref="AddOnce"/>); null when the form edits an item.</summary>
    Guid? AddToken { get; }
    bool HasPreview { get; }
    /// <summary>True when the section's items have dates, so the list offers "Sort by date".</summary>
    bool CanSortByDate { get; }
    string? PreviewHtml { get; }
    /// <summary>This page of the list (see <see cref="SectionListPage"/>).</summary>
    IReadOnlyList<SectionRow> Rows { get; }
    SectionListPage ListPage { get; }
    IReadOnlyList<FieldChange>? Conflict { get; }
}

/// <summary>Where the shown rows are in the whole list, and how to reach its other pages.</summary>
public sealed record SectionListPage(int PageNumber, int PageCount, int Total, int FirstIndex, Func<int, string> Url)
{
    /// <summary>Items per page of a section's list in the editor.</summary>
    public const int PageSize = 100;

    public static SectionListPage Empty { get; } = new(1, 1, 0, 0, _ => string.Empty);

    /// <summary>The 1-based page of the list that holds the item at <paramref name="index"/> (0-based).</summary>
    public static int PageOf(int index) => Math.Max(0, index) / PageSize + 1;
}

/// <summary>
/// An editor page for one of a profile's ordered lists (<see cref="ProfileItem"/>): the list in the
/// owner's order with Move up / Move down / Hide-Show / Delete (and Undo after a delete; a drag or
/// the arrow keys on a drag handle post Move to), and one form that adds an item or,
/// with an id in the route (/edit/{slug}/{section}/{id}), edits one. Each form is a plain POST, so
/// it all works without JavaScript. Every item is looked up within the profile being edited, so an
/// id from another profile is a 404; saves of a form opened on an older version are refused and
/// the editor is told what changed meanwhile.
/// </summary>
/// <remarks>
/// A derived page declares the route "/edit/{slug}/{section}/{id:int?}", maps between the entity
/// and its <typeparamref name="TInput"/> (a class of its own, so fields such as ResearcherId or
/// IsVisible can never be bound from a form) and adds any cross-field rules in <see cref="Validate"/>.
/// </remarks>
public abstract class SectionEditorPageModel<TItem, TInput>(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages), ISectionEditor
    where TItem : ProfileItem
    where TInput : SectionInput, new()
{
    /// <summary>The item being edited; null when the form adds a new one.</summary>
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public TInput Input { get; set; } = new();

    /// <summary>The add form's token (see <see cref="AddOnce"/>): posted back, or new when the empty form is shown.</summary>
    [BindProperty(Name = AddOnce.FieldName)]
    public Guid? AddToken { get; set; }

    /// <summary>Set with the status message after a delete: the message then links to the history page.</summary>
    [TempData]
    public bool StatusLinksToHistory { get; set; }

    /// <summary>Set with the status message after a delete: the save the Undo button beside it reverses.</summary>
    [TempData]
    public Guid? UndoChangeSet { get; set; }

    public IReadOnlyList<SectionRow> Rows { get; private set; } = [];

    /// <summary>The page of the list to show: ?p=2.</summary>
    [FromQuery(Name = "p")]
    public int ListPageNumber { get; set; } = 1;

    public SectionListPage ListPage { get; private set; } = SectionListPage.Empty;

    public string? PreviewHtml { get; private set; }

    /// <summary>The section's segment of the URL: "news" in /edit/{slug}/news.</summary>
    public abstract string SectionPath { get; }

    /// <summary>The section's heading: "News".</summary>
    public abstract string SectionTitle { get; }

    /// <summary>One item in words, for messages: "news item".</summary>
    public abstract string ItemName { get; }

    /// <summary>The item name with its article, written out per section rather than guessed: "an award".</summary>
    public abstract string ItemNameWithArticle { get; }

    public string SectionUrl => $"/edit/{Profile.Slug}/{SectionPath}";

    public string FormUrl => Id is int id ? $"{SectionUrl}/{id}" : SectionUrl;

    public int FormVersion => Input.Version;

    public bool IsNew => Id is null;

    /// <summary>True when the form has a Markdown field with a Preview button (see <see cref="PreviewMarkdown"/>).</summary>
    public virtual bool HasPreview => false;

    public bool CanSortByDate => DateOf is not null;

    /// <summary>The date "Sort by date" orders items by, for sections whose items have one (news, talks).</summary>
    protected virtual Func<TItem, PartialDate?>? DateOf => null;

    protected AppDbContext Db => db;

    /// <summary>The profile's items, and only those: every lookup starts here.</summary>
    protected virtual IQueryable<TItem> OwnItems => db.Set<TItem>().Where(i => i.ResearcherId == Profile.Id);

    /// <summary>The list as the editor shows it (and the order Move up / Move down work on).</summary>
    protected virtual IQueryable<TItem> OrderedItems => OwnItems.OrderBy(i => i.SortOrder).ThenBy(i => i.Id);

    /// <summary>A new entity with its required members set to placeholders; <see cref="Apply"/> fills it.</summary>
    protected abstract TItem NewItem();

    protected abstract TInput ToInput(TItem item);

    /// <summary>Copies the validated form onto the entity.</summary>
    protected abstract void Apply(TInput input, TItem item);

    protected abstract SectionRow ToRow(TItem item);

    /// <summary>Rules beyond the input's attributes (end not before start, lists of years); add errors to ModelState.</summary>
    protected virtual void Validate(TInput input)
    {
    }

    /// <summary>The Markdown the Preview button renders.</summary>
    protected virtual string? PreviewMarkdown(TInput input) => null;

    /// <summary>The heading level the previewed text starts at: the same as on the public page.</summary>
    protected virtual int PreviewTopHeadingLevel => 3;

    /// <summary>The form for a new item starts from these values.</summary>
    protected virtual TInput NewInput() => new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is int id)
        {
            var item = await OwnItems.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (item is null)
            {
                return NotFound();
            }
            Input = FormFor(item);
            OriginalValues = FormSnapshot.Capture(Input);
        }
        else
        {
            Input = NewInput();
            AddToken = Guid.NewGuid();
        }
        return await PageAsync(ct);
    }

    /// <summary>
    /// Saves the form: adds an item at the end of the list, or updates the one in the route. Run
    /// again when PostgreSQL rolled the save back to settle a race (see <see cref="SaveAgain.OnRaceRolledBackAsync"/>).
    /// </summary>
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAgain.OnRaceRolledBackAsync(db, () => SaveAsync(ct));

    private async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        Validate(Input);
        TItem? item = null;
        if (Id is int id)
        {
            item = await OwnItems.AsTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
            if (item is null)
            {
                return NotFound();
            }
        }
        if (!ModelState.IsValid)
        {
            return await PageAsync(ct);
        }
        await using var addition = item is null && AddToken is Guid ? await AddOnce.BeginAsync(db, Profile.Id, ct) : null;
        if (item is null)
        {
            if (AddToken is Guid token)
            {
                var changeSet = AddOnce.ChangeSetFor(token, FormSnapshot.Capture(Input));
                var earlier = await AddOnce.FindAsync(db, Profile.Id, typeof(TItem).Name, changeSet, ct);
                if (earlier.Added is int added && await OwnItems.AnyAsync(i => i.Id == added, ct))
                {
                    StatusMessage = $"Added the {ItemName}.";
                    return Redirect(await ItemUrlAsync(added, ct));
                }
                AddOnce.RecordAs(db, changeSet, earlier);
            }
            item = NewItem();
            item.ResearcherId = Profile.Id;
            item.SortOrder = (await OwnItems.MaxAsync(i => (int?)i.SortOrder, ct) ?? -1) + 1;
            Apply(Input, item);
            db.Add(item);
        }
        else
        {
            if (item.Version != Input.Version)
            {
                return await ConflictAsync(item, ct);
            }
            db.Entry(item).Property(i => i.Version).OriginalValue = Input.Version;
            Apply(Input, item);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await OwnItems.FirstOrDefaultAsync(i => i.Id == item.Id, ct);
            return current is null ? NotFound() : await ConflictAsync(current, ct);
        }
        if (addition is not null)
        {
            await addition.CommitAsync(ct);
        }
        StatusMessage = IsNew ? $"Added the {ItemName}." : $"Saved the {ItemName}.";
        return Redirect(await ItemUrlAsync(item.Id, ct));
    }

    /// <summary>Shows the Markdown rendered as the public page will show it; changes nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Id is int id && !await OwnItems.AnyAsync(i => i.Id == id, ct))
        {
            return NotFound();
        }
        // A preview is not a save: the form comes back as typed, without error messages.
        ModelState.Clear();
        PreviewHtml = MarkdownRenderer.ToHtml(PreviewMarkdown(Input), PreviewTopHeadingLevel);
        return await PageAsync(ct);
    }

    /// <summary>
    /// Puts the whole list in date order, newest first (undated items last, items of the same date
    /// keeping their order), as one change that one Undo in the history reverses.
    /// </summary>
    public async Task<IActionResult> OnPostSortByDateAsync(CancellationToken ct)
    {
        if (DateOf is not { } dateOf)
        {
            return NotFound();
        }
        var items = await OrderedItems.AsTracking().ToListAsync(ct);
        ListOrder.Renumber(items.OrderByDescending(i => dateOf(i)?.ToSortKey() ?? int.MinValue).ToList());
        await db.SaveChangesAsync(ct);
        StatusMessage = $"Sorted {SectionTitle.ToLowerInvariant()} by date, newest first. History can bring the previous order back.";
        StatusLinksToHistory = true;
        return Redirect($"{SectionUrl}#{FormLanding.Status}");
    }

    public Task<IActionResult> OnPostMoveUpAsync(int itemId, CancellationToken ct) => MoveAsync(itemId, -1, null, ct);

    public Task<IActionResult> OnPostMoveDownAsync(int itemId, CancellationToken ct) => MoveAsync(itemId, +1, null, ct);

    /// <summary>
    /// Moves an item to <paramref name="position"/> (from 1) in the whole list: where it was dropped
    /// after a drag, or one place on with the arrow keys on its drag handle.
    /// </summary>
    public Task<IActionResult> OnPostMoveToAsync(int itemId, int position, CancellationToken ct) => MoveAsync(itemId, null, position, ct);

    public async Task<IActionResult> OnPostToggleVisibilityAsync(int itemId, CancellationToken ct)
    {
        var item = await OwnItems.AsTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return NotFound();
        }
        item.IsVisible = !item.IsVisible;
        await db.SaveChangesAsync(ct);
        StatusMessage = item.IsVisible
            ? $"The {ItemName} is shown on the public page again."
            : $"The {ItemName} is hidden from the public page.";
        return Redirect(await ItemUrlAsync(item.Id, ct));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int itemId, CancellationToken ct)
    {
        var item = await OwnItems.AsTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return NotFound();
        }
        var page = SectionListPage.PageOf(await CountBeforeAsync(item.SortOrder, item.Id, ct));
        await DeleteAsync(item, ct);
        await db.SaveChangesAsync(ct);
        StatusMessage = "Deleted. You can restore it from History.";
        StatusLinksToHistory = true;
        UndoChangeSet = await ListActions.DeletionAsync(db, Profile.Id, typeof(TItem).Name, itemId, ct);
        // The page the item was on, at the message that says how to bring it back.
        return Redirect($"{ListUrl(page)}#{FormLanding.Status}");
    }

    /// <summary>
    /// Undo beside the message after a delete: brings the item back where it was, through the
    /// history, which only ever restores this profile's own records.
    /// </summary>
    public async Task<IActionResult> OnPostRestoreAsync(Guid changeSet, CancellationToken ct)
    {
        var restore = await ListActions.RestoreAsync(db, Profile.Id, typeof(TItem).Name, changeSet, User.IsInRole(AccountsExtensions.AdminRole), ct);
        if (restore is null)
        {
            return NotFound();
        }
        if (restore.Problem is null && await OwnItems.AnyAsync(i => i.Id == restore.EntityId, ct))
        {
            StatusMessage = $"Restored the {ItemName}.";
            return Redirect(await ItemUrlAsync(restore.EntityId, ct));
        }
        StatusMessage = restore.Problem ?? $"The {ItemName} could not be restored here; History shows what can be.";
        StatusLinksToHistory = true;
        return Redirect($"{SectionUrl}#{FormLanding.Status}");
    }

    /// <summary>Marks <paramref name="item"/> (and anything that goes with it) for deletion; the caller saves.</summary>
    protected virtual Task DeleteAsync(TItem item, CancellationToken ct)
    {
        db.Remove(item);
        return Task.CompletedTask;
    }

    /// <summary>Loads the list and shows the page.</summary>
    protected async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadRowsAsync(ct);
        return Page();
    }

    /// <summary>One page of the list, counted and cut in SQL, so a long section costs no more than a page.</summary>
    private async Task LoadRowsAsync(CancellationToken ct)
    {
        var items = await Paging.ToPageAsync(OrderedItems, ListPageNumber, SectionListPage.PageSize, ct);
        Rows = items.Items.Select(ToRow).ToList();
        ListPage = new SectionListPage(items.PageNumber, items.PageCount, items.Total, (items.PageNumber - 1) * SectionListPage.PageSize, ListUrl);
    }

    /// <summary>The list's page <paramref name="number"/>; page 1 is the section's own address.</summary>
    private string ListUrl(int number) => number == 1 ? SectionUrl : $"{SectionUrl}?p={number.ToString(CultureInfo.InvariantCulture)}";

    private TInput FormFor(TItem item)
    {
        var input = ToInput(item);
        input.Version = item.Version;
        return input;
    }

    /// <summary>Refuses a stale save (see <see cref="EditorPageModel.KeepTypedFormAgainst"/>).</summary>
    private async Task<IActionResult> ConflictAsync(TItem current, CancellationToken ct)
    {
        KeepTypedFormAgainst(Input, FormFor(current));
        return await PageAsync(ct);
    }

    /// <summary>
    /// Moves an item; when another change to the list wins the race, moves it once more within
    /// the list as it now is (the intent "one place up" still holds), then gives up with a message.
    /// </summary>
    /// <param name="step">One place up (-1) or down (+1); or null with <paramref name="position"/>, a place in the whole list from 1.</param>
    private async Task<IActionResult> MoveAsync(int itemId, int? step, int? position, CancellationToken ct)
    {
        try
        {
            return await MoveOnceAsync(itemId, step, position, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await MoveOnceAsync(itemId, step, position, ct);
        }
    }

    private async Task<IActionResult> MoveOnceAsync(int itemId, int? step, int? position, CancellationToken ct)
    {
        var items = await OrderedItems.AsTracking().ToListAsync(ct);
        var index = items.FindIndex(i => i.Id == itemId);
        if (index < 0)
        {
            return NotFound();
        }
        var target = step is int by ? Math.Clamp(index + by, 0, items.Count - 1) : (position ?? 0) - 1;
        if (target < 0 || target >= items.Count)
        {
            StatusMessage = $"Nothing was moved: the list has places 1 to {items.Count.ToString(CultureInfo.InvariantCulture)}.";
            return Redirect(await ItemUrlAsync(itemId, ct));
        }
        ListActions.Move(items, index, target);
        await db.SaveChangesAsync(ct);
        StatusMessage = step switch
        {
            < 0 => $"Moved the {ItemName} up.",
            > 0 => $"Moved the {ItemName} down.",
            _ => $"Moved “{ToRow(items[target]).Title}” to position {(target + 1).ToString(CultureInfo.InvariantCulture)} of {items.Count.ToString(CultureInfo.InvariantCulture)}.",
        };
        return Redirect($"{ListUrl(SectionListPage.PageOf(target))}#item-{itemId.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// Where an action on an item returns without JavaScript: the list page the item is on, scrolled
    /// to the item, so the person does not land at the top of the page.
    /// </summary>
    private async Task<string> ItemUrlAsync(int itemId, CancellationToken ct)
    {
        var sortOrder = await OrderedItems.Where(i => i.Id == itemId).Select(i => i.SortOrder).FirstAsync(ct);
        return $"{ListUrl(SectionListPage.PageOf(await CountBeforeAsync(sortOrder, itemId, ct)))}#item-{itemId.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>How many items come before the one at (<paramref name="sortOrder"/>, <paramref name="id"/>) in the list's order.</summary>
    private Task<int> CountBeforeAsync(int sortOrder, int id, CancellationToken ct) =>
        OrderedItems.CountAsync(i => i.SortOrder < sortOrder || (i.SortOrder == sortOrder && i.Id < id), ct);
}
