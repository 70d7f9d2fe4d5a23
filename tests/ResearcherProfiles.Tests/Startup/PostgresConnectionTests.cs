using Npgsql;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>
/// PostgreSQL connections keep their frequent statements prepared, and go back to the pool without
/// a reset, unless the connection string says otherwise.
/// </summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void A_connection_string_without_the_settings_prepares_frequent_statements_and_skips_the_reset()
    {
        var built = new NpgsqlConnectionStringBuilder(ProfileDataExtensions.PostgresConnectionString("Host=db.example;Database=profiles;Username=app"));

        Assert.Equal(ProfileDataExtensions.PostgresAutoPrepared, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("db.example", built.Host);
        Assert.Equal("profiles", built.Database);
        Assert.Equal("app", built.Username);
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;MaxAutoPrepare=12", 12)]
    [InlineData("Host=db.example;max auto prepare=7", 7)]
    public void A_number_given_in_the_connection_string_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(ProfileDataExtensions.PostgresConnectionString(connectionString)).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db.example;No Reset On Close=false")]
    [InlineData("Host=db.example;NoResetOnClose=False")]
    public void A_reset_asked_for_in_the_connection_string_is_kept(string connectionString) =>
        Assert.False(new NpgsqlConnectionStringBuilder(ProfileDataExtensions.PostgresConnectionString(connectionString)).NoResetOnClose);
}
