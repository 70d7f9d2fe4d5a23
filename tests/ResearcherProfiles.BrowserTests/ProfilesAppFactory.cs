using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.BrowserTests;

/// <summary>
/// The real application on a real loopback port (Kestrel, not TestServer), so that a browser can
/// reach it, with a fresh database (<see cref="TestDatabase"/>) filled with the demo site,
/// and doi.org and arXiv answered by a <see cref="FakePaperSources"/>: no test reaches the internet.
/// </summary>
public sealed class ProfilesAppFactory(string dataDirectory) : WebApplicationFactory<Program>
{
    private readonly FakePaperSources paperSources = FakePaperSources.Start();

    /// <summary>Starts Kestrel on a free loopback port and returns the address it listens on.</summary>
    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return new Uri(addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address."));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting rather than ConfigureAppConfiguration: Program reads these before Build().
        builder.UseEnvironment("Production");
        builder.UseSetting(DatabaseProviders.Key, TestDatabase.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", TestDatabase.ConnectionStringFor(dataDirectory));
        builder.UseSetting("DataDirectory", dataDirectory);
        builder.UseSetting("Demo:Seed", "true");
        // The tests seed the sync's records themselves; a background look would race them.
        builder.UseSetting("Sources:Sync:Enabled", "false");
        // Production requires the public address; the port is chosen later, and no test follows an emailed link.
        builder.UseSetting("Site:PublicUrl", "http://localhost");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every browser signs in through the form, and all of them come from 127.0.0.1.
        builder.UseSetting("RateLimiting:Accounts:PermitLimit", "10000");
        builder.UseSetting("Sources:Doi:BaseUrl", paperSources.BaseUrl);
        builder.UseSetting("Sources:Arxiv:BaseUrl", paperSources.BaseUrl);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await paperSources.DisposeAsync();
        TestDatabase.Drop(dataDirectory);
    }
}
