using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Data;

/// <summary>
/// An action that sets a value outright (an administrator's hide, show, trash, restore or owner; a
/// new photo; a BibTeX import, planned again from its text as it saves) rather than saving a form
/// opened earlier: when its save meets another save of the same record (a version check), it is
/// not stale input to show back but a race to run again. The action is read afresh and applied
/// again, with nothing tracked from the try before; by then it usually finds its change made
/// already, or the profile gone from where it looked. A save the database rolled back for
/// contention (a deadlock with another save) is run again the same way, unless it ran inside a
/// transaction of the caller's, which the rollback ended.
/// </summary>
public static class SaveAgain
{
    public const int Attempts = 5;

    /// <summary>The result of <paramref name="action"/>, run again (up to <see cref="Attempts"/> times) while its save meets another's.</summary>
    public static async Task<T> OnConflictAsync<T>(AppDbContext db, Func<Task<T>> action)
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
                && (e is DbUpdateConcurrencyException || (DatabaseErrors.IsContention(e) && db.Database.CurrentTransaction is null)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
