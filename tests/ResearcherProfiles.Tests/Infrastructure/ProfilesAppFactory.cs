using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>
/// The whole app over a temporary data folder of its own and a real database (a SQLite file in that
/// folder, or a PostgreSQL database: see <see cref="TestDatabase"/>), migrated by the app's own
/// start-up. Share one per test class (IClassFixture): starting the host is the slow part.
/// </summary>
public class ProfilesAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;
    private readonly string _databaseFolder;

    public ProfilesAppFactory()
        : this(Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>An app over the data folder <paramref name="dataDirectory"/> and its database, which it deletes when disposed.</summary>
    protected ProfilesAppFactory(string dataDirectory)
        : this(dataDirectory, dataDirectory)
    {
    }

    /// <summary>
    /// An app over the data folder <paramref name="dataDirectory"/> and the database that belongs to
    /// <paramref name="databaseFolder"/>: a second instance of the site that keeps its own folder.
    /// </summary>
    protected ProfilesAppFactory(string dataDirectory, string databaseFolder)
    {
        _dataDirectory = dataDirectory;
        _databaseFolder = databaseFolder;
    }

    public string DataDirectory => _dataDirectory;

    /// <summary>Counts every SQL command the app sends, for the no-N+1 tests.</summary>
    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Settings a test class needs on top of the defaults, e.g. a small directory page size.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        // Program reads these before it builds the host, so they must be host settings:
        // ConfigureAppConfiguration would come too late.
        builder.UseEnvironment("Testing");
        Directory.CreateDirectory(_databaseFolder);
        builder.UseSetting(DatabaseProviders.Key, TestDatabase.Provider.ToString());
        var connectionString = TestDatabase.ConnectionStringFor(_databaseFolder);
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        if (TestDatabase.Provider == DatabaseProvider.Postgres)
        {
            SqlCommands.TraceRoundTrips(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!);
        }
        builder.UseSetting("DataDirectory", _dataDirectory);
        // The address emailed links and canonical URLs are built from; TestServer's own is http://localhost.
        builder.UseSetting(PublicUrl.Key, "http://localhost");
        // Tests that exercise the background sync switch it on; elsewhere it would only add noise.
        builder.UseSetting("Sources:Sync:Enabled", "false");
        // Likewise the start-up refresh of stored HTML: its queries would count against the page's.
        builder.UseSetting(Web.Data.StoredHtmlRefresh.EnabledKey, "false");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(SqlCommands));
            services.AddSingleton<IStartupFilter, LoopbackConnection>();
        });
    }

    /// <summary>
    /// TestServer's requests have no client address; here they come from 127.0.0.1, as from a
    /// browser or reverse proxy on the same machine, so that loopback is never trusted by accident.
    /// </summary>
    private sealed class LoopbackConnection : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>A browser without cookies that does not follow redirects, so tests see each response as sent.</summary>
    public HttpClient CreateVisitor() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs <paramref name="change"/> on a fresh context, then drops cached public pages so visitors see the change.</summary>
    public async Task ChangeDataAsync(Func<AppDbContext, Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await change(db);
            await db.SaveChangesAsync();
        }
        await EvictPublicPagesAsync();
    }

    public async Task EvictPublicPagesAsync()
    {
        var cache = Services.GetRequiredService<IOutputCacheStore>();
        await cache.EvictByTagAsync(PublicPageTags.All, default);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqlCommands.Dispose();
        // Pooled connections keep the database open; release them before deleting it.
        TestDatabase.Drop(_databaseFolder);
        try
        {
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Another instance over the same folder, still running, wrote into it meanwhile; the
            // folder is under the temp directory, and the last instance to go removes it.
        }
        GC.SuppressFinalize(this);
    }
}
