using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Web.Hosting;

/// <summary>
/// The profile the home page shows when the site is one researcher's homepage (the administrator's
/// site settings, or <see cref="SiteOptions.HomeProfile"/> until those are saved); none when the
/// home page is the directory, or when the chosen profile is hidden or in the trash.
/// </summary>
/// <remarks>
/// Read from the database once per request, and never kept longer: several app instances share the
/// database, and a changed setting must show on every one of them at once.
/// </remarks>
public sealed class HomeProfile(AppDbContext db, IOptions<SiteOptions> site)
{
    private Task<HomeProfileView?>? _found;

    /// <summary>The profile the home page shows, or null for the directory.</summary>
    public Task<HomeProfileView?> FindAsync(CancellationToken ct) => _found ??= QueryAsync(ct);

    /// <summary>The address of a profile: "/" for the home profile, else /people/{slug}.</summary>
    public async Task<string> PathOfAsync(string slug, CancellationToken ct) => PathOf(await FindAsync(ct), slug);

    /// <summary>The address of a profile: "/" for <paramref name="home"/>, else /people/{slug}.</summary>
    public static string PathOf(HomeProfileView? home, string slug) => home?.Slug == slug ? "/" : $"/people/{slug}";

    private Task<HomeProfileView?> QueryAsync(CancellationToken ct)
    {
        var visible = db.Researchers.Where(r => !r.IsHidden && r.DeletedAt == null);
        var configured = site.Value.HomeProfile?.Trim();
        // One query whatever the case: the administrator's choice, or the configured slug while
        // no choice has been saved.
        var chosen = string.IsNullOrEmpty(configured)
            ? visible.Where(r => db.SiteSettings.Any(s => s.HomeProfileId == r.Id))
            : visible.Where(r => db.SiteSettings.Any(s => s.HomeProfileId == r.Id) || (r.Slug == configured && !db.SiteSettings.Any()));
        return chosen.Select(r => new HomeProfileView(r.Slug, r.DisplayName)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Makes "/" the home profile's page and its one address: "/" (and "/Index") runs the profile
    /// page, and /people/{slug} of that profile moves permanently to "/". Its other pages
    /// (publications, CV, projects) keep their addresses. Runs before routing and the output cache,
    /// so neither ever sees the profile's old address answer with the page.
    /// </summary>
    public static IApplicationBuilder UseHomeProfile(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            var path = request.Path.Value ?? string.Empty;
            if (path is "/" || path.Equals("/Index", StringComparison.OrdinalIgnoreCase))
            {
                if (await context.RequestServices.GetRequiredService<HomeProfile>().FindAsync(context.RequestAborted) is { } home)
                {
                    request.Path = $"/people/{home.Slug}";
                }
            }
            else if (ProfileSlugOf(path) is { } slug
                && (await context.RequestServices.GetRequiredService<HomeProfile>().FindAsync(context.RequestAborted))?.Slug == slug)
            {
                context.Response.Redirect("/" + request.QueryString, permanent: true);
                return;
            }
        }
        await next(context);
    });

    /// <summary>The slug in a profile page's path, /people/{slug} (with or without a closing slash); null for any other path.</summary>
    public static string? ProfileSlugOf(string path)
    {
        const string prefix = "/people/";
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var slug = path[prefix.Length..];
        if (slug.EndsWith('/'))
        {
            slug = slug[..^1];
        }
        return slug.Length == 0 || slug.Contains('/', StringComparison.Ordinal) ? null : slug;
    }
}

/// <summary>The home profile's address and name.</summary>
public sealed record HomeProfileView(string Slug, string DisplayName);
