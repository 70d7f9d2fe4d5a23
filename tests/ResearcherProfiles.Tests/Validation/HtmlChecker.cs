using System.Diagnostics;
using System.Text.Json;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Validation;

/// <summary>The W3C Nu HTML Checker (vnu.jar, from tests/tools), run once over many pages.</summary>
internal static class HtmlChecker
{
    /// <summary>
    /// Checks every page (name → HTML) and returns each error as
    /// "name line N: message [extract]"; warnings and info messages are left out.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyDictionary<string, string> pages)
    {
        var folder = Directory.CreateTempSubdirectory("researcher-profiles-html-");
        try
        {
            var files = new Dictionary<string, string>();
            foreach (var (name, html) in pages)
            {
                var file = Path.Combine(folder.FullName, $"page{files.Count}.html");
                await File.WriteAllTextAsync(file, html);
                files[file] = name;
            }

            var messages = await RunAsync(files.Keys);
            return messages
                .Where(m => m.Type == "error")
                .Select(m => $"{PageOf(m.Url)} line {m.LastLine}: {m.Message} [{m.Extract}]")
                .ToList();

            // vnu names files as file:/path; map them back to the page names.
            string PageOf(string? fileUrl) =>
                fileUrl is not null && files.TryGetValue(new Uri(fileUrl).LocalPath, out var page) ? page : fileUrl ?? "?";
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record CheckerMessage(string Type, string? Url, int LastLine, string Message, string? Extract);

    private static async Task<IReadOnlyList<CheckerMessage>> RunAsync(IEnumerable<string> files)
    {
        var jar = Path.Combine(RepositoryFiles.Root, "tests", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
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
}
