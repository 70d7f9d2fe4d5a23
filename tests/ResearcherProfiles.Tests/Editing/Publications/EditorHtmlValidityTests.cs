using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>The publication editor and history pages, in the states people see them in, through the W3C Nu HTML Checker.</summary>
public sealed class EditorHtmlValidityTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task Publication_editor_and_history_pages_are_valid_html()
    {
        var bo = await new ResearcherBuilder("Bo Chen").SaveAsync(factory);
        var ada = await new ResearcherBuilder("Ada Moreau")
            .WithPublication("A shared paper", p => p.Owner(equal: true).Author(bo, equal: true).Author("Li Wei", corresponding: true)
                .Link(PublicationLinkKind.Code, "https://example.org/code").ShownOn(bo), highlighted: true)
            .WithPublication("A hidden paper", p => p.Owner(), visible: false)
            .SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(ada.Id);
        var client = await factory.SignInAsync(user.Email!);
        var publicationId = await factory.QueryAsync(db => db.Publications.Where(p => p.Title == "A shared paper").Select(p => p.Id).SingleAsync());
        using (var edit = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/{publicationId}", new Dictionary<string, string> { ["Input.VenueShort"] = "ICLR" }))
        {
            edit.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        }

        var pages = new List<string>
        {
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/publications", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/publications/new", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/publications/{publicationId}", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/history", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/edit/{ada.Slug}/history?type=Publication&id={publicationId}", UriKind.Relative)),
        };
        using (var invalid = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Year"] = "1800",
            ["Input.Links[0].Url"] = "ftp://example.org",
        }))
        {
            pages.Add(await invalid.Content.ReadAsStringAsync());
        }

        var problems = await CheckAsync(pages);
        Assert.True(problems.Count == 0, "HTML errors:\n" + string.Join('\n', problems));
    }

    private static async Task<List<string>> CheckAsync(IReadOnlyList<string> pages)
    {
        var folder = Directory.CreateTempSubdirectory("researcher-profiles-editor-html-");
        try
        {
            var files = new List<string>();
            foreach (var html in pages)
            {
                var file = Path.Combine(folder.FullName, $"page{files.Count}.html");
                await File.WriteAllTextAsync(file, html);
                files.Add(file);
            }
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
            await stdout;
            using var json = JsonDocument.Parse(await stderr);
            return json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m => $"{Path.GetFileName(m.TryGetProperty("url", out var u) ? u.GetString() : "?")} line {(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: " +
                    $"{m.GetProperty("message").GetString()} [{(m.TryGetProperty("extract", out var e) ? e.GetString() : null)}]")
                .ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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
