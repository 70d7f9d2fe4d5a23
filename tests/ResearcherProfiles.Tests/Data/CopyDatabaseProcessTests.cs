using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Publishing;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Data;

/// <summary>`--copy-database` as an operator runs it: the app's own process, configured by its environment.</summary>
public sealed class CopyDatabaseProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_app_copies_its_database_to_PostgreSQL_and_exits_then_refuses_a_second_copy_in_one_line()
    {
        await using var site = CopySiteFactory.OnSqlite(demo: false);
        await new ResearcherBuilder("Ada Lovelace").SaveAsync(site);
        await new ResearcherBuilder("Grace Hopper").SaveAsync(site);
        await using var postgres = await ScratchPostgres.CreateAsync();
        string[] copy = [RepositoryFiles.WebAppDll(), "--copy-database", "--to-provider", "Postgres", "--to", postgres.ConnectionString];

        var (code, output) = await ChildProcess.RunDotnetAsync(copy, site.DataDirectory, environment => ChildProcess.Production(environment, site.DataDirectory), Timeout);

        Assert.True(code == 0, output);
        Assert.Contains("Copied the site from Sqlite to Postgres:", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  Researchers +2\n", output.ReplaceLineEndings("\n"));

        (code, output) = await ChildProcess.RunDotnetAsync(copy, site.DataDirectory, environment => ChildProcess.Production(environment, site.DataDirectory), Timeout);

        Assert.Equal(1, code);
        Assert.Equal(
            "Nothing was copied. The target database already holds data (table AspNetRoles): copy into an empty database.",
            output.Trim());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=site.db;Default Timeout=30")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=site;Command Timeout=30")]
    public void Each_statement_of_a_copy_may_run_for_an_hour_whatever_the_connection_string_says(DatabaseProvider provider, string connectionString)
    {
        using var context = CopyDatabaseCommand.Context(provider, connectionString);

        Assert.Equal(3600, context.Database.GetCommandTimeout());
    }
}
