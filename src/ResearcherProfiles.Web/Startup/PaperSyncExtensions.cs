using Microsoft.Extensions.DependencyInjection.Extensions;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Web.Startup;

public static class PaperSyncExtensions
{
    /// <summary>The look at connected profiles' sources: on demand from the editor, and daily in the background.</summary>
    public static void AddPaperSync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(SyncSettings.From(builder.Configuration));
        builder.Services.AddScoped<PaperSync>();
        builder.Services.AddSingleton<PaperSyncService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PaperSyncService>());
    }
}
