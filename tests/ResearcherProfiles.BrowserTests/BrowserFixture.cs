using System.Diagnostics.CodeAnalysis;
using Microsoft.Playwright;

namespace ResearcherProfiles.BrowserTests;

/// <summary>One application and one Chromium shared by every browser test; each test opens its own context.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright's own browser download is not available everywhere we run.</summary>
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly DirectoryInfo dataDirectory = Directory.CreateTempSubdirectory("researcher-profiles-browser-");
    private ProfilesAppFactory? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri ServerAddress { get; private set; } = null!;

    /// <summary>The app's services, for tests that must put the shared demo data back as they found it.</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync()
    {
        app = new ProfilesAppFactory(dataDirectory.FullName);
        ServerAddress = app.Start();
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run `apt-get install -y chromium` (tests/run.sh does).");
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ChromiumArgs,
            Headless = true,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser context (own cookies, colour scheme, viewport) pointed at the app.</summary>
    public async Task<IBrowserContext> NewContextAsync(
        ColorScheme colorScheme = ColorScheme.Light,
        Viewport? viewport = null,
        bool javaScriptEnabled = true)
    {
        var size = viewport ?? Viewport.Desktop;
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ServerAddress.ToString(),
            ColorScheme = colorScheme,
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            IsMobile = size.IsMobile,
            HasTouch = size.IsMobile,
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        try
        {
            dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle still closing must not fail the run; the folder is under the temp directory.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Phone = new("phone", 390, 844, IsMobile: true);
    public static readonly Viewport Desktop = new("desktop", 1280, 900, IsMobile: false);

    public override string ToString() => Name;
}
