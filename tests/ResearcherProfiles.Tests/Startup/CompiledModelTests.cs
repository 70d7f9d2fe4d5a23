using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// Each provider's compiled model (in its migrations assembly) is the model the entity
/// configurations build: the app runs on the compiled one, so a configuration changed without
/// generating it again would otherwise go unseen.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused")]
    public void The_compiled_model_is_the_model_the_configurations_build(DatabaseProvider provider, string connectionString)
    {
        var compiledOptions = new DbContextOptionsBuilder<AppDbContext>();
        compiledOptions.UseProvider(provider, connectionString);
        using var compiled = new AppDbContext(compiledOptions.Options);
        var builtOptions = new DbContextOptionsBuilder<AppDbContext>();
        if (provider == DatabaseProvider.Postgres)
        {
            builtOptions.UseNpgsql(connectionString);
        }
        else
        {
            builtOptions.UseSqlite(connectionString);
        }
        using var built = new AppDbContext(builtOptions.Options);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Raw SQL read into a type of its own adds that type to the model the process shares.
            compiled.Database.OpenConnection();
            Assert.Equal([1], compiled.Database.SqlQueryRaw<AdHocRow>("SELECT 1 AS \"Number\"").Select(r => r.Number).ToList());
        }

        var expected = Described(built.Model);
        var actual = Described(compiled.Model);
        var first = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
            .FirstOrDefault(i => expected.ElementAtOrDefault(i) != actual.ElementAtOrDefault(i), -1);
        Assert.True(first < 0,
            $"The {provider} compiled model differs from the configurations at line {first + 1} of the model's description: " +
            $"\"{expected.ElementAtOrDefault(first)?.Trim()}\" built, \"{actual.ElementAtOrDefault(first)?.Trim()}\" compiled. " +
            "Generate it again (README, \"Adding a migration\").");
    }

    /// <summary>
    /// The model's description, line by line, without the types EF added as raw SQL was read into
    /// them: whatever ran before in this process has added those to the shared compiled model.
    /// </summary>
    private static List<string> Described(IModel model)
    {
        var described = new List<string>();
        int? adHocDepth = null;
        foreach (var line in model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n'))
        {
            var depth = line.Length - line.TrimStart().Length;
            if (adHocDepth is { } within && depth > within)
            {
                continue;
            }
            adHocDepth = line.Trim() == "Ad-hoc entity types:" ? depth : null;
            if (adHocDepth is null)
            {
                described.Add(line);
            }
        }
        return described;
    }

    private sealed record AdHocRow(int Number);
}
