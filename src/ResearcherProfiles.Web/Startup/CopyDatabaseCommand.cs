using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// `--copy-database --to-provider Postgres --to "Host=…;Database=…"` (or `--to-provider Sqlite --to
/// "Data Source=…"`): copies the site's configured database into an empty one of either provider
/// (see <see cref="DatabaseCopy"/>), prints each table's rows and exits 0, or prints why not and exits 1.
/// </summary>
public static class CopyDatabaseCommand
{
    private const string Switch = "--copy-database";

    public const string Usage = "Usage: --copy-database --to-provider Sqlite|Postgres --to \"<connection string>\"";

    public static bool IsRequested(IReadOnlyList<string> args) => args.Contains(Switch, StringComparer.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (ValueOf(args, "--to-provider") is not { } providerName || ValueOf(args, "--to") is not { } connectionString)
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }
        DatabaseProvider provider;
        try
        {
            // The names Database:Provider accepts (Postgres, PostgreSQL, …).
            provider = DatabaseProviders.Parse(providerName);
        }
        catch (StartupFailureException)
        {
            await error.WriteLineAsync($"Nothing was copied. --to-provider is \"{providerName}\": it must be Sqlite or Postgres.");
            return 1;
        }
        DatabaseProvider sourceProvider;
        string sourceConnectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            var site = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database;
            sourceProvider = site.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
            sourceConnectionString = site.GetConnectionString()!;
        }
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                connectionString = ProfileDataExtensions.SqliteConnectionString(connectionString);
            }
            if (DatabaseCopy.SameDatabase(sourceProvider, sourceConnectionString, provider, connectionString))
            {
                await error.WriteLineAsync("Nothing was copied. The target is the site's own database: give another one.");
                return 1;
            }
            // Plain contexts over the site's database and the target: no interceptors, no command log.
            await using var source = Context(sourceProvider, sourceConnectionString);
            await using var target = Context(provider, connectionString);
            var tables = await DatabaseCopy.CopyAsync(source, target, ct);
            await output.WriteLineAsync($"Copied the site from {sourceProvider} to {provider}:");
            foreach (var table in tables)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table.Name,-26} {table.TargetRows,10:N0}"));
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{tables.Count} tables, {tables.Sum(t => t.TargetRows):N0} rows: every table holds as many rows as the source's."));
            if (tables.Where(t => t.ValuesWithoutNul > 0).ToList() is { Count: > 0 } cleaned)
            {
                var count = cleaned.Sum(t => t.ValuesWithoutNul);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"PostgreSQL cannot store the NUL character, so it was dropped from {count:N0} {(count == 1 ? "value" : "values")} ({string.Join(", ", cleaned.Select(t => $"{t.Name} {t.ValuesWithoutNul:N0}"))}); nothing else in them changed."));
            }
            return 0;
        }
        catch (Exception e) when (e is StartupFailureException or DatabaseCopyRefusedException or ArgumentException)
        {
            await error.WriteLineAsync($"Nothing was copied. {e.Message}");
            return 1;
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"The copy failed and the target was left empty. {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            await error.WriteLineAsync($"The copy failed and the target was left empty. {e.GetBaseException().Message}");
            return 1;
        }
    }

    /// <summary>
    /// How long one statement of the copy may run. It counts and analyses whole tables in single
    /// statements, and on a large site (336,000 papers) on a busy machine one of them outlasts the
    /// usual 30 seconds; an hour still ends a statement that is stuck.
    /// </summary>
    internal static readonly TimeSpan StatementTimeout = TimeSpan.FromHours(1);

    internal static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(provider, connectionString);
        var context = new AppDbContext(options.Options);
        context.Database.SetCommandTimeout(StatementTimeout);
        return context;
    }

    private static string? ValueOf(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name && !string.IsNullOrWhiteSpace(args[i + 1]))
            {
                return args[i + 1];
            }
        }
        return null;
    }
}
