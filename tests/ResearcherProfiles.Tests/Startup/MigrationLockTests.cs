using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>Start-up after a migrator was killed, and while another one is running.</summary>
public sealed class MigrationLockTests
{
    private sealed class AppOverFolder(string dataDirectory) : ProfilesAppFactory(dataDirectory);

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N"));

    [SqliteOnlyFact("the migration lock file sits beside the SQLite database")]
    public async Task A_lock_row_left_by_a_killed_start_is_cleared_and_the_app_serves_within_seconds()
    {
        var folder = NewFolder();
        var database = Path.Combine(folder, "profiles.db");
        // A first start migrates a database; a copy of it then gets the lock row that a start
        // killed mid-migration leaves behind.
        await using (var first = new ProfilesAppFactory())
        {
            using var started = await first.CreateVisitor().GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(first.DataDirectory, "profiles.db")};Pooling=False");
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(first.DataDirectory, "profiles.db"), database);
        }
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-01-01 00:00:00+00:00');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var second = new AppOverFolder(folder);
        var clock = Stopwatch.StartNew();
        var health = await Task.Run(() => second.CreateVisitor().GetAsync(new Uri("/healthz", UriKind.Relative))).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        await using var check = new SqliteConnection($"Data Source={database};Pooling=False");
        await check.OpenAsync();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsLock\"";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    [SqliteOnlyFact("the migration lock file sits beside the SQLite database")]
    public async Task While_another_process_holds_the_migration_lock_start_up_fails_with_a_reason_within_the_timeout()
    {
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "profiles.db");
        try
        {
            await using var holder = await MigrationLock.AcquireAsync(database, TimeSpan.FromSeconds(1));
            var clock = Stopwatch.StartNew();

            var failure = await Assert.ThrowsAsync<StartupFailureException>(() => MigrationLock.AcquireAsync(database, TimeSpan.FromSeconds(1)));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
            Assert.Contains("Another process is updating the database", failure.Message, StringComparison.Ordinal);
            Assert.Contains(MigrationLock.LockFilePath(database), failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_data_folder_that_cannot_be_written_is_named_in_one_sentence()
    {
        // A path below a file can never be created, whoever runs the test (root ignores read-only bits).
        var file = Path.GetTempFileName();
        try
        {
            var folder = Path.Combine(file, "data");

            var failure = Assert.Throws<StartupFailureException>(() => ProfileDataExtensions.EnsureWritableFolder(folder));

            Assert.StartsWith($"The data folder {folder} is not writable: ", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
