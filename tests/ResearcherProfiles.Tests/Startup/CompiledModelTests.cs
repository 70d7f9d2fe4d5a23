using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

        var expected = built.Model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n');
        var actual = compiled.Model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n');
        var first = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
            .FirstOrDefault(i => expected.ElementAtOrDefault(i) != actual.ElementAtOrDefault(i), -1);
        Assert.True(first < 0,
            $"The {provider} compiled model differs from the configurations at line {first + 1} of the model's description: " +
            $"\"{expected.ElementAtOrDefault(first)?.Trim()}\" built, \"{actual.ElementAtOrDefault(first)?.Trim()}\" compiled. " +
            "Generate it again (README, \"Adding a migration\").");
    }
}
