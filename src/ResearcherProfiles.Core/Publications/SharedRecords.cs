using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Publications;

/// <summary>What a profile may do with a publication record that other profiles may list too.</summary>
/// <param name="CanEdit">Whether the record's own fields, authors and links may be changed from this profile.</param>
/// <param name="ListedOn">The other profiles listing the record, by display name.</param>
public sealed record SharedRecordRights(bool CanEdit, IReadOnlyList<string> ListedOn)
{
    public bool IsShared => ListedOn.Count > 0;
}

/// <summary>
/// The rules for publication records shared between profiles, in one place:
/// <list type="bullet">
/// <item>A record only this profile lists is this profile's to edit. A record other profiles list
/// too may be edited only from the profiles of its linked authors (and by administrators):
/// a co-author who merely lists it cannot rewrite what appears on the others' pages.</item>
/// <item>Joining an existing record (by import) needs the joiner to be one of its authors.</item>
/// <item>Linking someone else as an author suggests the paper to them; it reaches their profile only
/// when they accept it, or at once when their profile accepts co-authors' papers automatically.</item>
/// <item>Every change to a shared record is recorded in the history of every profile listing it
/// (see <see cref="History.RevisionRecorder"/>), and undoing one never removes another profile's
/// listing or a record that others list (see <see cref="History.RevisionRestorer"/>).</item>
/// </list>
/// </summary>
public static class SharedRecords
{
    public static async Task<SharedRecordRights> RightsAsync(
        AppDbContext db, int publicationId, int researcherId, bool administrator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var others = await db.ProfilePublications.AsNoTracking()
            .Where(pp => pp.PublicationId == publicationId && pp.ResearcherId != researcherId)
            .OrderBy(pp => pp.Researcher!.DisplayName)
            .Select(pp => pp.Researcher!.DisplayName)
            .ToListAsync(ct);
        if (administrator || others.Count == 0)
        {
            return new SharedRecordRights(true, others);
        }
        var isAuthor = await db.PublicationAuthors.AsNoTracking()
            .AnyAsync(a => a.PublicationId == publicationId && a.ResearcherId == researcherId, ct);
        return new SharedRecordRights(isAuthor, others);
    }

    /// <summary>
    /// The message shown when a profile may not change a shared record.
    /// </summary>
    public static string ReadOnlyMessage(SharedRecordRights rights)
    {
        ArgumentNullException.ThrowIfNull(rights);
        return $"This paper is shared with {Names(rights.ListedOn)}, and you are not among its linked authors, so its details " +
            "cannot be changed from your profile. You can still choose whether and where it appears on your profile, or remove it " +
            "from your profile. If you are one of its authors, ask a co-author who lists it to link your name, or ask an administrator.";
    }

    /// <summary>
    /// The message shown when a save would remove the links of co-authors who list the record: a
    /// linked author may edit a shared record from their own profile, so removing their link would
    /// lock them out of a paper still on their page.
    /// </summary>
    public static string UnlinkMessage(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var who = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        var they = names.Count == 1 ? "that researcher" : "those researchers";
        return $"{who} {(names.Count == 1 ? "is a linked author who lists" : "are linked authors who list")} this paper, so the author rows must keep " +
            $"{(names.Count == 1 ? "that link" : "their links")}: only {they}, from {(names.Count == 1 ? "their own profile" : "their own profiles")}, or an administrator can remove " +
            $"{(names.Count == 1 ? "it" : "them")}. You can still correct how the names are written.";
    }

    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "no other profile",
        1 => $"{names[0]}’s profile",
        2 => $"the profiles of {names[0]} and {names[1]}",
        _ => $"the profiles of {string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };

    /// <summary>
    /// Researchers just linked as authors of <paramref name="publication"/> from profile
    /// <paramref name="fromResearcherId"/> are offered the paper: it waits among their suggestions,
    /// or joins their list where its date puts it (<see cref="PublicationPlacement"/>) when their profile
    /// accepts co-authors' papers. Profiles
    /// that list it or have it suggested already are left alone. Tracked only: the caller saves.
    /// </summary>
    public static async Task SuggestToLinkedAuthorsAsync(
        AppDbContext db, Publication publication, IReadOnlyCollection<int> newlyLinked, int fromResearcherId, string? userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(newlyLinked);
        var ids = newlyLinked.Where(id => id != fromResearcherId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var isNew = publication.Id <= 0;
        var people = await db.Researchers.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.DeletedAt == null)
            .Select(r => new
            {
                r.Id,
                r.AcceptCoauthorPapers,
                Listed = !isNew && r.Publications.Any(pp => pp.PublicationId == publication.Id),
                Suggested = !isNew && db.PublicationSuggestions.Any(s => s.ResearcherId == r.Id && s.PublicationId == publication.Id),
            })
            .ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        foreach (var person in people.Where(p => !p.Listed && !p.Suggested))
        {
            if (Offer(db, publication, person.Id, person.AcceptCoauthorPapers, fromResearcherId, userName, now) is { } listing)
            {
                await PublicationPlacement.PlaceAsync(db, person.Id, [listing], ct);
            }
        }
    }

    /// <summary>
    /// <see cref="SuggestToLinkedAuthorsAsync"/> for many new records at once (an import): one query
    /// for every co-author involved, and each auto-accepting co-author's list is arranged once.
    /// </summary>
    public static async Task SuggestNewRecordsAsync(
        AppDbContext db, IReadOnlyList<Publication> publications, int fromResearcherId, string? userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(publications);
        var ids = publications.SelectMany(p => p.Authors.Select(a => a.ResearcherId)).OfType<int>()
            .Where(id => id != fromResearcherId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var people = await db.Researchers.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.DeletedAt == null)
            .Select(r => new { r.Id, r.AcceptCoauthorPapers })
            .ToDictionaryAsync(r => r.Id, r => r.AcceptCoauthorPapers, ct);
        var listed = new Dictionary<int, List<Newcomer>>();
        var now = DateTimeOffset.UtcNow;
        foreach (var publication in publications)
        {
            foreach (var id in publication.Authors.Select(a => a.ResearcherId).OfType<int>().Where(people.ContainsKey).Where(id => id != fromResearcherId).Distinct())
            {
                if (Offer(db, publication, id, people[id], fromResearcherId, userName, now) is { } listing)
                {
                    (listed.TryGetValue(id, out var list) ? list : listed[id] = []).Add(listing);
                }
            }
        }
        foreach (var (id, newcomers) in listed)
        {
            await PublicationPlacement.PlaceAsync(db, id, newcomers, ct);
        }
    }

    /// <summary>
    /// Lists the paper for a researcher who accepts co-authors' papers (returned, to be placed by
    /// <see cref="PublicationPlacement"/>); suggests it otherwise (null).
    /// </summary>
    private static Newcomer? Offer(
        AppDbContext db, Publication publication, int researcherId, bool accepts, int fromResearcherId, string? userName, DateTimeOffset now)
    {
        if (accepts)
        {
            var listing = new ProfilePublication { ResearcherId = researcherId, IsVisible = true };
            publication.Profiles.Add(listing);
            return new Newcomer(listing, new PaperDate(publication.Year, publication.Month));
        }
        db.PublicationSuggestions.Add(new PublicationSuggestion
        {
            ResearcherId = researcherId,
            Publication = publication,
            SuggestedByResearcherId = fromResearcherId,
            SuggestedByUserName = userName,
            CreatedAt = now,
        });
        return null;
    }
}
