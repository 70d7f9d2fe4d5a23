using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// An action that sets a value outright (an administrator's hide, show, trash, restore or owner; a
/// new photo; a BibTeX import, planned again from its text as it saves) rather than saving a form
/// opened earlier: when its save meets another save of the same record (a version check), it is
/// not stale input to show back but a race to run again. The action is read afresh and applied
/// again, with nothing tracked from the try before; by then it usually finds its change made
/// already, or the profile gone from where it looked. A save PostgreSQL rolled back to settle a
/// race (a deadlock with another save, <see cref="DatabaseErrors.IsRaceRolledBack"/>) is run again
/// the same way, unless it ran inside a transaction of the caller's, which the rollback ended.
/// </summary>
public static class SaveAgain
{
    public const int Attempts = 5;

    /// <summary>The result of <paramref name="action"/>, run again (up to <see cref="Attempts"/> times) while its save meets another's.</summary>
    public static Task<T> OnConflictAsync<T>(AppDbContext db, Func<Task<T>> action) =>
        RunAgainAsync(db, action, e => e is DbUpdateConcurrencyException);

    /// <summary>
    /// The result of <paramref name="action"/>, a form's save, run again (up to <see cref="Attempts"/>
    /// times) only while PostgreSQL rolls it back to settle a race: the person's input is saved
    /// rather than lost to a redirect. A form opened on an older version still meets its version
    /// check on the next try, and is shown back with what changed, as without contention.
    /// </summary>
    public static Task<T> OnRaceRolledBackAsync<T>(AppDbContext db, Func<Task<T>> action) =>
        RunAgainAsync(db, action, _ => false);

    private static async Task<T> RunAgainAsync<T>(AppDbContext db, Func<Task<T>> action, Func<Exception, bool> alsoRunAgain)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(action);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (attempt < Attempts
                && (alsoRunAgain(e) || (DatabaseErrors.IsRaceRolledBack(e) && db.Database.CurrentTransaction is null)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
