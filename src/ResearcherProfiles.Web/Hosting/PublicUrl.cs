namespace ResearcherProfiles.Web.Hosting;

/// <summary>
/// The site's public address, e.g. https://profiles.example.org: the origin of every absolute link
/// the app writes (password-reset and invitation emails, canonical and citation URLs). It comes
/// from configuration only, never from a request, whose Host and X-Forwarded-* headers a client
/// can forge to point a reset link at a site of its own.
/// </summary>
public sealed class PublicUrl
{
    public const string Key = "Site:PublicUrl";
    public const string EnvironmentVariable = "Site__PublicUrl";

    /// <summary>The older name of the setting, still read when <see cref="Key"/> is not set.</summary>
    public const string OlderKey = "Email:LinkBaseUrl";

    /// <summary>Where `dotnet run` listens (launchSettings.json); used in Development and Testing when nothing is set.</summary>
    public const string LocalDefault = "http://localhost:5080";

    public static readonly string MissingMessage =
        $"Set {Key} (environment variable {EnvironmentVariable}) to the site's public address, such as " +
        "https://profiles.example.org. Emailed links (password resets, invitations) and canonical page addresses " +
        "are built from it, never from the request's Host header.";

    private PublicUrl(string origin) => Origin = origin;

    /// <summary>Scheme, host, port and any path base, without a trailing slash.</summary>
    public string Origin { get; }

    /// <summary>The absolute address of <paramref name="pathAndQuery"/>, which starts with '/'.</summary>
    public string Absolute(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (!pathAndQuery.StartsWith('/'))
        {
            throw new ArgumentException("Expected a path that starts with '/'.", nameof(pathAndQuery));
        }
        return Origin + pathAndQuery;
    }

    /// <summary>
    /// Reads the setting. Outside Development and Testing it is required; there, without it, the
    /// first address the app is told to listen on stands in, else <see cref="LocalDefault"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting is missing where it is required, or not an absolute http(s) address.</exception>
    public static PublicUrl FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var (key, value) = !string.IsNullOrWhiteSpace(configuration[Key]) ? (Key, configuration[Key]!)
            : !string.IsNullOrWhiteSpace(configuration[OlderKey]) ? (OlderKey, configuration[OlderKey]!)
            : (null, null);
        if (value is null)
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            {
                throw new Startup.StartupFailureException(MissingMessage);
            }
            return new PublicUrl(FirstListeningUrl(configuration) ?? LocalDefault);
        }
        return TryParse(value, out var url)
            ? url
            : throw new Startup.StartupFailureException(
                $"{key} must be an absolute http or https address without a query, such as https://profiles.example.org; '{value}' is not.");
    }

    public static bool TryParse(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicUrl? url)
    {
        url = null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0 || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }
        url = new PublicUrl(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        return true;
    }

    /// <summary>The first http(s) address in "urls" (ASPNETCORE_URLS), with a wildcard host read as localhost.</summary>
    private static string? FirstListeningUrl(IConfiguration configuration)
    {
        foreach (var candidate in (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var local = candidate.Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal);
            if (TryParse(local, out var url))
            {
                return url.Origin;
            }
        }
        return null;
    }
}
