using System.Net;
using System.Net.Sockets;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Publishing;

/// <summary>
/// Does what the Dockerfile does, without Docker: `dotnet publish` the app, then run the published
/// output from another folder with the image's environment on an empty data folder: first
/// `--seed-demo 0` to create the demo site, then the server itself.
/// </summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("researcher-profiles-published-");
    private ChildProcess? server;

    /// <summary>The folder the published app is started from; app/ (the publish output) and data/ are inside it.</summary>
    public string WorkingDirectory => root.FullName;

    public string AppDirectory => Path.Combine(root.FullName, "app");

    public string DataDirectory => Path.Combine(root.FullName, "data");

    public int Port { get; } = FreePort();

    public HttpClient Client { get; private set; } = null!;

    public string ServerOutput => server?.Output ?? "";

    /// <summary>
    /// The Dockerfile's ENV lines, except ASPNETCORE_HTTP_PORTS: a free port instead of 8080 so that the
    /// test never collides with anything else on the machine. Inherited settings that the container
    /// would not have (ASPNETCORE_URLS above all, which would override the port) are removed.
    /// On a PostgreSQL run, the container is given the database as `-e` options would give it.
    /// </summary>
    public static void ContainerEnvironment(IDictionary<string, string?> environment, string dataDirectory, int port)
    {
        string[] inheritedPrefixes = ["ASPNETCORE_", "DOTNET_ENVIRONMENT", "DOTNET_URLS", "DOTNET_CONTENTROOT", "ConnectionStrings__", "Database__", "DataDirectory", "Demo__", "Site__"];
        foreach (var key in environment.Keys.Where(k => inheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            environment.Remove(key);
        }
        environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["DataDirectory"] = dataDirectory;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["MALLOC_ARENA_MAX"] = "2";
        // The image leaves it to `docker run -e Site__PublicUrl=...`; Production refuses to start without it.
        environment["Site__PublicUrl"] = $"http://127.0.0.1:{environment["ASPNETCORE_HTTP_PORTS"]}";
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
        {
            environment["Database__Provider"] = TestDatabase.Provider.ToString();
            environment["ConnectionStrings__Default"] = TestDatabase.ConnectionStringFor(dataDirectory);
        }
    }

    public async Task InitializeAsync()
    {
        await PublishAsync();

        Directory.CreateDirectory(DataDirectory);
        var (seedExit, seedOutput) = await ChildProcess.RunDotnetAsync(
            ["app/ResearcherProfiles.Web.dll", "--seed-demo", "0"], WorkingDirectory, Environment, SeedTimeout);
        if (seedExit != 0)
        {
            throw new InvalidOperationException($"`--seed-demo 0` exited with {seedExit}:\n{seedOutput}");
        }

        server = ChildProcess.StartDotnet(["app/ResearcherProfiles.Web.dll"], WorkingDirectory, Environment);
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(15) };
        await WaitUntilHealthyAsync();
    }

    public void Environment(IDictionary<string, string?> environment) => ContainerEnvironment(environment, DataDirectory, Port);

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        TestDatabase.Drop(DataDirectory);
        try
        {
            root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left under the temp folder if something still holds a file.
        }
    }

    /// <summary>The publish output, made once per test run and shared, seen from here as app/.</summary>
    private async Task PublishAsync() =>
        Directory.CreateSymbolicLink(AppDirectory, await PublishedOutput.FolderAsync());

    private async Task WaitUntilHealthyAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (!deadline.IsCancellationRequested)
        {
            if (server!.HasExited)
            {
                throw new InvalidOperationException($"The published app exited during start-up:\n{server.Output}");
            }
            try
            {
                using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative), deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException)
            {
                break;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
        }
        throw new TimeoutException($"The published app did not answer /healthz within {StartTimeout.TotalSeconds:F0} s:\n{server!.Output}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
