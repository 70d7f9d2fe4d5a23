using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Data;

/// <summary>A compiled query serves one EF model: one process holding SQLite's and PostgreSQL's gets one per model.</summary>
public sealed class CompiledQueryTests
{
    private static readonly CompiledQuery<Func<AppDbContext, int, IAsyncEnumerable<ProfileSection>>> Sections = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int researcherId) => db.ProfileSections.Where(s => s.ResearcherId == researcherId)));

    [Fact]
    public void Contexts_of_one_provider_share_a_compiled_query_and_another_provider_gets_its_own()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var otherSqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        // Building the model needs no server: nothing here connects.
        using var postgres = Context(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=unused");

        Assert.Same(Sections.For(sqlite), Sections.For(otherSqlite));
        Assert.NotSame(Sections.For(sqlite), Sections.For(postgres));
        Assert.Same(Sections.For(postgres), Sections.For(postgres));
    }

    private static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(provider, connectionString);
        return new AppDbContext(options.Options);
    }
}
