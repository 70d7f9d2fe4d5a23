using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ResearcherProfiles.Core.Data;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>), compiled once for each model it meets.
/// </summary>
/// <remarks>
/// Compiled queries suit the reads every uncached public page makes: EF's per-call work of finding
/// a LINQ query's cached plan (walking and comparing its expression tree) cost more than running
/// the query. But a compiled query serves one model only, and one process can hold two — SQLite's
/// and PostgreSQL's, as when a site is copied from one to the other — so each model gets its own.
/// </remarks>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetOrAdd(db.Model, _ => compile());
    }
}
