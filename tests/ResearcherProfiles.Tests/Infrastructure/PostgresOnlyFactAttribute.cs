using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>
/// A test of something only PostgreSQL has (its own plans and statements): skipped, with the
/// reason, when the run is on another provider (TEST_DATABASE).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute(string reason)
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
        {
            Skip = $"PostgreSQL only: {reason}";
        }
    }
}
