using System.Diagnostics;
using System.Text.Json;
using ResearcherProfiles.Core.Demo;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Validation;

/// <summary>The demo site's public pages, run through the W3C Nu HTML Checker (vnu.jar).</summary>
public sealed class HtmlValidityTests(HtmlValidityTests.DemoSiteFactory factory) : IClassFixture<HtmlValidityTests.DemoSiteFactory>
{
    public sealed class DemoSiteFactory : ProfilesAppFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
            new Dictionary<string, string> { ["Demo:Seed"] = "true" };
    }

    [Fact]
    public async Task Every_public_page_of_the_demo_site_is_valid_html()
    {
        var client = factory.CreateVisitor();
        var urls = new List<string> { "/", "/people/no-such-person" };
        foreach (var slug in DemoSlugs.All)
        {
            urls.Add($"/people/{slug}");
            urls.Add($"/people/{slug}/publications");
        }

        var folder = Directory.CreateTempSubdirectory("researcher-profiles-html-");
        try
        {
            var files = new Dictionary<string, string>();
            foreach (var url in urls)
            {
                var html = await client.GetStringOrErrorPageAsync(url);
                var file = Path.Combine(folder.FullName, $"page{files.Count}.html");
                await File.WriteAllTextAsync(file, html);
                files[file] = url;
            }

            var messages = await RunCheckerAsync(files.Keys);
            var problems = messages
                .Where(m => m.Type == "error")
                .Select(m => $"{PageOf(m.Url)} line {m.LastLine}: {m.Message} [{m.Extract}]")
                .ToList();
            Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));

            // vnu names files as file:/path; map them back to the page addresses.
            string PageOf(string? fileUrl) =>
                fileUrl is not null && files.TryGetValue(new Uri(fileUrl).LocalPath, out var page) ? page : fileUrl ?? "?";
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record CheckerMessage(string Type, string? Url, int LastLine, string Message, string? Extract);

    private static async Task<IReadOnlyList<CheckerMessage>> RunCheckerAsync(IEnumerable<string> files)
    {
        var jar = Path.Combine(RepositoryRoot(), "tests", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"The HTML checker is missing at {jar}: run tests/run.sh, or `npm ci --prefix tests/tools`.");
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-jar", jar, "--format", "json", "--exit-zero-always" }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        // vnu writes its JSON report to standard error.
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var report = await stderr;
        await stdout;
        using var json = JsonDocument.Parse(report);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => new CheckerMessage(
                m.GetProperty("type").GetString() ?? "",
                m.TryGetProperty("url", out var url) ? url.GetString() : null,
                m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                m.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "",
                m.TryGetProperty("extract", out var extract) ? extract.GetString() : null))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResearcherProfiles.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (ResearcherProfiles.sln) was not found.");
    }
}

internal static class ErrorPageClient
{
    /// <summary>The body of the response whatever its status: the 404 page is checked too.</summary>
    public static async Task<string> GetStringOrErrorPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }
}
