namespace ResearcherProfiles.Tests.Core.Citations;

/// <summary>Just enough of a RIS reader to check what the writer produced: records of (tag, value) lines.</summary>
internal static class RisReader
{
    public static IReadOnlyList<RisRecord> Read(string text)
    {
        var records = new List<RisRecord>();
        var current = new List<(string Tag, string Value)>();
        foreach (var line in text.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }
            Assert.Matches("^[A-Z][A-Z0-9]  - ", line);
            var (tag, value) = (line[..2], line[6..]);
            if (tag == "ER")
            {
                records.Add(new RisRecord(current));
                current = [];
            }
            else
            {
                current.Add((tag, value));
            }
        }
        Assert.Empty(current);
        return records;
    }
}

internal sealed record RisRecord(IReadOnlyList<(string Tag, string Value)> Lines)
{
    public IReadOnlyList<string> All(string tag) => Lines.Where(l => l.Tag == tag).Select(l => l.Value).ToList();

    public string? One(string tag) => All(tag) switch
    {
        [] => null,
        [var value] => value,
        var many => throw new InvalidOperationException($"{tag} appears {many.Count} times"),
    };

    /// <summary>"de la Cruz, José" → "José de la Cruz"; "King, Martin Luther, Jr." → "Martin Luther King, Jr."</summary>
    public IReadOnlyList<string> AuthorDisplayNames() => All("AU").Select(au => au.Split(", ") switch
    {
        [var family, var given] => $"{given} {family}",
        [var family, var given, var suffix] => $"{given} {family}, {suffix}",
        _ => au,
    }).ToList();
}
