using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Web.Editing;

/// <summary>
/// A form that adds an item is sent once however often it is posted. Each time the empty form is
/// shown it carries a token of its own (<see cref="FieldName"/>), and the save that adds the item
/// records that token as the id of its change set in the profile's history. A second post of the
/// same form — a double click without JavaScript, a reload that posts again, Back and Save — finds
/// that change set and leads to the item already added instead of adding it again. A form shown
/// again with errors keeps its token: nothing was added yet.
/// </summary>
public static class AddOnce
{
    /// <summary>The form field that carries the token.</summary>
    public const string FieldName = "AddToken";

    /// <summary>What an earlier post of the form with <paramref name="token"/> did.</summary>
    /// <param name="Added">The id of the <paramref name="entityType"/> that save added to the profile, when it made one.</param>
    /// <param name="Used">Whether any save recorded the token already (then it cannot name another).</param>
    public sealed record Earlier(int? Added, bool Used);

    /// <summary>What an earlier post of the form with <paramref name="token"/> added to profile <paramref name="researcherId"/>.</summary>
    public static async Task<Earlier> FindAsync(AppDbContext db, int researcherId, string entityType, Guid token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (token == Guid.Empty)
        {
            return new Earlier(null, true);
        }
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.ChangeSet == token)
            .Select(r => new { r.ResearcherId, r.EntityType, r.Action, r.EntityId })
            .Take(100)
            .ToListAsync(ct);
        var added = revisions.FirstOrDefault(r => r.ResearcherId == researcherId && r.EntityType == entityType && r.Action == RevisionAction.Created);
        return new Earlier(added?.EntityId, revisions.Count > 0);
    }

    /// <summary>
    /// Has the next save of <paramref name="db"/> recorded under <paramref name="token"/>, unless a
    /// save already was (a token is only ever one save's); changes nothing otherwise.
    /// </summary>
    public static void RecordAs(AppDbContext db, Guid token, Earlier earlier)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(earlier);
        if (!earlier.Used && db.History is { } history)
        {
            db.History = history with { ChangeSet = token };
        }
    }
}
