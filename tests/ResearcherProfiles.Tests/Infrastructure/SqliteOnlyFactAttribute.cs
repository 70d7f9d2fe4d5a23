using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>
/// A test of something only SQLite has (its file, its locks, its error codes): skipped, with the
/// reason, when the run is on another provider (TEST_DATABASE).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            Skip = $"SQLite only: {reason}";
        }
    }
}
