using System.Globalization;
using System.Runtime.InteropServices;
using ResearcherProfiles.Tests.Sources;

// fake-sources <url>             serves the fake on <url> until SIGTERM or Ctrl+C, then prints the
//                                requests it answered, by service.
// fake-sources --ids <n> <works> prints n generated ORCID iDs (serials 0..n-1), one a line, whose
//                                records of <works> works the fake serves.
if (args is ["--ids", var countText, var worksText]
    && int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 0 and <= 10_000
    && int.TryParse(worksText, NumberStyles.None, CultureInfo.InvariantCulture, out var works) && works is >= 0 and <= 999)
{
    var ids = new System.Text.StringBuilder();
    for (var serial = 0; serial < count; serial++)
    {
        ids.Append(FakeSources.GeneratedOrcidId(works, serial)).Append('\n');
    }
    Console.Out.Write(ids.ToString());
    return 0;
}
if (args is not [var url] || !Uri.TryCreate(url, UriKind.Absolute, out _))
{
    await Console.Error.WriteLineAsync("usage: fake-sources <url> | fake-sources --ids <count 0-10000> <works 0-999>");
    return 2;
}

var fake = FakeSources.Start(url);
await using (fake.ConfigureAwait(false))
{
    using var stop = new CancellationTokenSource();
    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }
    using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    Console.WriteLine($"listening on {fake.BaseUrl}");
    await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);

    var requests = fake.Requests.ToList();
    Console.WriteLine($"requests: {requests.Count}");
    foreach (var service in requests.GroupBy(r => Service(r.Path)).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"requests {service.Key}: {service.Count()}");
    }
}
return 0;

static string Service(string path) => path switch
{
    _ when path.StartsWith("/v3.0/", StringComparison.Ordinal) && path.Split('?')[0].Split('/').Length > 4 => "orcid-details",
    _ when path.StartsWith("/v3.0/", StringComparison.Ordinal) => "orcid-works",
    _ when path.StartsWith("/pid/", StringComparison.Ordinal) => "dblp",
    _ when path.StartsWith("/works", StringComparison.Ordinal) || path.StartsWith("/authors/", StringComparison.Ordinal) => "openalex",
    _ when path.StartsWith("/api/query", StringComparison.Ordinal) => "arxiv",
    _ => "doi",
};
