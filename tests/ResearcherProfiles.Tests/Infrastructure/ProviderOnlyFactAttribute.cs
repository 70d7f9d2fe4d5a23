using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>
/// A test of something only one provider has: skipped, with the reason, when the run is on the
/// other (TEST_DATABASE).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public abstract class ProviderOnlyFactAttribute : FactAttribute
{
    protected ProviderOnlyFactAttribute(DatabaseProvider provider, string name, string reason)
    {
        if (TestDatabase.Provider != provider)
        {
            Skip = $"{name} only: {reason}";
        }
    }
}

/// <summary>A test of something only SQLite has (its file, its locks, its error codes).</summary>
public sealed class SqliteOnlyFactAttribute(string reason) : ProviderOnlyFactAttribute(DatabaseProvider.Sqlite, "SQLite", reason);

/// <summary>A test of something only PostgreSQL has (its own plans and statements).</summary>
public sealed class PostgresOnlyFactAttribute(string reason) : ProviderOnlyFactAttribute(DatabaseProvider.Postgres, "PostgreSQL", reason);
