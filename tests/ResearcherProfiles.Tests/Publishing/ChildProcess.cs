using System.Diagnostics;
using System.Text;

namespace ResearcherProfiles.Tests.Publishing;

/// <summary>
/// A `dotnet` child process with its output captured for failure messages, a bounded wait, and a
/// guaranteed kill (whole process tree) on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public string CommandLine => $"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)}";

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The dotnet host running the tests: the same one the published app must run on.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet";

    /// <summary>A production start's settings, with the database in the data folder, and none inherited from the test run.</summary>
    public static void Production(IDictionary<string, string?> environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string[] inheritedPrefixes = ["ASPNETCORE_", "DOTNET_ENVIRONMENT", "ConnectionStrings__", "Database__", "DataDirectory", "Demo__", "Site__"];
        foreach (var key in environment.Keys.Where(k => inheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            environment.Remove(key);
        }
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["DataDirectory"] = dataDirectory;
        environment["Site__PublicUrl"] = "https://profiles.example.org";
    }

    public static ChildProcess StartDotnet(IEnumerable<string> arguments, string workingDirectory, Action<IDictionary<string, string?>> environment) =>
        Start(DotnetHost, arguments, workingDirectory, environment);

    /// <summary>Starts any program (nginx, for one), with the same output capture and kill on dispose.</summary>
    public static ChildProcess Start(string program, IEnumerable<string> arguments, string workingDirectory, Action<IDictionary<string, string?>> environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        environment(startInfo.Environment);
        var child = new ChildProcess(new Process { StartInfo = startInfo });
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to completion within <paramref name="timeout"/> and returns the exit code; kills it if it overruns.</summary>
    public static async Task<(int ExitCode, string Output)> RunDotnetAsync(
        IEnumerable<string> arguments, string workingDirectory, Action<IDictionary<string, string?>> environment, TimeSpan timeout)
    {
        await using var child = StartDotnet(arguments, workingDirectory, environment);
        var exitCode = await child.WaitForExitAsync(timeout);
        return (exitCode, child.Output);
    }

    /// <summary>Waits until the output holds <paramref name="text"/>, the process ends, or <paramref name="timeout"/> passes.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal) && !HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"`{CommandLine}` did not finish within {timeout.TotalSeconds:F0} s. Output:\n{Output}");
        }
        // The last lines a process writes before it exits may still be on their way to the output
        // handlers: WaitForExit() without a timeout waits for both pipes to end.
        try
        {
            await Task.Run(() => process.WaitForExit()).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // A grandchild holds the pipes open: what was read so far is the output.
        }
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed but the output pipes are still open (a grandchild holds them): nothing more to do.
        }
        process.Dispose();
    }

    /// <summary>Kills the process and its children at once, as a crash or `kill -9` would.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
