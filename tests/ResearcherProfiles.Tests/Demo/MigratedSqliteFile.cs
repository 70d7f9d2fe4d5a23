using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Tests.Demo;

/// <summary>A throwaway SQLite file with the real migrations applied, for tests that work on the DbContext directly.</summary>
public sealed class MigratedSqliteFile : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"demo-data-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<AppDbContext> _options;

    private MigratedSqliteFile()
    {
        // Without pooling no connection outlives its context, so the file can be deleted afterwards.
        _options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={_path};Pooling=False", o => o.MigrationsAssembly("ResearcherProfiles.Migrations.Sqlite"))
            .Options;
    }

    public static async Task<MigratedSqliteFile> CreateAsync()
    {
        var file = new MigratedSqliteFile();
        await using var db = file.NewContext();
        await db.Database.MigrateAsync();
        return file;
    }

    public AppDbContext NewContext() => new(_options);

    public ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
