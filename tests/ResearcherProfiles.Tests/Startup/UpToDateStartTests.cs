using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>A start over a database that is up to date does not run the migrator at all.</summary>
public sealed class UpToDateStartTests
{
    /// <summary>An app over its own data folder and the database of <paramref name="databaseFolder"/>.</summary>
    private sealed class AppOverFolder(string dataDirectory, string databaseFolder) : ProfilesAppFactory(dataDirectory, databaseFolder)
    {
        public ConcurrentQueue<string> MigrationEvents { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new Recorder(MigrationEvents)));
        }
    }

    /// <summary>Keeps what EF's migrator says (it says at least "no migrations were applied" whenever it runs).</summary>
    private sealed class Recorder(ConcurrentQueue<string> events) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName == "Microsoft.EntityFrameworkCore.Migrations" ? events : null);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string>? events) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => events is not null;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                events?.Enqueue(formatter(state, exception));
        }
    }

    [SqliteOnlyFact("PostgreSQL test databases are copied from a template migrated already, so no start there migrates")]
    public async Task The_second_start_over_the_same_database_leaves_the_migrator_alone()
    {
        static string NewFolder() => Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N"));
        var folder = NewFolder();
        await using var first = new AppOverFolder(folder, folder);
        using (var started = await first.CreateVisitor().GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }
        Assert.NotEmpty(first.MigrationEvents);

        // A second instance over the same database, up to date now.
        var second = new AppOverFolder(NewFolder(), folder);
        try
        {
            using var again = await second.CreateVisitor().GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Empty(second.MigrationEvents);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
