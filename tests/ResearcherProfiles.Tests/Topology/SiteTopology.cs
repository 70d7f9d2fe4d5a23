using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using ResearcherProfiles.Tests.Publishing;

namespace ResearcherProfiles.Tests.Topology;

/// <summary>
/// docker-compose.yml's topology without Docker: the published app twice (two processes, one data
/// folder) on a PostgreSQL database of its own and the run's Redis (or none), with nginx in front configured
/// from the compose file's proxy configuration, everything on loopback. The database is filled with
/// the demo site and its accounts first (`--seed-demo 0`).
/// </summary>
public sealed partial class SiteTopology : IAsyncDisposable
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] NginxPaths = ["/usr/sbin/nginx", "/usr/bin/nginx"];

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("researcher-profiles-topology-");
    private readonly string databaseName = $"rp_topology_{Guid.NewGuid():N}"[..32];
    private readonly string redisPrefix = $"topology-{Guid.NewGuid():N}:";
    private readonly List<ChildProcess> processes = [];
    private string appFolder = "";

    private readonly bool withRedis;

    private SiteTopology(bool withRedis)
    {
        this.withRedis = withRedis;
    }

    public ChildProcess First { get; private set; } = null!;

    public ChildProcess Second { get; private set; } = null!;

    public Uri FirstAddress { get; } = Loopback(PublishedAppFixture.FreePort());

    public Uri SecondAddress { get; } = Loopback(PublishedAppFixture.FreePort());

    public Uri ProxyAddress { get; } = Loopback(PublishedAppFixture.FreePort());

    private string DataDirectory => Path.Combine(root.FullName, "data");

    private static string PostgresServer => Required("TEST_POSTGRES");

    private static string Redis => Required("TEST_REDIS");

    /// <summary>Starts the topology; <paramref name="withRedis"/> false leaves Redis out of the instances' settings, as a site without it would.</summary>
    public static async Task<SiteTopology> StartAsync(bool withRedis = true)
    {
        var topology = new SiteTopology(withRedis);
        try
        {
            await topology.StartProcessesAsync();
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    /// <summary>Everything the processes printed, for failure messages.</summary>
    public string Output => string.Join("\n", processes.Select(p => $"--- {p.CommandLine}\n{p.Output}"));

    private async Task StartProcessesAsync()
    {
        var nginx = NginxPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: tests/services.sh installs it (apt-get install nginx).");
        appFolder = await PublishedOutput.FolderAsync();
        Directory.CreateDirectory(DataDirectory);
        await ExecuteAsync($"CREATE DATABASE \"{databaseName}\"");

        var (seedExit, seedOutput) = await ChildProcess.RunDotnetAsync(
            [Path.Combine(appFolder, "ResearcherProfiles.Web.dll"), "--seed-demo", "0"], root.FullName,
            environment =>
            {
                AppEnvironment(environment, PublishedAppFixture.FreePort());
                environment["Demo__Seed"] = "true";
            },
            SeedTimeout);
        if (seedExit != 0)
        {
            throw new InvalidOperationException($"`--seed-demo 0` exited with {seedExit}:\n{seedOutput}");
        }

        First = StartApp(FirstAddress.Port);
        Second = StartApp(SecondAddress.Port);
        await WaitUntilHealthyAsync(FirstAddress, First);
        await WaitUntilHealthyAsync(SecondAddress, Second);

        var proxyFolder = Directory.CreateDirectory(Path.Combine(root.FullName, "proxy")).FullName;
        var configuration = Path.Combine(proxyFolder, "nginx.conf");
        await File.WriteAllTextAsync(configuration, NginxConfiguration(proxyFolder));
        var proxy = ChildProcess.Start(nginx, ["-p", proxyFolder, "-c", configuration, "-e", Path.Combine(proxyFolder, "error.log")], proxyFolder, _ => { });
        processes.Add(proxy);
        await WaitUntilHealthyAsync(ProxyAddress, proxy);
    }

    private ChildProcess StartApp(int port)
    {
        var app = ChildProcess.StartDotnet([Path.Combine(appFolder, "ResearcherProfiles.Web.dll")], root.FullName, environment => AppEnvironment(environment, port));
        processes.Add(app);
        return app;
    }

    /// <summary>
    /// The image's environment (Dockerfile) plus the compose file's for the app service, with the
    /// service names (db, redis) and the proxy's network replaced by their loopback equivalents.
    /// </summary>
    private void AppEnvironment(IDictionary<string, string?> environment, int port)
    {
        PublishedAppFixture.ContainerEnvironment(environment, DataDirectory, port);
        foreach (var (key, value) in ComposeFile.Load().Environment("app"))
        {
            environment[key] = value;
        }
        environment["ConnectionStrings__Default"] = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = databaseName }.ConnectionString;
        if (withRedis)
        {
            environment["ConnectionStrings__Redis"] = Redis;
            environment["Redis__InstanceName"] = redisPrefix;
        }
        else
        {
            environment.Remove("ConnectionStrings__Redis");
        }
        environment["Site__PublicUrl"] = ProxyAddress.ToString().TrimEnd('/');
        environment["AllowedHosts"] = "*";
        environment["ForwardedHeaders__KnownNetworks"] = "127.0.0.1/32";
        // Every sign-in of the test comes from 127.0.0.1.
        environment["RateLimiting__Accounts__PermitLimit"] = "10000";
        environment["Logging__LogLevel__Default"] = "Warning";
        // Listen on loopback only, whatever ContainerEnvironment's port setting binds.
        environment.Remove("ASPNETCORE_HTTP_PORTS");
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The compose file's proxy configuration inside the main nginx.conf the image provides, with the
    /// upstream's one "app" name (Docker's DNS answers it with every replica) written as the two
    /// processes, and the listening port on loopback.
    /// </summary>
    private string NginxConfiguration(string folder)
    {
        var proxy = ComposeFile.Load().Config("proxy");
        var upstream = UpstreamServer().Match(proxy);
        if (!upstream.Success)
        {
            throw new InvalidOperationException("The compose file's proxy configuration has no `server app:8080 ...;` line.");
        }
        var options = upstream.Groups["options"].Value;
        proxy = proxy.Replace(
            upstream.Value,
            $"server 127.0.0.1:{FirstAddress.Port}{options};\n    server 127.0.0.1:{SecondAddress.Port}{options};",
            StringComparison.Ordinal);
        proxy = ListenLine().Replace(proxy, $"listen 127.0.0.1:{ProxyAddress.Port};");
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{proxy}}
            }
            """;
    }

    private static async Task WaitUntilHealthyAsync(Uri address, ChildProcess process)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (!deadline.IsCancellationRequested)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"`{process.CommandLine}` exited during start-up:\n{process.Output}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
        }
        throw new TimeoutException($"{address} did not answer /healthz within {StartTimeout.TotalSeconds:F0} s:\n{process.Output}");
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run `bash tests/services.sh start` and source artifacts/test-services.env (tests/run.sh does).");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(processes))
        {
            await process.DisposeAsync();
        }
        try
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The cluster is gone with the run; nothing is left to drop.
        }
        try
        {
            root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left under the temp folder if something still holds a file.
        }
    }

    [GeneratedRegex(@"server app:8080(?<options>[^;]*);")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"listen 80;")]
    private static partial Regex ListenLine();
}
