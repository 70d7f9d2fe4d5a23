using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Data;

/// <summary>The site on SQLite serves its pages from kept connections, their statements prepared once.</summary>
public sealed class KeptSqliteSiteTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [SqliteOnlyFact("PostgreSQL keeps prepared statements on the server, through Npgsql's automatic preparation")]
    public async Task A_profile_page_leaves_its_connection_open_with_its_statements_prepared()
    {
        var researcher = await new ResearcherBuilder("Kept Statements").SaveAsync(factory);
        using var visitor = factory.CreateVisitor();

        (await visitor.GetAsync($"/people/{researcher.Slug}?uncached=1")).EnsureSuccessStatusCode();

        // The page's context went back to the pool with its connection, which the next request gets.
        await using var scope = factory.Services.CreateAsyncScope();
        var connection = Assert.IsType<KeptSqliteConnection>(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection());
        Assert.True(connection.KeptStatements >= 3, $"{connection.KeptStatements} statements kept.");
    }
}
