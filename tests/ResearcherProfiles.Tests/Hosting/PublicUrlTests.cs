using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Hosting;

public sealed class PublicUrlTests
{
    private static PublicUrl Read(string environment, params (string Key, string Value)[] settings) =>
        PublicUrl.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            new HostingEnvironment { EnvironmentName = environment });

    [Theory]
    [InlineData("https://profiles.example.org", "https://profiles.example.org")]
    [InlineData("https://profiles.example.org/", "https://profiles.example.org")]
    [InlineData("http://example.org:8080/lab/", "http://example.org:8080/lab")]
    public void The_configured_address_is_the_origin_of_every_absolute_link(string configured, string origin)
    {
        var url = Read(Environments.Production, (PublicUrl.Key, configured));

        Assert.Equal(origin, url.Origin);
        Assert.Equal(origin + "/account/reset-password?token=x", url.Absolute("/account/reset-password?token=x"));
    }

    [Fact]
    public void The_older_setting_name_is_still_read()
    {
        Assert.Equal("https://old.example.org", Read(Environments.Production, (PublicUrl.OlderKey, "https://old.example.org/")).Origin);
        Assert.Equal("https://new.example.org", Read(Environments.Production, (PublicUrl.OlderKey, "https://old.example.org"), (PublicUrl.Key, "https://new.example.org")).Origin);
    }

    [Theory]
    [InlineData("profiles.example.org")]
    [InlineData("javascript://profiles.example.org")]
    [InlineData("ftp://profiles.example.org")]
    [InlineData("https://profiles.example.org/?next=x")]
    [InlineData("https://user:secret@profiles.example.org")]
    public void Anything_but_an_absolute_http_address_stops_the_start_up(string configured)
    {
        var error = Assert.Throws<Web.Startup.StartupFailureException>(() => Read(Environments.Development, (PublicUrl.Key, configured)));

        Assert.StartsWith($"{PublicUrl.Key} must be an absolute http or https address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_and_testing_the_address_is_required(string environment)
    {
        var error = Assert.Throws<Web.Startup.StartupFailureException>(() => Read(environment));

        Assert.Contains("Set Site:PublicUrl (environment variable Site__PublicUrl)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_development_the_first_listening_address_or_the_local_default_stands_in()
    {
        Assert.Equal("http://localhost:5080", Read(Environments.Development).Origin);
        Assert.Equal("http://localhost:6000", Read(Environments.Development, ("urls", "http://*:6000;https://*:6001")).Origin);
        Assert.Equal("http://localhost:5080", Read("Testing").Origin);
    }

    [Fact]
    public async Task The_app_in_production_does_not_start_without_the_address_and_says_which_setting_to_set()
    {
        // The built app itself, as an operator starts it: one sentence and exit code 1, no stack trace.
        var data = Directory.CreateTempSubdirectory("researcher-profiles-production-");
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet", [RepositoryFiles.WebAppDll()])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = Environments.Production,
                    ["DataDirectory"] = data.FullName,
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                },
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            var text = await errors;
            Assert.Contains(PublicUrl.MissingMessage, text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
