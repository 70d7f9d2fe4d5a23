using YamlDotNet.RepresentationModel;

namespace ResearcherProfiles.Tests.Topology;

/// <summary>docker-compose.yml describes the site as README's "Running several instances" does.</summary>
public sealed class ComposeFileTests
{
    private readonly ComposeFile compose = ComposeFile.Load();

    [Fact]
    public void It_runs_PostgreSQL_Redis_two_app_replicas_and_a_proxy()
    {
        Assert.Equal(["db", "redis", "app", "proxy"], compose.ServiceNames);
        Assert.Equal("2", ComposeFile.Scalar(ComposeFile.Mapping(compose.Service("app"), "deploy"), "replicas"));
        Assert.StartsWith("postgres:", ComposeFile.Scalar(compose.Service("db"), "image"), StringComparison.Ordinal);
        Assert.StartsWith("redis:", ComposeFile.Scalar(compose.Service("redis"), "image"), StringComparison.Ordinal);
        Assert.StartsWith("nginx:", ComposeFile.Scalar(compose.Service("proxy"), "image"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_is_configured_for_PostgreSQL_and_Redis_with_no_secret_written_in_the_file()
    {
        var environment = compose.Environment("app");

        Assert.Equal("Postgres", environment["Database__Provider"]);
        Assert.Contains("Host=db;", environment["ConnectionStrings__Default"], StringComparison.Ordinal);
        Assert.Contains("Password=${POSTGRES_PASSWORD}", environment["ConnectionStrings__Default"], StringComparison.Ordinal);
        Assert.Equal("redis:6379", environment["ConnectionStrings__Redis"]);
        Assert.StartsWith("${PUBLIC_URL:?", environment["Site__PublicUrl"], StringComparison.Ordinal);
        Assert.StartsWith("${POSTGRES_PASSWORD:?", compose.Environment("db")["POSTGRES_PASSWORD"], StringComparison.Ordinal);
    }

    [Fact]
    public void Data_survives_in_volumes_and_every_service_waits_for_what_it_needs_to_be_healthy()
    {
        Assert.Equal(["postgres-data", "profiles-data"], compose.Volumes);
        Assert.Contains("profiles-data:/data", Sequence(compose.Service("app"), "volumes"));
        Assert.Contains("postgres-data:/var/lib/postgresql/data", Sequence(compose.Service("db"), "volumes"));
        foreach (var service in new[] { "db", "redis", "proxy" })
        {
            Assert.True(ComposeFile.Has(compose.Service(service), "healthcheck"), $"{service} has no health check");
        }
        var appNeeds = ComposeFile.Mapping(compose.Service("app"), "depends_on");
        Assert.Equal("service_healthy", ComposeFile.Scalar(ComposeFile.Mapping(appNeeds, "db"), "condition"));
        Assert.Equal("service_healthy", ComposeFile.Scalar(ComposeFile.Mapping(appNeeds, "redis"), "condition"));
        Assert.Equal("service_healthy", ComposeFile.Scalar(ComposeFile.Mapping(ComposeFile.Mapping(compose.Service("proxy"), "depends_on"), "app"), "condition"));
    }

    [Fact]
    public void The_proxy_passes_the_client_on_and_retries_a_stopped_replica()
    {
        var proxy = compose.Config("proxy");

        Assert.Contains("server app:8080", proxy, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", proxy, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", proxy, StringComparison.Ordinal);
        Assert.Contains("proxy_next_upstream error timeout", proxy, StringComparison.Ordinal);
    }

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
}
