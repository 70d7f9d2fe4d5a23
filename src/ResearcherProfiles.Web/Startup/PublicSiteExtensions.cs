using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Web.Cv;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Feeds;
using ResearcherProfiles.Web.Hosting;

namespace ResearcherProfiles.Web.Startup;

public static class PublicSiteExtensions
{
    /// <summary>The longest request line (method, address, version) the app answers: 64 KiB, against Kestrel's 8 KiB.</summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    /// <summary>Output-cache policy for anonymous public pages; edits evict them by the tags of <see cref="PublicPageTags"/>.</summary>
    public const string PublicPagesPolicy = "PublicPages";

    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The site uses no device or tracking features, so none is granted to it or to anything it embeds.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    public static WebApplicationBuilder AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.Section));
        // Read now so that a missing or malformed address stops the start-up with a clear message.
        var publicUrl = PublicUrl.FromConfiguration(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(publicUrl);
        builder.Services.AddScoped<HomeProfile>();
        builder.Services.AddSingleton<AssetUrls>();
        // Fixed for the app's lifetime: cached pages and fresh ones must render links the same way.
        builder.Services.AddSingleton(ExternalLinks.For(ExternalLinksInNewTab(builder.Configuration[SiteOptions.ExternalLinksInNewTabKey]), publicUrl.Origin));
        builder.Services.AddTransient<IStartupFilter, ExternalLinksStartupFilter>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Kestrel answers a longer request line itself, with an empty 414; up to this the app
            // answers (search and the filters read the first 200 characters of a query).
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
        });
        // Text goes out as UTF-8 rather than numeric character references (see Utf8Html). Only the
        // HTML encoder changes: the URL encoder keeps escaping non-ASCII, so addresses that routing
        // builds stay ASCII, which response headers such as a redirect's Location require.
        builder.Services.AddSingleton<HtmlEncoder>(Utf8Html.Encoder);
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Edit");
            options.Conventions.AuthorizeAreaFolder("Account", "/");
            options.Conventions.AllowAnonymousToAreaPage("Account", "/Login");
            options.Conventions.AllowAnonymousToAreaPage("Account", "/AccessDenied");
            options.Conventions.AuthorizeAreaFolder("Admin", "/", AccountsExtensions.AdminPolicy);
        });
        var cacheMegabytes = OutputCacheMegabytes(builder.Configuration[SiteOptions.OutputCacheMegabytesKey]);
        builder.Services.AddOutputCache(options =>
        {
            // Pages are stored compressed (see PublicCompression), so the bound holds several times more of them.
            // The store is PageFiles, bounded below, or Redis (SharedPageCache), bounded by its maxmemory; this
            // bounds the framework's in-memory store, which only the editors' evictions reach when the cache is off.
            options.SizeLimit = Math.Max(cacheMegabytes, 1) * 1024L * 1024L;
            // No query value tells pages apart (the default is every one) unless the page names it
            // (VaryByQueryKeys on the pages that read one): a tracking parameter (utm_source, fbclid) or any other value a
            // page ignores gets the cached page, instead of a render and a copy of its own.
            options.AddPolicy(PublicPagesPolicy, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery([])
                // One stored copy per encoding the page is sent in (see PublicCompression).
                .VaryByValue(PublicCompression.EncodingKey)
                .Tag(PublicPageTags.All)
                .AddPolicy<PublicPageTags.ListingsUnlessClaimed>()
                .AddPolicy<RepeatedQueryValues>());
        });
        OutputCacheSegments.UseSmallSegments();
        var inRedis = SharedPageCache.IsConfigured(builder.Configuration);
        // Without Redis, instances on one PostgreSQL database tell each other of their evictions through it.
        var evictionsOverPostgres = cacheMegabytes > 0 && !inRedis
            && DatabaseProviders.Configured(builder.Configuration) == DatabaseProvider.Postgres;
        if (cacheMegabytes > 0 && !inRedis)
        {
            PageFiles.Register(builder.Services, cacheMegabytes * 1024L * 1024L);
        }
        if (evictionsOverPostgres)
        {
            EvictionsOverPostgres.Register(builder.Services);
        }
        builder.AddSharedPageCache();
        HotPagesStore.Register(builder.Services, evictedElsewhere: inRedis || evictionsOverPostgres);
        builder.Services.AddPublicCompression();
        builder.Services.AddFeeds(builder.Configuration);
        builder.AddTrustedProxies();
        return builder;
    }

    /// <summary>Site:OutputCacheMegabytes, 100 unless set to a whole number from 0 (no cache) to 100,000.</summary>
    /// <exception cref="StartupFailureException">The setting is something else.</exception>
    public static long OutputCacheMegabytes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 100;
        }
        return long.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var megabytes) && megabytes is >= 0 and <= 100_000
            ? megabytes
            : throw new StartupFailureException($"{SiteOptions.OutputCacheMegabytesKey} must be a whole number of megabytes from 0 (no cache) to 100000; '{value}' is not.");
    }

    /// <summary>Site:ExternalLinksInNewTab, false unless set to true.</summary>
    /// <exception cref="StartupFailureException">The setting is neither true nor false.</exception>
    private static bool ExternalLinksInNewTab(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        return bool.TryParse(value.Trim(), out var inNewTab)
            ? inNewTab
            : throw new StartupFailureException($"{SiteOptions.ExternalLinksInNewTabKey} must be true or false; '{value}' is neither.");
    }

    /// <summary>Gives <see cref="MarkdownRenderer"/> the site's rule for links to other sites before the first page is rendered.</summary>
    private sealed class ExternalLinksStartupFilter(ExternalLinks links) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        {
            MarkdownRenderer.Links = links;
            return next;
        }
    }

    public static WebApplication UsePublicSite(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
            headers["Permissions-Policy"] = PermissionsPolicy;
            await next();
        });
        app.Use(RefuseOtherMethods);
        app.Use(app.Services.GetRequiredService<HotPages>().InvokeAsync);
        if (app.Services.GetService<EvictionsOverPostgres>() is { } evictions)
        {
            app.Use(evictions.SayBeforeAnswering);
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UsePrecompressedAssets(SetStaticCacheHeaders);
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => SetStaticCacheHeaders(context.Context),
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseSignInCookies();
        app.UseAuthorization();
        // Site:OutputCacheMegabytes=0 renders every public page for every request: for a site behind
        // a caching proxy or CDN, and for measuring what rendering costs.
        if (OutputCacheMegabytes(app.Configuration[SiteOptions.OutputCacheMegabytesKey]) > 0)
        {
            app.UseOutputCache();
        }
        app.UsePublicValidators();
        app.UsePublicCompression();
        app.MapHealthEndpoints();
        app.MapMedia();
        app.MapCitationExports();
        app.MapCvDownloads();
        app.MapFeeds();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Stylesheets and scripts are linked with a version hash (asp-append-version): those copies never change.</summary>
    private static void SetStaticCacheHeaders(HttpContext context) =>
        context.Response.Headers[HeaderNames.CacheControl] =
            context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600";

    /// <summary>
    /// Public pages, files and endpoints only answer GET and HEAD; the form pages also take POST.
    /// Anything else (TRACE, PUT, DELETE, OPTIONS...) is a 405 with the methods that are allowed,
    /// before any page or file handler sees it.
    /// HEAD goes through the app as GET, its body written to nothing: it gets GET's cached copy,
    /// length, validators and 304s. Answered apart, HEAD had a cached copy of its own, an empty
    /// body stored as the page (Content-Length: 0), and neither ETag nor Last-Modified, which are
    /// taken from the body.
    /// </summary>
    private static Task RefuseOtherMethods(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsHead(method))
        {
            return AsGetWithoutBody(context, next);
        }
        if (HttpMethods.IsGet(method))
        {
            return next(context);
        }
        var path = context.Request.Path;
        var takesForms = PublicCompression.IsPrivate(path);
        if (takesForms && HttpMethods.IsPost(method))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = takesForms ? "GET, HEAD, POST" : "GET, HEAD";
        return Task.CompletedTask;
    }

    private static async Task AsGetWithoutBody(HttpContext context, RequestDelegate next)
    {
        context.Request.Method = HttpMethods.Get;
        var server = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var discarding = new StreamResponseBodyFeature(Stream.Null, server);
        context.Features.Set<IHttpResponseBodyFeature>(discarding);
        try
        {
            await next(context);
            await discarding.CompleteAsync();
        }
        finally
        {
            context.Features.Set(server);
            context.Request.Method = HttpMethods.Head;
        }
    }
}

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The name a site has until it is given one.</summary>
    public const string DefaultName = "Researcher Profiles";

    /// <summary>
    /// The site's name in the header and page titles: a lab, a department or a person. Left at
    /// <see cref="DefaultName"/> on a single-person site, the home profile's name stands in for it.
    /// </summary>
    public string Name { get; set; } = DefaultName;

    public const string HomeProfileKey = Section + ":" + nameof(HomeProfile);

    /// <summary>
    /// The slug of the profile the home page shows, making the site that researcher's homepage;
    /// used until an administrator saves the site settings (see <see cref="Hosting.HomeProfile"/>).
    /// </summary>
    public string? HomeProfile { get; set; }

    /// <summary>Researchers per directory page.</summary>
    public int DirectoryPageSize { get; set; } = 24;

    /// <summary>Papers per page of a profile's publication list.</summary>
    public int PublicationsPageSize { get; set; } = 100;

    /// <summary>Selected papers shown on a profile page, before the link to the full list.</summary>
    public int SelectedPublicationsShown { get; set; } = 50;

    public const string ExternalLinksInNewTabKey = Section + ":" + nameof(ExternalLinksInNewTab);

    /// <summary>
    /// The most memory the cache of public pages takes; the least recently used pages leave first.
    /// In-memory cache only: a Redis cache is bounded by Redis's own maxmemory. 0 turns the cache off.
    /// </summary>
    public const string OutputCacheMegabytesKey = Section + ":OutputCacheMegabytes";

    /// <summary>
    /// Whether links to other sites (in Markdown, link lists, publication links) open in a new tab;
    /// read once at start-up (see <see cref="Core.Text.ExternalLinks"/>).
    /// </summary>
    public bool ExternalLinksInNewTab { get; set; }
}
