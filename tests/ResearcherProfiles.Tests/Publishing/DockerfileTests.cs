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
}
