using ResearcherProfiles.Web.Startup;

// Before the app starts its own threads: each thread that allocates would otherwise get an arena
// of the C heap of its own.
NativeHeap.LimitArenas();

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync();
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = WebRoot.PublishedContentRoot(),
    WebRootPath = WebRoot.Locate(),
});

try
{
    builder.AddProfileData();
    builder.AddAccounts();
    builder.AddPublicSite();
    builder.AddFormInput();
    builder.AddPaperSources();
    builder.AddPaperSync();
    builder.Services.AddNativeHeapTrimming();
}
catch (StartupFailureException failure)
{
    await Console.Error.WriteLineAsync($"The app cannot start. {failure.Message}");
    return 1;
}

var app = builder.Build();
NativeHeap.Report(app.Logger);

if (SeedDemoCommand.TryParse(args, out var researchers))
{
    return await SeedDemoCommand.RunAsync(app, researchers);
}

if (CopyDatabaseCommand.IsRequested(args))
{
    return await CopyDatabaseCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

// Preparing the database (EF builds its model, then migrates) and mapping the pages (Razor Pages
// reads every page model) each take a few hundred milliseconds of CPU at start-up and need nothing
// of each other: with two cores or more they run side by side. Nothing is served before both end.
var databasePrepared = Task.Run(app.TryPrepareDatabaseAsync);
app.UsePublicSite();
if (!await databasePrepared)
{
    return 1;
}
await app.PrepareFirstStartAsync();
await app.RunAsync();
return 0;

public partial class Program;
