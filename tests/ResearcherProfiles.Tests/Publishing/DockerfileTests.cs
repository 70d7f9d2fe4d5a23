using System.Text.RegularExpressions;
using System.Xml.Linq;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Publishing;

/// <summary>
/// The Dockerfile restores from the project files alone before it copies the sources (a layer that
/// survives source edits): every project the app references must be among them, or the image's
/// restore fails where no test publishes through Docker.
/// </summary>
public sealed partial class DockerfileTests
{
    [Fact]
    public void The_restore_layer_copies_every_project_the_app_needs()
    {
        var dockerfile = File.ReadAllText(RepositoryFiles.Path("Dockerfile"));
        var copied = ProjectCopy().Matches(dockerfile).Select(m => m.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);

        var needed = ReferencedProjects("src/ResearcherProfiles.Web/ResearcherProfiles.Web.csproj");

        Assert.Empty(needed.Except(copied, StringComparer.Ordinal));
    }

    /// <summary>
    /// The image's base holds no .NET runtime: the app is published self-contained, and the image
    /// starts it (and probes its health) through its own executable, as no `dotnet` is there to run a dll.
    /// </summary>
    [Fact]
    public void The_image_runs_the_self_contained_app_through_its_own_executable()
    {
        var dockerfile = File.ReadAllText(RepositoryFiles.Path("Dockerfile"));
        var runtimeBase = RuntimeStage().Match(dockerfile);
        var publish = PublishCommand().Match(dockerfile);
        var entryPoint = EntryPoint().Match(dockerfile);
        var healthCheck = HealthCheck().Match(dockerfile);
        Assert.True(runtimeBase.Success && publish.Success && entryPoint.Success && healthCheck.Success, "The Dockerfile's runtime stage, publish, ENTRYPOINT or HEALTHCHECK was not found.");

        Assert.Equal("mcr.microsoft.com/dotnet/runtime-deps", runtimeBase.Groups["image"].Value);
        Assert.Contains("--self-contained true", publish.Value, StringComparison.Ordinal);
        Assert.Contains("-p:PublishReadyToRunComposite=true", publish.Value, StringComparison.Ordinal);
        Assert.Equal("\"./ResearcherProfiles.Web\"", entryPoint.Groups["program"].Value);
        Assert.Equal(entryPoint.Groups["program"].Value, healthCheck.Groups["program"].Value);
        Assert.Equal("ResearcherProfiles.Web", AssemblyName("src/ResearcherProfiles.Web/ResearcherProfiles.Web.csproj"));
    }

    /// <summary>The name of the assembly, and so of the executable, <paramref name="project"/> builds.</summary>
    private static string AssemblyName(string project) =>
        XDocument.Load(RepositoryFiles.Path(project)).Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault()
        ?? Path.GetFileNameWithoutExtension(project);

    /// <summary>The project and every project it references, directly or not, as paths from the repository root.</summary>
    private static SortedSet<string> ReferencedProjects(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }
            var folder = Path.GetDirectoryName(RepositoryFiles.Path(next))!;
            foreach (var reference in XDocument.Load(RepositoryFiles.Path(next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryFiles.Root, full).Replace('\\', '/'));
            }
        }
        return found;
    }

    [GeneratedRegex(@"^COPY (?<path>\S+\.csproj) ", RegexOptions.Multiline)]
    private static partial Regex ProjectCopy();

    [GeneratedRegex(@"^FROM (?<image>[^:\s]+):\S+ AS runtime$", RegexOptions.Multiline)]
    private static partial Regex RuntimeStage();

    [GeneratedRegex(@"^RUN dotnet publish (?:.*\\\n)*.*$", RegexOptions.Multiline)]
    private static partial Regex PublishCommand();

    [GeneratedRegex(@"^ENTRYPOINT \[(?<program>""[^""]+"")", RegexOptions.Multiline)]
    private static partial Regex EntryPoint();

    [GeneratedRegex(@"^HEALTHCHECK (?:.*\\\n)*\s*CMD \[(?<program>""[^""]+"")", RegexOptions.Multiline)]
    private static partial Regex HealthCheck();
}
