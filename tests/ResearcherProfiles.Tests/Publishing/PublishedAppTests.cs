using System.Net;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Publishing;

/// <summary>The container image's behaviour, exercised on the published output (there is no Docker engine in CI).</summary>
public sealed class PublishedAppTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Health_endpoint_responds()
    {
        using var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Home_page_lists_the_researchers_seeded_into_the_data_folder()
    {
        using var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(DemoSlugs.All, slug => Assert.Contains($"href=\"/people/{slug}\"", html, StringComparison.Ordinal));
        Assert.True(
            TestDatabase.Provider != DatabaseProvider.Sqlite || File.Exists(Path.Combine(app.DataDirectory, "profiles.db")),
            "the SQLite database belongs in DataDirectory");
    }

    [Fact]
    public async Task Kestrel_names_no_server_and_trace_is_refused()
    {
        using var page = await app.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var trace = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(page.Headers.Server);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);
    }

    [Fact]
    public void The_photo_codec_ships_its_self_contained_linux_library()
    {
        // SkiaSharp.NativeAssets.Linux.NoDependencies: links only libc, so the runtime image needs no fontconfig.
        Assert.True(File.Exists(Path.Combine(app.AppDirectory, "runtimes", "linux-x64", "native", "libSkiaSharp.so")));
    }

    [Fact]
    public async Task Stylesheet_from_the_top_level_wwwroot_is_served()
    {
        using var response = await app.Client.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Profile_page_is_served()
    {
        using var response = await app.Client.GetAsync(new Uri($"/people/{DemoSlugs.HomepageStyle}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("/css/site.css", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthcheck_command_succeeds_while_the_server_runs()
    {
        var (exitCode, output) = await ChildProcess.RunDotnetAsync(
            ["app/ResearcherProfiles.Web.dll", "--healthcheck"], app.WorkingDirectory, app.Environment, CommandTimeout);

        Assert.True(exitCode == 0, $"--healthcheck exited with {exitCode}:\n{output}\nServer output:\n{app.ServerOutput}");
    }

    [Fact]
    public async Task Healthcheck_command_fails_when_nothing_listens()
    {
        var unusedPort = PublishedAppFixture.FreePort();

        var (exitCode, _) = await ChildProcess.RunDotnetAsync(
            ["app/ResearcherProfiles.Web.dll", "--healthcheck"],
            app.WorkingDirectory,
            environment => PublishedAppFixture.ContainerEnvironment(environment, app.DataDirectory, unusedPort),
            CommandTimeout);

        Assert.Equal(1, exitCode);
    }
}
