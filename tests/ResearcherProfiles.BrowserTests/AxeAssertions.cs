using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests;

public static class AxeAssertions
{
    /// <summary>Only violations are reported in full: serialising every passing node makes big pages slow to check.</summary>
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Runs axe-core on the page as it is now and fails with every violation spelled out.</summary>
    /// <remarks>
    /// axe-core runs and reports inside the page itself (the package's "legacy" mode). Its default
    /// mode gathers the results in the page and then finishes the run in a new browser page of its
    /// own, which keeps a site's scripts from tampering with the report: a safeguard for auditing
    /// pages one does not control, not the app's own. That extra page took about 2 of every 2.5
    /// seconds a check took here, and these suites run a few hundred checks.
    /// </remarks>
    public static async Task AssertNoAxeViolationsAsync(this IPage page, string because)
    {
#pragma warning disable CS0618 // Obsolete: the in-page mode is kept by the pinned package version; see the remarks.
        var result = await page.RunAxeLegacy(options: ViolationsOnly);
#pragma warning restore CS0618
        if (result.Violations.Length == 0)
        {
            return;
        }
        var report = new StringBuilder()
            .AppendLine($"axe-core found {result.Violations.Length} violation(s) on {page.Url} ({because}):");
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    target: {node.Target}")
                    .AppendLine($"    html:   {node.Html}")
                    .Append(FailureSummary(node));
            }
        }
        Assert.Fail(report.ToString());
    }

    /// <summary>The .NET results carry no failureSummary; this rebuilds axe-core's wording from the failed checks.</summary>
    private static string FailureSummary(AxeResultNode node)
    {
        var summary = new StringBuilder();
        if (node.Any is { Length: > 0 } any)
        {
            summary.AppendLine("    Fix any of the following:");
            foreach (var check in any)
            {
                summary.AppendLine($"      {check.Message}");
            }
        }
        var all = (node.All ?? []).Concat(node.None ?? []).ToList();
        if (all.Count > 0)
        {
            summary.AppendLine("    Fix all of the following:");
            foreach (var check in all)
            {
                summary.AppendLine($"      {check.Message}");
            }
        }
        return summary.ToString();
    }
}
