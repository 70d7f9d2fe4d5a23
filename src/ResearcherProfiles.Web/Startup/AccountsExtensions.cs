using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Email;

namespace ResearcherProfiles.Web.Startup;

public static class AccountsExtensions
{
    public const string AdminRole = "Admin";
    public const string ResearcherRole = "Researcher";
    public const string AdminPolicy = "AdminOnly";

    /// <summary>Rate-limiting policy for every account form: <c>[EnableRateLimiting(AccountsRateLimitPolicy)]</c> on the page model.</summary>
    public const string AccountsRateLimitPolicy = "Accounts";

    /// <summary>How long an emailed password-reset link works.</summary>
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(2);

    /// <summary>Passwords: length only (NIST SP 800-63B style), long passphrases welcome.</summary>
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 1024;

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                // The account name is the email address, which the forms check (VisibleEmail): the
                // framework's ASCII-only default refused "josé@example.org" only when the invitation
                // was accepted.
                options.User.AllowedUserNameCharacters = string.Empty;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetLifetime);

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "rp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.SlidingExpiration = true;
            // A signed-in user who may not open a page gets a real 403, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // Signing in on the sign-in page follows its returnUrl: with non-ASCII characters
            // encoded, which a header must not carry as they are.
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(RedirectLocation.Encode(context.RedirectUri));
                return Task.CompletedTask;
            };
            // The sign-in redirect is relative: an absolute one would carry the request's Host
            // header, which a client chooses.
            options.Events.OnRedirectToLogin = context =>
            {
                var origin = $"{context.Request.Scheme}://{context.Request.Host}";
                context.Response.Redirect(context.RedirectUri.StartsWith(origin, StringComparison.Ordinal)
                    ? context.RedirectUri[origin.Length..]
                    : context.Options.LoginPath.Value!);
                return Task.CompletedTask;
            };
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // A disabled account or a changed password ends existing sessions within a minute; until
        // then CurrentAccountRequirement refuses them every signed-in page.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Keys outlive restarts and container upgrades in the database, and every instance on the
        // database shares them, so sign-ins and antiforgery tokens stay valid across both (see KeyRing).
        builder.Services.AddDataProtection()
            .SetApplicationName("ResearcherProfiles")
            .PersistKeysToDbContext<AppDbContext>();

        // Signed-in pages also ask the database whether the session is still the account's (CurrentAccount).
        builder.Services.AddScoped<IAuthorizationHandler, CurrentAccountHandler>();
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(CurrentAccountRequirement.Instance).Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(AdminRole).AddRequirements(CurrentAccountRequirement.Instance));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ProfileAccess>();
        builder.Services.AddSingleton<FirstStartSetup>();
        builder.AddEmail();
        builder.AddAccountsRateLimiting();
        return builder;
    }

    /// <summary>SMTP when "Email:Smtp:Host" is set, otherwise the pickup folder (and the log).</summary>
    private static void AddEmail(this WebApplicationBuilder builder)
    {
        var smtp = builder.Configuration.GetSection(SmtpOptions.Section);
        if (string.IsNullOrWhiteSpace(smtp[nameof(SmtpOptions.Host)]))
        {
            builder.Services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
            return;
        }
        builder.Services.AddOptions<SmtpOptions>()
            .Bind(smtp)
            .Validate(o => System.Net.Mail.MailAddress.TryCreate(o.From, out _), $"{SmtpOptions.Section}:From must be an email address when {SmtpOptions.Section}:Host is set.")
            .Validate(o => o.Port is > 0 and < 65536, $"{SmtpOptions.Section}:Port must be a TCP port.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
    }

    /// <summary>Creates the roles once.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { AdminRole, ResearcherRole })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    // What UseAuthentication sets, so that WebApplication does not put a second authentication
    // step of its own in front of the whole pipeline.
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// Authentication for the requests that carry cookies. Every sign-in here is Identity's cookie,
    /// so a request without any cookie has nobody to authenticate: it skips the handlers, and with
    /// them the request's service scope, which a page served from the output cache otherwise
    /// creates for this step alone.
    /// </summary>
    public static IApplicationBuilder UseSignInCookies(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var schemes = app.ApplicationServices.GetRequiredService<IAuthenticationSchemeProvider>();
        app.Properties[AuthenticationMiddlewareSet] = true;
        return app.Use(next =>
        {
            var authentication = new AuthenticationMiddleware(next, schemes);
            return context => context.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Cookie) ? authentication.Invoke(context) : next(context);
        });
    }
}
