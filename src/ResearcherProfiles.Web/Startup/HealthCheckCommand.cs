namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// `--healthcheck`: probes this app's /healthz on the local HTTP port and exits 0 or 1, so the
/// container image needs no curl or wget for its HEALTHCHECK.
/// </summary>
public static class HealthCheckCommand
{
    public static bool IsRequested(string[] args) => args.Contains("--healthcheck", StringComparer.Ordinal);

    public static async Task<int> RunAsync()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split(';', ',')[0].Trim();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }
}
