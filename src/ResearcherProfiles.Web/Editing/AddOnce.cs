using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// A form that adds an item is sent once however often it is posted. Each time the empty form is
/// shown it carries a token of its own (<see cref="FieldName"/>), and the save that adds the item
/// records, as the id of its change set in the profile's history, an id made from that token and
/// the values posted (<see cref="ChangeSetFor"/>). A second post of the same form with the same
/// values — a double click without JavaScript, a reload that posts again, Back and Save — finds
/// that change set and leads to the item already added instead of adding it again; Back, a value
/// changed and Save is a save of its own. A form shown again with errors keeps its token: nothing
/// was added yet. Made from the values, the id cannot be chosen to be another save's. Two posts at
/// the same moment (a double click without JavaScript sends the second before the first is
/// saved) run one after the other (<see cref="BeginAsync"/>): the second finds the first's save.
/// </summary>
public static class AddOnce
{
    /// <summary>The form field that carries the token.</summary>
    public const string FieldName = "AddToken";

    /// <summary>The change set a post of the form with <paramref name="token"/> holding <paramref name="values"/> records.</summary>
    public static Guid ChangeSetFor(Guid token, string values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{token:N}\n{values}"), hash);
        return new Guid(hash[..16]);
    }

    /// <summary>What an earlier post of the form with a token did.</summary>
    /// <param name="Added">The id of the item of the type asked about that the save added to the profile, when it made one.</param>
    /// <param name="Used">Whether any save recorded the token already (then it cannot name another).</param>
    /// <param name="Changed">How many of the profile's records that save added or changed.</param>
    public sealed record Earlier(int? Added, bool Used, int Changed);

    /// <summary>
    /// Begins the transaction in which a post with a token looks for an earlier save (<see cref="FindAsync"/>)
    /// and saves, holding the profile's row until it commits: another post of the same form waits,
    /// then finds this one's change set instead of adding the item again. The caller commits after
    /// its save; disposing without a commit (an earlier save found, a refused form) changes nothing.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(AppDbContext db, int researcherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // A write to the profile's row: SQLite lets one writer in at a time, other databases lock the row.
            await db.Researchers.Where(r => r.Id == researcherId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Version, r => r.Version), ct);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the save recorded as <paramref name="changeSet"/> (see <see cref="ChangeSetFor"/>) added to profile <paramref name="researcherId"/>.</summary>
    public static async Task<Earlier> FindAsync(AppDbContext db, int researcherId, string entityType, Guid changeSet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (changeSet == Guid.Empty)
        {
            return new Earlier(null, true, 0);
        }
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.ChangeSet == changeSet)
            .Select(r => new { r.ResearcherId, r.EntityType, r.Action, r.EntityId })
            .Take(1_000)
            .ToListAsync(ct);
        var added = revisions.FirstOrDefault(r => r.ResearcherId == researcherId && r.EntityType == entityType && r.Action == RevisionAction.Created);
        return new Earlier(added?.EntityId, revisions.Count > 0, revisions.Count(r => r.ResearcherId == researcherId && r.Action != RevisionAction.Deleted));
    }

    /// <summary>
    /// Has the next save of <paramref name="db"/> recorded as <paramref name="changeSet"/>, unless a
    /// save already was (a change set is only ever one save's); changes nothing otherwise.
    /// </summary>
    public static void RecordAs(AppDbContext db, Guid changeSet, Earlier earlier)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(earlier);
        if (!earlier.Used && db.History is { } history)
        {
            db.History = history with { ChangeSet = changeSet };
        }
    }
}
