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
    /// <remarks>
    /// A list of values in a query (<c>ids.Contains(x.Id)</c>) is sent as one parameter (an array on
    /// PostgreSQL, JSON on SQLite) rather than one parameter per value: the SQL is then the same
    /// whatever the list's length, so it is written once and cached (and stays one prepared
    /// statement on PostgreSQL), where one parameter per value had EF write it again on every
    /// uncached page, about a quarter of the time spent reading a profile's selected papers.
    /// </remarks>
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(PostgresMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            _ => options.UseSqlite(connectionString, sqlite => sqlite
                .MigrationsAssembly(SqliteMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
        };
    }
}
