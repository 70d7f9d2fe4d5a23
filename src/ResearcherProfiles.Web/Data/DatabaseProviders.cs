using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Data;

/// <summary>The databases the site runs on. Each has its own migrations assembly, chosen here.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    /// <summary>The setting that chooses the provider.</summary>
    public const string Key = "Database:Provider";

    public const string SqliteMigrationsAssembly = "ResearcherProfiles.Migrations.Sqlite";

    public const string PostgresMigrationsAssembly = "ResearcherProfiles.Migrations.Postgres";

    /// <summary>Reads a provider name as written in configuration ("Sqlite" when empty; case does not matter).</summary>
    public static DatabaseProvider Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new StartupFailureException($"{Key} is \"{value}\": it must be Sqlite or Postgres."),
    };

    /// <summary>Points <paramref name="options"/> at the database, with that provider's migrations.</summary>
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
        };
    }
}
