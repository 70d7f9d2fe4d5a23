using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Publications;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Bibtex;

public enum ImportState
{
    /// <summary>Not on the site yet: importing creates the record.</summary>
    New,
    /// <summary>The site has the paper on other profiles: importing lists that shared record here too.</summary>
    JoinsExisting,
    /// <summary>The profile lists the paper already: nothing to import.</summary>
    AlreadyListed,
    /// <summary>An earlier entry of the same file is the same paper.</summary>
    RepeatedInFile,
    /// <summary>
    /// The site has a paper with this identifier (or title and year) whose authors do not include
    /// the importer (see <see cref="Publications.SharedRecords"/>), or the entry's DOI or arXiv id is on a
    /// paper, here or earlier in the file, whose title does not agree (see <see cref="TitleAgreement"/>):
    /// it is not joined, and no copy is made.
    /// </summary>
    Conflict,
    Error,
}

/// <summary>The record on the site an entry is the same paper as, and what showed it.</summary>
public sealed record ExistingRecord(int PublicationId, string Title, int? Year, string MatchedBy, IReadOnlyList<string> ListedOn);

/// <summary>One entry of the file as the preview shows it.</summary>
public sealed record ImportCandidate(
    int Index,
    int Line,
    string? Key,
    ImportState State,
    MappedPublication? Mapped,
    string? Error,
    ExistingRecord? Existing,
    int? RepeatOf,
    string? RepeatMatchedBy,
    IReadOnlyList<string> Warnings)
{
    public bool CanImport => State is ImportState.New or ImportState.JoinsExisting;
}

public sealed record ImportPlan(IReadOnlyList<ImportCandidate> Candidates)
{
    public int Count(ImportState state) => Candidates.Count(c => c.State == state);
}

/// <param name="Created">New records made.</param>
/// <param name="Joined">Records already on the site added to the profile.</param>
/// <param name="Skipped">Chosen entries the profile listed by the time of the import (or repeated earlier in the file).</param>
/// <param name="Refused">Chosen entries that cannot be imported: conflicts, unreadable entries, and numbers the file does not have.</param>
public sealed record ImportOutcome(int Created, int Joined, int Skipped, int Refused = 0);

/// <summary>
/// Imports a BibTeX file into one profile: first a plan (what each entry is: new, already on the
/// site, already on the profile, repeated, or broken), then the chosen entries in one save.
/// Papers are recognised by DOI, arXiv id, or normalised title and year, so importing a file twice
/// adds nothing and a paper a co-author already brought to the site is shared, not copied. An
/// identifier alone is not trusted: the titles must agree too, or the entry is a conflict to resolve.
/// </summary>
public sealed class BibtexImporter(AppDbContext db)
{
    /// <summary>Bigger files are refused before parsing; a whole career's .bib is far smaller.</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    public Task<ImportPlan> PlanAsync(int researcherId, string bibtex, CancellationToken ct) =>
        PlanAsync(researcherId, bibtex, BibtexMappingOptions.Default, ct);

    public async Task<ImportPlan> PlanAsync(int researcherId, string bibtex, BibtexMappingOptions options, CancellationToken ct) =>
        (await PlanWithMatcherAsync(researcherId, bibtex, options, ct)).Plan;

    private async Task<(ImportPlan Plan, AuthorMatcher Matcher)> PlanWithMatcherAsync(int researcherId, string bibtex, BibtexMappingOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bibtex);
        var parsed = BibtexParser.Parse(bibtex);
        var people = await db.Researchers
            .Where(r => r.DeletedAt == null)
            .Select(r => new KnownPerson(r.Id, r.DisplayName, r.GivenName, r.FamilyName, r.NameVariants))
            .ToListAsync(ct);
        var matcher = new AuthorMatcher(people);

        var rows = parsed.Entries.Select(e => (e.Line, Entry: (BibtexEntry?)e, Error: (BibtexError?)null))
            .Concat(parsed.Errors.Select(e => (e.Line, Entry: (BibtexEntry?)null, Error: (BibtexError?)e)))
            .OrderBy(r => r.Line)
            .ToList();
        var mapped = rows.Select(r => r.Entry is null ? null : BibtexPublicationMapper.Map(r.Entry, options)).ToList();
        var existing = await FindExistingAsync(mapped.Select(m => m?.Mapped?.Publication).OfType<Publication>().ToList(), ct);
        var listedOn = await ListingsAsync(existing.Values.SelectMany(e => e).Select(e => e.Id).Distinct().ToList(), ct);
        var existingAuthors = await AuthorsAsync(existing.Values.SelectMany(e => e).Select(e => e.Id).Distinct().ToList(), ct);

        var candidates = new List<ImportCandidate>(rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < rows.Count; index++)
        {
            var (line, entry, error) = rows[index];
            if (error is not null)
            {
                candidates.Add(new ImportCandidate(index, line, error.Key, ImportState.Error, null, error.Message, null, null, null, []));
                continue;
            }
            var result = mapped[index]!;
            if (result.Mapped is not { } item)
            {
                candidates.Add(new ImportCandidate(index, line, entry!.Key, ImportState.Error, null, result.Error, null, null, null, []));
                continue;
            }
            var warnings = item.Warnings.Concat(LinkAuthors(item, researcherId, matcher)).ToList();
            var keys = IdentityKeys(item.Publication);

            var earlier = keys.Where(k => seen.ContainsKey(k.Key)).Select(k => (Index: seen[k.Key], k.MatchedBy)).ToList();
            var repeat = earlier.FirstOrDefault(e => TitleAgreement.Agree(item.Publication.Title, mapped[e.Index]!.Mapped!.Publication.Title));
            if (repeat.MatchedBy is not null)
            {
                candidates.Add(new ImportCandidate(index, line, entry!.Key, ImportState.RepeatedInFile, item, null, null, repeat.Index, repeat.MatchedBy, warnings));
                continue;
            }
            if (earlier.Count > 0)
            {
                var (first, matchedBy) = earlier[0];
                var message = $"The {matchedBy} is also on entry {first + 1}, “{mapped[first]!.Mapped!.Publication.Title}”, which does not look like this entry's title, " +
                    "so this entry is not imported. Correct or remove the identifier in the entry that is wrong and preview again.";
                candidates.Add(new ImportCandidate(index, line, entry!.Key, ImportState.Conflict, item, message, null, null, null, warnings));
                continue;
            }
            foreach (var key in keys)
            {
                seen[key.Key] = index;
            }

            var matches = keys.SelectMany(k => existing.TryGetValue(k.Key, out var records) ? records.Select(r => (Found: r, k.MatchedBy)) : []).ToList();
            var match = matches.FirstOrDefault(m => TitleAgreement.Agree(item.Publication.Title, m.Found.Title));
            if (match.Found is null && matches.Count > 0)
            {
                var (other, matchedBy) = matches[0];
                var record = new ExistingRecord(other.Id, other.Title, other.Year, matchedBy,
                    listedOn[other.Id].Where(l => l.ResearcherId != researcherId).Select(l => l.DisplayName).ToList());
                var message = $"The {matchedBy} belongs to “{other.Title}” on this site, which does not look like this entry's title, " +
                    "so the entry is neither joined to that paper nor added. If the identifier is wrong, correct or remove it in the entry and preview again; " +
                    "if it is the same paper, use the title the site has.";
                candidates.Add(new ImportCandidate(index, line, entry!.Key, ImportState.Conflict, item, message, record, null, null, warnings));
                continue;
            }
            if (match.Found is { } found)
            {
                var listings = listedOn[found.Id].ToList();
                var record = new ExistingRecord(found.Id, found.Title, found.Year, match.MatchedBy,
                    listings.Where(l => l.ResearcherId != researcherId).Select(l => l.DisplayName).ToList());
                var state = listings.Any(l => l.ResearcherId == researcherId) ? ImportState.AlreadyListed
                    : IsAuthor(existingAuthors[found.Id], researcherId, matcher) ? ImportState.JoinsExisting
                    : ImportState.Conflict;
                var conflict = state == ImportState.Conflict
                    ? $"The site already has a paper with this {match.MatchedBy}, “{found.Title}”, and its authors do not include you, so it is not added to your profile. " +
                      "If it is yours, check the identifier; if it is the same paper, ask a co-author who lists it to link your name, or an administrator."
                    : null;
                candidates.Add(new ImportCandidate(index, line, entry!.Key, state, item, conflict, record, null, null, warnings));
                continue;
            }
            candidates.Add(new ImportCandidate(index, line, entry!.Key, ImportState.New, item, null, null, null, null, warnings));
        }
        return (new ImportPlan(candidates), matcher);
    }

    /// <summary>
    /// Plans the text again (the site may have changed since the preview) and saves the chosen
    /// entries that can still be imported, all in one transaction with one history entry.
    /// </summary>
    public Task<ImportOutcome> ImportAsync(int researcherId, string bibtex, IReadOnlySet<int> chosen, CancellationToken ct) =>
        ImportAsync(researcherId, bibtex, chosen, BibtexMappingOptions.Default, ct);

    public async Task<ImportOutcome> ImportAsync(int researcherId, string bibtex, IReadOnlySet<int> chosen, BibtexMappingOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        // Plan and save as one unit, one import at a time: two imports of the same file at once
        // would otherwise both find the papers new and both create them.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A write to the profile's row: SQLite lets one writer in at a time, other databases lock the row.
        await db.Researchers.Where(r => r.Id == researcherId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Version, r => r.Version), ct);
        var (plan, matcher) = await PlanWithMatcherAsync(researcherId, bibtex, options, ct);
        var toImport = plan.Candidates.Where(c => c.CanImport && chosen.Contains(c.Index)).ToList();
        var skipped = plan.Candidates.Count(c => c.State is ImportState.AlreadyListed or ImportState.RepeatedInFile && chosen.Contains(c.Index));
        var refused = chosen.Count - toImport.Count - skipped;
        if (toImport.Count == 0)
        {
            return new ImportOutcome(0, 0, skipped, refused);
        }

        var newcomers = new List<Newcomer>(toImport.Count);
        var unlinkedRows = await UnlinkedAuthorRowsAsync(toImport, ct);
        int created = 0, joined = 0;
        foreach (var candidate in toImport)
        {
            var listing = new ProfilePublication
            {
                ResearcherId = researcherId,
                IsVisible = !candidate.Mapped!.Hidden,
                IsHighlighted = candidate.Mapped.Selected,
            };
            newcomers.Add(new Newcomer(listing, new PaperDate(candidate.Mapped.Publication.Year, candidate.Mapped.Publication.Month)));
            if (candidate.State == ImportState.New)
            {
                var publication = candidate.Mapped.Publication;
                publication.CreatedAt = publication.UpdatedAt = DateTimeOffset.UtcNow;
                publication.Profiles.Add(listing);
                db.Publications.Add(publication);
                created++;
            }
            else
            {
                listing.PublicationId = candidate.Existing!.PublicationId;
                db.ProfilePublications.Add(listing);
                LinkOwnerInExistingRecord(candidate.Existing.PublicationId, researcherId, unlinkedRows, matcher);
                joined++;
            }
        }
        await PublicationPlacement.PlaceAsync(db, researcherId, newcomers, ct);
        var createdRecords = toImport.Where(c => c.State == ImportState.New).Select(c => c.Mapped!.Publication).ToList();
        await SharedRecords.SuggestNewRecordsAsync(db, createdRecords, researcherId, db.History?.UserName, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportOutcome(created, joined, skipped, refused);
    }

    /// <summary>Links the owner and co-authors on the site; returns what the preview should point out.</summary>
    private static IEnumerable<string> LinkAuthors(MappedPublication item, int ownerId, AuthorMatcher matcher)
    {
        var authors = item.Publication.Authors;
        var ownerFound = false;
        // A person is one author of a paper: a name written twice in the entry links only once.
        var linked = new HashSet<int>();
        for (var i = 0; i < authors.Count; i++)
        {
            var found = matcher.Find(item.Names[i]);
            if (!ownerFound && found.Contains(ownerId))
            {
                authors[i].ResearcherId = ownerId;
                ownerFound = true;
                continue;
            }
            var others = found.Where(id => id != ownerId).ToList();
            if (others.Count == 1 && linked.Add(others[0]))
            {
                authors[i].ResearcherId = others[0];
            }
            else if (others.Count > 1)
            {
                yield return $"“{authors[i].Name}” could be any of {string.Join(", ", others.Select(matcher.DisplayNameOf))} on this site, so it is not linked; link it in the publication editor.";
            }
        }
        if (!ownerFound)
        {
            yield return "Your name was not found among the authors, so it will not be in bold. Add the spelling used here to “Other spellings of your name” under Basics, or link yourself in the publication editor after importing.";
        }
    }

    private static List<(string Key, string MatchedBy)> IdentityKeys(Publication p)
    {
        var keys = new List<(string, string)>(3);
        if (p.Doi is not null)
        {
            keys.Add(("doi:" + p.Doi, $"DOI {p.Doi}"));
        }
        if (p.ArxivId is not null)
        {
            keys.Add(("arxiv:" + p.ArxivId, $"arXiv id {p.ArxivId}"));
        }
        if (!string.IsNullOrEmpty(p.TitleKey))
        {
            keys.Add(($"title:{p.Year}:{p.TitleKey}", p.Year is null ? "title (both undated)" : $"title and year {p.Year}"));
        }
        return keys;
    }

    private sealed record Found(int Id, string Title, int? Year);

    /// <summary>
    /// Existing records by identity key, oldest first, looked up through the DOI, arXiv and title indexes:
    /// three queries whatever the file's size. A key may find several records (nothing stops two papers
    /// carrying one DOI), and the entry is matched to the first whose title agrees.
    /// </summary>
    private async Task<Dictionary<string, List<Found>>> FindExistingAsync(List<Publication> drafts, CancellationToken ct)
    {
        var dois = drafts.Select(p => p.Doi).OfType<string>().Distinct().ToList();
        var arxivIds = drafts.Select(p => p.ArxivId).OfType<string>().Distinct().ToList();
        var titleKeys = drafts.Select(p => p.TitleKey).OfType<string>().Where(k => k.Length > 0).Distinct().ToList();
        var found = new Dictionary<string, List<Found>>(StringComparer.Ordinal);
        void Add(string key, Found record)
        {
            if (!found.TryGetValue(key, out var records))
            {
                found[key] = records = [];
            }
            records.Add(record);
        }

        foreach (var p in dois.Count == 0 ? [] : await db.Publications.Where(p => dois.Contains(p.Doi!)).OrderBy(p => p.Id)
                     .Select(p => new { p.Id, p.Title, p.Year, p.Doi }).ToListAsync(ct))
        {
            Add("doi:" + p.Doi, new Found(p.Id, p.Title, p.Year));
        }
        foreach (var p in arxivIds.Count == 0 ? [] : await db.Publications.Where(p => arxivIds.Contains(p.ArxivId!)).OrderBy(p => p.Id)
                     .Select(p => new { p.Id, p.Title, p.Year, p.ArxivId }).ToListAsync(ct))
        {
            Add("arxiv:" + p.ArxivId, new Found(p.Id, p.Title, p.Year));
        }
        foreach (var p in titleKeys.Count == 0 ? [] : await db.Publications.Where(p => titleKeys.Contains(p.TitleKey!)).OrderBy(p => p.Id)
                     .Select(p => new { p.Id, p.Title, p.Year, p.TitleKey }).ToListAsync(ct))
        {
            Add($"title:{p.Year}:{p.TitleKey}", new Found(p.Id, p.Title, p.Year));
        }
        return found;
    }

    private async Task<ILookup<int, (int ResearcherId, string DisplayName)>> ListingsAsync(List<int> publicationIds, CancellationToken ct)
    {
        if (publicationIds.Count == 0)
        {
            return Array.Empty<(int, (int, string))>().ToLookup(x => x.Item1, x => x.Item2);
        }
        return (await db.ProfilePublications
                .Where(pp => publicationIds.Contains(pp.PublicationId))
                .Select(pp => new { pp.PublicationId, pp.ResearcherId, pp.Researcher!.DisplayName })
                .ToListAsync(ct))
            .ToLookup(x => x.PublicationId, x => (x.ResearcherId, x.DisplayName));
    }

    private sealed record ExistingAuthor(int PublicationId, string Name, int? ResearcherId);

    private async Task<ILookup<int, ExistingAuthor>> AuthorsAsync(List<int> publicationIds, CancellationToken ct)
    {
        if (publicationIds.Count == 0)
        {
            return Array.Empty<ExistingAuthor>().ToLookup(a => a.PublicationId);
        }
        return (await db.PublicationAuthors
                .Where(a => publicationIds.Contains(a.PublicationId))
                .Select(a => new ExistingAuthor(a.PublicationId, a.Name, a.ResearcherId))
                .ToListAsync(ct))
            .ToLookup(a => a.PublicationId);
    }

    /// <summary>The importer is one of the record's authors: linked to it already, or named in an unlinked author row.</summary>
    private static bool IsAuthor(IEnumerable<ExistingAuthor> authors, int researcherId, AuthorMatcher matcher) =>
        authors.Any(a => a.ResearcherId == researcherId
            || a.ResearcherId is null && matcher.Find(BibtexNames.Parse(a.Name) is [var name, ..] ? name : Nobody).Contains(researcherId));

    /// <summary>The author rows of joined records that no researcher is linked to yet, tracked for linking the owner.</summary>
    private async Task<ILookup<int, PublicationAuthor>> UnlinkedAuthorRowsAsync(List<ImportCandidate> toImport, CancellationToken ct)
    {
        var ids = toImport.Where(c => c.State == ImportState.JoinsExisting).Select(c => c.Existing!.PublicationId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return Array.Empty<PublicationAuthor>().ToLookup(a => a.PublicationId);
        }
        return (await db.PublicationAuthors.AsTracking()
                .Where(a => ids.Contains(a.PublicationId) && a.ResearcherId == null)
                .OrderBy(a => a.Position)
                .ToListAsync(ct))
            .ToLookup(a => a.PublicationId);
    }

    /// <summary>
    /// In a shared record, the first unlinked author whose name is the owner's gets linked to them.
    /// Nothing else in the shared record changes: its other listings keep what their owners see.
    /// </summary>
    private static void LinkOwnerInExistingRecord(int publicationId, int ownerId, ILookup<int, PublicationAuthor> unlinked, AuthorMatcher matcher)
    {
        var row = unlinked[publicationId].FirstOrDefault(a => matcher.Find(BibtexNames.Parse(a.Name) is [var name, ..] ? name : Nobody).Contains(ownerId));
        if (row is not null)
        {
            row.ResearcherId = ownerId;
        }
    }

    private static readonly BibtexName Nobody = new("", "", "", "", IsOthers: true, EqualContribution: false);
}
