using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Demo;

namespace ResearcherProfiles.Web.Startup;

public static class ProfileDataExtensions
{
    private const string SqliteMigrationsAssembly = "ResearcherProfiles.Migrations.Sqlite";

    /// <summary>
    /// Registers the database: ConnectionStrings:Default when given, otherwise a SQLite file
    /// in the data folder (DataDirectory, default "data" under the content root).
    /// </summary>
    public static WebApplicationBuilder AddProfileData(this WebApplicationBuilder builder)
    {
        var dataDirectory = DataDirectory(builder.Configuration, builder.Environment);
        Directory.CreateDirectory(dataDirectory);
        var connectionString = SqliteConnectionString(
            builder.Configuration.GetConnectionString("Default") ?? $"Data Source={Path.Combine(dataDirectory, "profiles.db")}");

        builder.Services.AddDbContext<AppDbContext>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
        return builder;
    }

    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["DataDirectory"] ?? "data", environment.ContentRootPath);

    private static string SqliteConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        var file = builder.DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }

    /// <summary>Applies pending migrations, switches SQLite to WAL, and fills an empty database with demo data in Development.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while a writer commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await TitleKeyBackfill.RunAsync(db);
        await AccountsExtensions.EnsureRolesAsync(scope.ServiceProvider);
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            var created = await DemoData.SeedSiteAsync(db);
            if (created > 0)
            {
                app.Logger.LogInformation("Filled the empty database with {Count} demo researchers.", created);
            }
            await DemoAccounts.EnsureAsync(scope.ServiceProvider, app.Logger);
        }
    }
}
