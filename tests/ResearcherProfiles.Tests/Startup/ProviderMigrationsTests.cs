using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>Each provider's migrations assembly describes the model as it is: no change waits for a migration.</summary>
public sealed class ProviderMigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused")]
    public void Every_model_change_has_a_migration_for_the_provider(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(provider, connectionString);
        using var db = new AppDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changed since the last {provider} migration: add one (README, \"Adding a migration\").");
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("PostgreSQL", DatabaseProvider.Postgres)]
    public void The_provider_setting_is_read_whatever_its_case(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.Parse(value));

    [Fact]
    public void An_unknown_provider_stops_the_start_up_with_a_message()
    {
        var failure = Assert.Throws<ResearcherProfiles.Web.Startup.StartupFailureException>(() => DatabaseProviders.Parse("mysql"));
        Assert.Equal("Database:Provider is \"mysql\": it must be Sqlite or Postgres.", failure.Message);
    }
}
