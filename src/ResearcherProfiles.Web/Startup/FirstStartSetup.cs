using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Hosting;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// The one-time setup link of a site without accounts: at start-up, when no user exists, a random
/// token is made and logged as "/setup?token=..."; the setup page accepts it to create the first
/// administrator. The token lives only in memory: a restart with still no user logs a new one.
/// </summary>
public sealed class FirstStartSetup : IDisposable
{
    public const string PagePath = "/setup";

    private readonly SemaphoreSlim _creating = new(1, 1);
    private byte[]? _token;

    /// <summary>The current token, or null once setup is complete or was never needed.</summary>
    public string? Token => _token is null ? null : Encoding.ASCII.GetString(_token);

    public void Open()
    {
        _token = Encoding.ASCII.GetBytes(WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>Compares in constant time, so response timing reveals nothing about the token.</summary>
    public bool Accepts(string? candidate)
    {
        var token = _token;
        return token is not null && candidate is not null
            && CryptographicOperations.FixedTimeEquals(token, Encoding.ASCII.GetBytes(candidate));
    }

    /// <summary>
    /// Runs <paramref name="create"/> while no other setup request can, and only if the token is
    /// still good and there is still no user; closes setup for good when it succeeds.
    /// </summary>
    /// <returns>Null when setup is closed, otherwise the result of <paramref name="create"/>.</returns>
    public async Task<IdentityResult?> CreateFirstUserAsync(string? candidate, UserManager<AppUser> users, Func<Task<IdentityResult>> create, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(create);
        await _creating.WaitAsync(ct);
        try
        {
            if (!Accepts(candidate) || await users.Users.AnyAsync(ct))
            {
                return null;
            }
            var result = await create();
            if (result.Succeeded)
            {
                _token = null;
            }
            return result;
        }
        finally
        {
            _creating.Release();
        }
    }

    public void Dispose() => _creating.Dispose();
}

public static class FirstStartSetupExtensions
{
    /// <summary>Opens first-start setup and logs its link when the database has no user (run after migrations).</summary>
    public static async Task PrepareFirstStartAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.Users.AnyAsync())
        {
            return;
        }
        var setup = app.Services.GetRequiredService<FirstStartSetup>();
        setup.Open();
        var link = $"{FirstStartSetup.PagePath}?token={setup.Token}";
        app.Logger.LogWarning(
            "No account exists yet. To create the administrator, open {SetupLink} on this site, e.g. {ExampleUrl}. " +
            "The link works once; a restart makes a new one.",
            link, app.Services.GetRequiredService<PublicUrl>().Absolute(link));
    }
}
