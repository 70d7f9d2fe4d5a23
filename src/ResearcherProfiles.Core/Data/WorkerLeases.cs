using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data;

/// <summary>
/// Taking and keeping a <see cref="WorkerLease"/>: each step is one conditional statement in the
/// database, so of several app instances asking at once exactly one gets it, on SQLite and
/// PostgreSQL alike.
/// </summary>
public static class WorkerLeases
{
    /// <summary>
    /// Takes the lease for <paramref name="duration"/>, or extends it when <paramref name="holder"/>
    /// already has it. False while another holder's lease has not expired.
    /// </summary>
    public static async Task<bool> TryTakeAsync(AppDbContext db, string name, string holder, TimeSpan duration, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = nowUtc + duration;
        var taken = await db.WorkerLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return true;
        }
        if (await db.WorkerLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }
        var lease = new WorkerLease { Name = name, Holder = holder, ExpiresAt = until };
        db.WorkerLeases.Add(lease);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created the row first: it holds the lease.
            db.Entry(lease).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>Gives the lease up at once, so the next round may start anywhere without waiting for it to expire.</summary>
    public static Task ReleaseAsync(AppDbContext db, string name, string holder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WorkerLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), ct);
    }
}
