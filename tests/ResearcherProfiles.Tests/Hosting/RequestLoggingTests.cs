using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Hosting;

public sealed class RequestLoggingTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    // ASP.NET Core's hosting starts a trace activity for every request while this category logs
    // at any level (or something listens for activities): off, a cached page costs less.
    [Fact]
    public void Requests_are_not_logged_one_by_one_unless_asked()
    {
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        Assert.False(logger.IsEnabled(LogLevel.Critical));
    }
}
