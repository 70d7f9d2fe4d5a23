using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Bibtex;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Publications;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// Creates or edits one publication, authors and links included. The row buttons (add, move,
/// remove, fill from a pasted author list) submit the form and re-render it with the change
/// applied, unsaved and scrolled to the row acted on, so the editor works without JavaScript;
/// only "Save" writes, in one transaction.
/// </summary>
[RequestFormLimits(ValueCountLimit = PublicationInput.MaxFormValues)]
public sealed class PublicationEditModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    public const string NewKey = "new";

    /// <summary>"new", or the publication's id.</summary>
    [FromRoute(Name = "id")]
    public string Key { get; set; } = NewKey;

    [BindProperty]
    public PublicationInput Input { get; set; } = new();

    public const string SaveCommand = "save";

    /// <summary>Saves a new paper and opens an empty form for the next: entering a list of papers by hand costs one page a paper.</summary>
    public const string SaveAndAddCommand = "save-add";
    public const string FillAuthorsCommand = "fill-authors";
    public const string AuthorRowName = "author";

    /// <summary>Which button submitted the form: "save", "add-author", "author-up-2", "fill-authors", "add-link", ...</summary>
    [BindProperty]
    public string? Command { get; set; }

    /// <summary>The form's token when it adds a paper (see <see cref="AddOnce"/>): posted back, or new when the empty form is shown.</summary>
    [BindProperty(Name = AddOnce.FieldName)]
    public Guid? AddToken { get; set; }

    /// <summary>"Filled 11 author rows.", after the rows were filled from a pasted list.</summary>
    public string? FillMessage { get; private set; }

    /// <summary>Where a row button posts: this page, with its query, landing at <paramref name="fragment"/>.</summary>
    public string RowAction(string fragment) => RowCommands.ActionUrl(Request, fragment);

    public LinkRowsView LinkRowsView => LinkRowsView.For(
        "PDF, code, slides, project page, …", Input.Links, PublicationChoices.LinkKinds, RowAction);

    public int? PublicationId { get; private set; }

    public bool IsNew => PublicationId is null;

    public IReadOnlyList<SelectListItem> Researchers { get; private set; } = [];

    /// <summary>Other profiles that list this paper: a save changes it for them too.</summary>
    public IReadOnlyList<string> SharedWith { get; private set; } = [];

    /// <summary>Whether this profile may change the record (see <see cref="SharedRecords"/>); new records always.</summary>
    public SharedRecordRights Rights { get; private set; } = new(true, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!TryReadKey())
        {
            return NotFound();
        }
        if (IsNew)
        {
            Input = new PublicationInput
            {
                Year = DateTime.UtcNow.Year,
                Authors = [new PublicationInput.AuthorInput { Name = Profile.DisplayName, ResearcherId = Profile.Id }],
            };
            Input.AddBlankRows(authors: 2, links: 3);
            AddToken = Guid.NewGuid();
        }
        else
        {
            var publication = await LoadAsync(tracked: false, ct);
            if (publication is null)
            {
                return NotFound();
            }
            Rights = await RightsAsync(ct);
            Input = PublicationInput.From(publication);
            Input.AddBlankRows(authors: 1, links: Input.Links.Count == 0 ? 3 : 1);
            OriginalValues = FormSnapshot.Capture(Input);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Saves the form; run again when PostgreSQL rolled the save back to settle a race (see <see cref="SaveAgain.OnRaceRolledBackAsync"/>).</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAgain.OnRaceRolledBackAsync(db, () => SaveAsync(ct));

    private async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        if (!TryReadKey())
        {
            return NotFound();
        }
        if (!IsNew && !await db.ProfilePublications.AnyAsync(pp => pp.ResearcherId == Profile.Id && pp.PublicationId == PublicationId, ct))
        {
            return NotFound();
        }
        if (!IsNew)
        {
            Rights = await RightsAsync(ct);
            if (!Rights.CanEdit)
            {
                ModelState.AddModelError(string.Empty, SharedRecords.ReadOnlyMessage(Rights));
                await LoadChoicesAsync(ct);
                return Page();
            }
        }
        await LinkProfileAddressesAsync(ct);
        if (Command == FillAuthorsCommand)
        {
            // Only the box is checked here: the rest of the form is checked when it is saved.
            await FillAuthorsFromPasteAsync(ct);
            var pasteErrors = ModelState.TryGetValue(AuthorPasteKey, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
            ModelState.Clear();
            pasteErrors.ForEach(message => ModelState.AddModelError(AuthorPasteKey, message));
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (ApplyRowCommand())
        {
            // The rows moved: the posted values in ModelState would be rendered at their old positions.
            ModelState.Clear();
            await LoadChoicesAsync(ct);
            return Page();
        }
        // Saved with a pasted list in the box: its names are the authors, so a long author list is one save.
        if (!string.IsNullOrWhiteSpace(Input.AuthorPaste))
        {
            await FillAuthorsFromPasteAsync(ct);
        }

        var linked = Input.Authors.Where(a => a.ResearcherId is not null).Select(a => a.ResearcherId!.Value).ToList();
        var researchers = await db.Researchers.Where(r => r.DeletedAt == null && linked.Contains(r.Id))
            .Select(r => new KnownPerson(r.Id, r.DisplayName, r.GivenName, r.FamilyName, r.NameVariants))
            .ToDictionaryAsync(r => r.ResearcherId, ct);
        Input.Validate(ModelState, researchers);
        await CheckIdentifiersAsync(ct);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        var authors = Input.AuthorsToSave(researchers.ToDictionary(r => r.Key, r => r.Value.DisplayName));
        Publication? publication;
        await using var addition = IsNew && AddToken is Guid ? await AddOnce.BeginAsync(db, Profile.Id, ct) : null;
        if (IsNew && AddToken is Guid token)
        {
            var changeSet = AddOnce.ChangeSetFor(token, FormSnapshot.Capture(Input));
            var earlier = await AddOnce.FindAsync(db, Profile.Id, nameof(Publication), changeSet, ct);
            if (earlier.Added is int added && await db.ProfilePublications.AnyAsync(pp => pp.ResearcherId == Profile.Id && pp.PublicationId == added, ct))
            {
                return await AddedAsync(added, await db.Publications.Where(p => p.Id == added).Select(p => p.Title).FirstAsync(ct), ct);
            }
            AddOnce.RecordAs(db, changeSet, earlier);
        }
        if (IsNew)
        {
            publication = new Publication { Title = Input.Title!.Trim(), CreatedAt = DateTimeOffset.UtcNow };
            db.Publications.Add(publication);
            var listing = new ProfilePublication { ResearcherId = Profile.Id };
            publication.Profiles.Add(listing);
            await PublicationPlacement.PlaceAsync(db, Profile.Id, [new Newcomer(listing, new PaperDate(Input.Year, Input.Month))], ct);
        }
        else
        {
            publication = await LoadAsync(tracked: true, ct);
            if (publication is null)
            {
                return NotFound();
            }
            db.Entry(publication).Property(p => p.Version).OriginalValue = Input.Version;
        }
        var linkedBefore = publication.Authors.Where(a => a.ResearcherId is not null).Select(a => a.ResearcherId!.Value).ToHashSet();
        if (!IsNew && await UnlinkedListersAsync(linkedBefore, authors, ct) is { Count: > 0 } unlinked)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PublicationInput.Authors)}", SharedRecords.UnlinkMessage(unlinked));
            await LoadChoicesAsync(ct);
            return Page();
        }
        Input.ApplyTo(publication);
        ReplaceAuthors(publication, authors);
        ReplaceLinks(publication, Input.LinksToSave());
        var newlyLinked = authors.Select(a => a.ResearcherId).OfType<int>().Where(id => !linkedBefore.Contains(id)).ToList();
        await SharedRecords.SuggestToLinkedAuthorsAsync(db, publication, newlyLinked, Profile.Id, User.Identity?.Name, ct);
        // Touched when anything changed, authors and links included, so that the stale-form check
        // runs; a save that changes nothing writes nothing, and leaves co-authors' open forms current.
        db.ChangeTracker.DetectChanges();
        if (db.ChangeTracker.HasChanges())
        {
            publication.UpdatedAt = DateTimeOffset.UtcNow;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ExplainConflictAsync(ct);
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (addition is not null)
        {
            await addition.CommitAsync(ct);
        }
        if (IsNew)
        {
            return await AddedAsync(publication.Id, publication.Title, ct);
        }
        StatusMessage = $"Saved “{publication.Title}”.";
        return Redirect(await ListingUrlAsync(publication.Id, ct));
    }

    /// <summary>
    /// A DOI or arXiv id, new to this record, that another paper of the site has already: that paper
    /// is the one to list (shared with its co-authors, one record for everyone), not a second copy
    /// of it. A pair of records that share one from before can still be edited in other ways.
    /// </summary>
    private async Task CheckIdentifiersAsync(CancellationToken ct)
    {
        var doi = string.IsNullOrWhiteSpace(Input.Doi) ? null : ScholarlyIds.NormalizeDoi(Input.Doi);
        var arxivId = string.IsNullOrWhiteSpace(Input.ArxivId) ? null : ScholarlyIds.NormalizeArxivId(Input.ArxivId);
        if (doi is null && arxivId is null)
        {
            return;
        }
        var stored = IsNew ? null : await db.Publications.Where(p => p.Id == PublicationId).Select(p => new { p.Doi, p.ArxivId }).FirstOrDefaultAsync(ct);
        if (doi is not null && doi != stored?.Doi
            && await OtherWithAsync(db.Publications.Where(p => p.Doi == doi), ct) is { } sameDoi)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PublicationInput.Doi)}", TakenIdentifierMessage("DOI", sameDoi.Title, sameDoi.Listed));
        }
        if (arxivId is not null && arxivId != stored?.ArxivId
            && await OtherWithAsync(db.Publications.Where(p => p.ArxivId == arxivId), ct) is { } sameArxiv)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PublicationInput.ArxivId)}", TakenIdentifierMessage("arXiv id", sameArxiv.Title, sameArxiv.Listed));
        }
    }

    private Task<TakenIdentifier?> OtherWithAsync(IQueryable<Publication> same, CancellationToken ct) =>
        same.Where(p => p.Id != PublicationId).OrderBy(p => p.Id)
            .Select(p => new TakenIdentifier(p.Title, p.Profiles.Any(pp => pp.ResearcherId == Profile.Id)))
            .FirstOrDefaultAsync(ct);

    private sealed record TakenIdentifier(string Title, bool Listed);

    public static string TakenIdentifierMessage(string kind, string title, bool listed) => listed
        ? $"Your list has a paper with this {kind} already: “{title}”."
        : $"The site has a paper with this {kind} already, “{title}”. Add it with “Add by DOI or arXiv id” to list that paper, shared with its co-authors, rather than a second copy of it.";

    /// <summary>After a paper was added (or a second post of the form found it added): the next empty form, or the paper in the list.</summary>
    private async Task<IActionResult> AddedAsync(int publicationId, string title, CancellationToken ct)
    {
        if (Command == SaveAndAddCommand)
        {
            StatusMessage = $"Added “{title}” where its date puts it in your list. Enter the next one below.";
            return Redirect($"{Url.Page("/Edit/PublicationEdit", new { slug = Profile.Slug, id = NewKey })}#{FormLanding.Status}");
        }
        StatusMessage = $"Added “{title}” where its date puts it in your list.";
        return Redirect(await ListingUrlAsync(publicationId, ct));
    }

    /// <summary>The publications editor at the page that shows this paper, scrolled to it.</summary>
    private async Task<string> ListingUrlAsync(int publicationId, CancellationToken ct)
    {
        var own = db.ProfilePublications.Where(pp => pp.ResearcherId == Profile.Id);
        var entry = await own.Where(pp => pp.PublicationId == publicationId).Select(pp => new { pp.Id, pp.SortOrder }).FirstAsync(ct);
        var before = await PublicationsModel.CountBeforeAsync(own, entry.SortOrder, entry.Id, ct);
        var page = before / PublicationsModel.PageSize + 1;
        var url = Url.Page("/Edit/Publications", new { slug = Profile.Slug, p = page == 1 ? (int?)null : page })!;
        return $"{url}#entry-{entry.Id.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The other researchers linked as authors of the saved record, listing it on their profiles,
    /// whose links the form removes: their link is what lets them edit the paper from their own
    /// profile, so only they, or an administrator, may remove it (<see cref="SharedRecords"/>).
    /// </summary>
    private async Task<List<string>> UnlinkedListersAsync(IReadOnlySet<int> linkedBefore, IReadOnlyList<PublicationInput.AuthorInput> authors, CancellationToken ct)
    {
        if (User.IsInRole(AccountsExtensions.AdminRole))
        {
            return [];
        }
        var kept = authors.Select(a => a.ResearcherId).OfType<int>().ToHashSet();
        var removed = linkedBefore.Where(id => id != Profile.Id && !kept.Contains(id)).ToList();
        if (removed.Count == 0)
        {
            return [];
        }
        return await db.ProfilePublications.AsNoTracking()
            .Where(pp => pp.PublicationId == PublicationId && removed.Contains(pp.ResearcherId))
            .OrderBy(pp => pp.Researcher!.DisplayName)
            .Select(pp => pp.Researcher!.DisplayName)
            .ToListAsync(ct);
    }

    private Task<SharedRecordRights> RightsAsync(CancellationToken ct) =>
        SharedRecords.RightsAsync(db, PublicationId!.Value, Profile.Id, User.IsInRole(AccountsExtensions.AdminRole), ct);

    private bool TryReadKey()
    {
        if (Key == NewKey)
        {
            PublicationId = null;
            return true;
        }
        if (int.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            PublicationId = id;
            return true;
        }
        return false;
    }

    /// <summary>The publication, only when this profile lists it: ids of other profiles' papers are not found.</summary>
    private Task<Publication?> LoadAsync(bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Publications.AsTracking() : db.Publications.AsNoTracking();
        return query
            .Include(p => p.Authors)
            .Include(p => p.Links)
            .Where(p => p.Id == PublicationId && p.Profiles.Any(pp => pp.ResearcherId == Profile.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
    }

    /// <returns>True when the form was submitted by a row button (or a button this page does not have) rather than Save.</returns>
    private bool ApplyRowCommand()
    {
        return RowCommands.Apply(Input.Authors, Command, AuthorRowName, PublicationInput.MaxAuthors, () => new PublicationInput.AuthorInput())
            || RowCommands.Apply(Input.Links, Command, LinkRows.RowName, PublicationInput.MaxLinks, () => new LinkRowInput<PublicationLinkKind>())
            || Command is not (null or "" or SaveCommand or SaveAndAddCommand);
    }

    private const string AuthorPasteKey = $"{nameof(Input)}.{nameof(PublicationInput.AuthorPaste)}";

    /// <summary>
    /// Replaces the author rows with the names of the pasted list, linking each to the researcher on
    /// the site it names (the owner by their name or a name variant, co-authors likewise), and empties
    /// the box. A list that cannot be read is a message next to the box, and the rows stay as they were.
    /// </summary>
    /// <returns>True when the rows were filled.</returns>
    private async Task<bool> FillAuthorsFromPasteAsync(CancellationToken ct)
    {
        const string key = AuthorPasteKey;
        var text = Input.AuthorPaste;
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, "Paste the author list into the box first, then fill the rows.");
            return false;
        }
        if (text.Length > AuthorListParser.MaxTextLength)
        {
            // The length check of the input model has said so already.
            return false;
        }
        var pasted = AuthorListParser.Parse(text, PublicationInput.MaxAuthors);
        if (pasted.Authors.Count == 0)
        {
            ModelState.AddModelError(key, "No names were found in the pasted text. Separate the names with commas, “and” or new lines.");
            return false;
        }
        if (pasted.Authors.FirstOrDefault(a => a.Name.Length > PublicationInput.AuthorInput.MaxNameLength) is { } longName)
        {
            ModelState.AddModelError(key, $"The name “{longName.Name[..40]}…” is longer than an author's name can be ({PublicationInput.AuthorInput.MaxNameLength} characters). Separate the names with commas, “and” or new lines.");
            return false;
        }
        if (pasted.Truncated && Command != FillAuthorsCommand)
        {
            // Filling the rows says what was left out and lets the person look; a save would drop names unseen.
            ModelState.AddModelError(key, $"The pasted list has more than {PublicationInput.MaxAuthors} names, and a publication has at most {PublicationInput.MaxAuthors} authors here; shorten the list.");
            return false;
        }

        // The names a row was already linked to keep that link when the list names them the same way.
        var linkedBefore = Input.Authors
            .Where(a => a.ResearcherId is not null && !string.IsNullOrWhiteSpace(a.Name))
            .GroupBy(a => a.Name!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().ResearcherId!.Value, StringComparer.OrdinalIgnoreCase);
        List<int> candidates = [.. await OfferedResearcherIdsAsync(ct), .. linkedBefore.Values];
        var people = await db.Researchers.Where(r => r.DeletedAt == null && candidates.Contains(r.Id))
            .Select(r => new KnownPerson(r.Id, r.DisplayName, r.GivenName, r.FamilyName, r.NameVariants))
            .ToListAsync(ct);
        var names = pasted.Authors.Select(a => a.Name).ToList();
        var links = PastedAuthorLinks.Match(names, new AuthorMatcher(people), Profile.Id);
        var used = links.OfType<int>().ToHashSet();
        Input.Authors = pasted.Authors.Select((author, i) => new PublicationInput.AuthorInput
        {
            Name = author.Name,
            ResearcherId = links[i] ?? (linkedBefore.TryGetValue(author.Name, out var id) && used.Add(id) ? id : null),
            EqualContribution = author.EqualContribution,
            Corresponding = author.Corresponding,
        }).ToList();
        Input.AuthorPaste = null;
        foreach (var stale in ModelState.Keys.Where(k => k.StartsWith($"{nameof(Input)}.{nameof(PublicationInput.Authors)}", StringComparison.Ordinal) || k == key).ToList())
        {
            ModelState.Remove(stale);
        }
        var count = Input.Authors.Count;
        FillMessage = (count == 1 ? "Filled 1 author row." : $"Filled {count} author rows.")
            + (pasted.Truncated ? $" A publication has at most {PublicationInput.MaxAuthors} authors here: the names after that were left out." : string.Empty);
        return true;
    }

    /// <summary>Rewrites the author rows position by position, so unchanged authors record no change.</summary>
    private void ReplaceAuthors(Publication publication, IReadOnlyList<PublicationInput.AuthorInput> authors)
    {
        var existing = publication.Authors.OrderBy(a => a.Position).ToList();
        for (var i = 0; i < authors.Count; i++)
        {
            var row = i < existing.Count ? existing[i] : new PublicationAuthor { Name = string.Empty, Position = i };
            row.Name = authors[i].Name!;
            row.ResearcherId = authors[i].ResearcherId;
            row.EqualContribution = authors[i].EqualContribution;
            row.Corresponding = authors[i].Corresponding;
            if (i >= existing.Count)
            {
                publication.Authors.Add(row);
            }
        }
        db.PublicationAuthors.RemoveRange(existing.Skip(authors.Count));
    }

    private void ReplaceLinks(Publication publication, IReadOnlyList<LinkRowInput<PublicationLinkKind>> links)
    {
        var existing = publication.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToList();
        for (var i = 0; i < links.Count; i++)
        {
            var row = i < existing.Count ? existing[i] : new PublicationLink { Url = string.Empty };
            row.SortOrder = i;
            row.Kind = links[i].Kind;
            row.Label = links[i].Label;
            row.Url = links[i].Url!;
            if (i >= existing.Count)
            {
                publication.Links.Add(row);
            }
        }
        db.PublicationLinks.RemoveRange(existing.Skip(links.Count));
    }

    /// <summary>Someone saved the paper after this form was loaded: say what differs, keep the person's input, overwrite nothing.</summary>
    private async Task ExplainConflictAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await LoadAsync(tracked: false, ct);
        if (current is null)
        {
            ModelState.AddModelError(string.Empty,
                "This publication was removed from the profile after you opened the form, so your changes were not saved. The history page can restore it.");
            return;
        }
        KeepTypedFormAgainst(Input, PublicationInput.From(current));
    }

    /// <summary>Most co-authors offered in each author row's list; anyone else is linked by profile address.</summary>
    public const int MaxCoauthorChoices = 200;

    /// <summary>
    /// The choices of each author row's researcher list, bounded however many researchers the site
    /// has: the researchers the form already links, this profile's owner, and the researchers who
    /// share most papers with this profile. Anyone else is linked by profile address.
    /// </summary>
    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        List<int> offered =
        [
            .. await OfferedResearcherIdsAsync(ct),
            .. Input.Authors.Where(a => a.ResearcherId is not null).Select(a => a.ResearcherId!.Value),
        ];
        var researchers = await db.Researchers.Where(r => r.DeletedAt == null && offered.Contains(r.Id))
            .OrderBy(r => r.DisplayName).ThenBy(r => r.Slug)
            .Select(r => new { r.Id, r.DisplayName, r.Slug })
            .ToListAsync(ct);
        var duplicates = researchers.GroupBy(r => r.DisplayName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        Researchers =
        [
            new SelectListItem("— not on this site —", string.Empty),
            .. researchers.Select(r => new SelectListItem(
                duplicates.Contains(r.DisplayName) ? $"{r.DisplayName} ({r.Slug})" : r.DisplayName,
                r.Id.ToString(CultureInfo.InvariantCulture))),
        ];
        if (PublicationId is int id)
        {
            SharedWith = await db.ProfilePublications
                .Where(pp => pp.PublicationId == id && pp.ResearcherId != Profile.Id)
                .Select(pp => pp.Researcher!.DisplayName)
                .OrderBy(n => n)
                .ToListAsync(ct);
        }
    }

    /// <summary>This profile's owner and the researchers who share most papers with this profile: the ones a row offers, and a pasted list is matched against.</summary>
    private async Task<List<int>> OfferedResearcherIdsAsync(CancellationToken ct)
    {
        var papers = db.ProfilePublications.Where(pp => pp.ResearcherId == Profile.Id).Select(pp => pp.PublicationId);
        var coauthors = await db.PublicationAuthors
            .Where(a => a.ResearcherId != null && a.ResearcherId != Profile.Id && papers.Contains(a.PublicationId))
            .GroupBy(a => a.ResearcherId!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .Take(MaxCoauthorChoices)
            .ToListAsync(ct);
        return [Profile.Id, .. coauthors];
    }

    /// <summary>
    /// Links the author rows that name a profile address to that researcher, so the row shows them
    /// chosen in its list; an address that no profile on the site has is an error next to its field.
    /// </summary>
    private async Task LinkProfileAddressesAsync(CancellationToken ct)
    {
        var typed = Input.Authors
            .Select((author, index) => (author, index, Slug: ProfileSlug.FromAddress(author.ProfileAddress)))
            .Where(row => !string.IsNullOrWhiteSpace(row.author.ProfileAddress))
            .ToList();
        if (typed.Count == 0)
        {
            return;
        }
        var slugs = typed.Select(row => row.Slug).ToList();
        var found = await db.Researchers.Where(r => r.DeletedAt == null && slugs.Contains(r.Slug))
            .ToDictionaryAsync(r => r.Slug, r => r.Id, ct);
        foreach (var (author, index, slug) in typed)
        {
            var prefix = $"{nameof(Input)}.{nameof(Input.Authors)}[{index}]";
            if (found.TryGetValue(slug, out var researcherId))
            {
                author.ResearcherId = researcherId;
                author.ProfileAddress = null;
                // The posted values would otherwise be shown instead: an empty list choice, the typed address.
                ModelState.Remove($"{prefix}.{nameof(PublicationInput.AuthorInput.ResearcherId)}");
                ModelState.Remove($"{prefix}.{nameof(PublicationInput.AuthorInput.ProfileAddress)}");
            }
            else
            {
                ModelState.AddModelError(
                    $"{prefix}.{nameof(PublicationInput.AuthorInput.ProfileAddress)}",
                    $"No profile on this site has the address “{author.ProfileAddress!.Trim()}”. Enter the last part of their profile's address (for /people/ada-lovelace, ada-lovelace), or leave this empty.");
            }
        }
    }
}
