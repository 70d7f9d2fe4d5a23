using ResearcherProfiles.Web.Startup;

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
}
catch (StartupFailureException failure)
{
    await Console.Error.WriteLineAsync($"The app cannot start. {failure.Message}");
    return 1;
}

var app = builder.Build();

if (SeedDemoCommand.TryParse(args, out var researchers))
{
    return await SeedDemoCommand.RunAsync(app, researchers);
}

if (CopyDatabaseCommand.IsRequested(args))
{
    return await CopyDatabaseCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

if (!await app.TryPrepareDatabaseAsync())
{
    return 1;
}
await app.PrepareFirstStartAsync();
app.UsePublicSite();
await app.RunAsync();
return 0;

public partial class Program;
