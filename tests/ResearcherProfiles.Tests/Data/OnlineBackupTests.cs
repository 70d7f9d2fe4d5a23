using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Data;

/// <summary>
/// The README's backup of a SQLite site while it serves: SQLite's online backup (what the sqlite3
/// shell's `.backup` does, here through <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>)
/// gives a whole database as it was at one moment, which the app starts on and serves.
/// </summary>
public sealed class OnlineBackupTests
{
    [Fact]
    public async Task A_backup_taken_while_the_site_saves_holds_every_save_up_to_one_moment_and_serves()
    {
        await using var site = CopySiteFactory.OnSqlite(demo: true);
        var profileId = await site.ReadAsync(db => db.Researchers.Where(r => r.Slug == DemoSlugs.Sparse).Select(r => r.Id).SingleAsync());
        using var stop = new CancellationTokenSource();
        var saved = 0;
        // Each save adds an award and a link in one transaction: a torn copy would hold one without the other.
        var writer = Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                await site.ChangeDataAsync(db =>
                {
                    db.Awards.Add(new Award { ResearcherId = profileId, Title = $"Backup award {i}", SortOrder = i });
                    db.ProfileLinks.Add(new ProfileLink { ResearcherId = profileId, Label = $"Backup link {i}", Url = $"https://example.org/{i}", SortOrder = i });
                    return Task.CompletedTask;
                });
                Volatile.Write(ref saved, i);
            }
        });
        await UntilAsync(() => Volatile.Read(ref saved) >= 20);

        var backupFolder = CopySiteFactory.NewFolder();
        Directory.CreateDirectory(backupFolder);
        var savedBefore = Volatile.Read(ref saved);
        await using (var live = new SqliteConnection(site.ConnectionString))
        await using (var backup = new SqliteConnection(CopySiteFactory.SqliteFile(backupFolder)))
        {
            await live.OpenAsync();
            await backup.OpenAsync();
            live.BackupDatabase(backup);
        }
        var savedAfter = Volatile.Read(ref saved);
        await UntilAsync(() => Volatile.Read(ref saved) >= savedAfter + 10);
        await stop.CancelAsync();
        await writer;

        Assert.Equal("ok", await ScalarAsync(backupFolder, "PRAGMA integrity_check"));
        await using var restored = new CopySiteFactory(DatabaseProvider.Sqlite, CopySiteFactory.SqliteFile(backupFolder), demo: false, backupFolder);
        var awards = await restored.ReadAsync(db => db.Awards.Where(a => a.Title.StartsWith("Backup award ")).Select(a => a.SortOrder).OrderBy(n => n).ToListAsync());
        var links = await restored.ReadAsync(db => db.ProfileLinks.Where(l => l.Label!.StartsWith("Backup link ")).Select(l => l.SortOrder).OrderBy(n => n).ToListAsync());
        Assert.InRange(awards.Count, savedBefore, savedAfter + 1);
        Assert.Equal(Enumerable.Range(1, awards.Count), awards);
        Assert.Equal(awards, links);
        Assert.True(Volatile.Read(ref saved) > awards.Count, "The site went on saving after the backup.");
        var page = await restored.CreateVisitor().GetAsync(new Uri($"/people/{DemoSlugs.Sparse}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Backup award {awards.Count}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Backup award {awards.Count + 1}", html, StringComparison.Ordinal);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static async Task<string?> ScalarAsync(string folder, string sql)
    {
        await using var connection = new SqliteConnection(CopySiteFactory.SqliteFile(folder));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
