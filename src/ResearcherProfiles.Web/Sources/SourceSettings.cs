using System.Globalization;

namespace ResearcherProfiles.Web.Sources;

/// <summary>How the site asks outside services for metadata: where, how patiently, and who is asking.</summary>
public sealed record SourceSettings(Uri DoiBaseUrl, Uri ArxivBaseUrl, TimeSpan Timeout, int Retries, TimeSpan RetryDelay, TimeSpan MaxRetryAfter, string UserAgent)
{
    public Uri OrcidBaseUrl { get; init; } = new("https://pub.orcid.org");

    public Uri OpenAlexBaseUrl { get; init; } = new("https://api.openalex.org");

    public Uri DblpBaseUrl { get; init; } = new("https://dblp.org");

    /// <summary>The site's contact address, also sent to OpenAlex as mailto= so that it answers from its polite pool.</summary>
    public string? ContactEmail { get; init; }

    public static SourceSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var site = configuration["Site:Name"] ?? "Researcher Profiles";
        var address = configuration["Site:PublicUrl"];
        var contact = configuration["Sources:ContactEmail"] is { } email && !string.IsNullOrWhiteSpace(email) ? email.Trim() : null;
        var about = string.Join("; ", new[] { address, contact is null ? null : "mailto:" + contact }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var product = new string(site.Where(char.IsAsciiLetterOrDigit).ToArray()) is { Length: > 0 } p ? p : "ResearcherProfiles";
        return new SourceSettings(
            Url(configuration, "Sources:Doi:BaseUrl", "https://doi.org"),
            Url(configuration, "Sources:Arxiv:BaseUrl", "https://export.arxiv.org"),
            TimeSpan.FromSeconds(Number(configuration, "Sources:TimeoutSeconds", 10, 1, 120)),
            (int)Number(configuration, "Sources:Retries", 2, 1, 5),
            TimeSpan.FromMilliseconds(Number(configuration, "Sources:RetryDelayMilliseconds", 1000, 10, 30_000)),
            TimeSpan.FromSeconds(Number(configuration, "Sources:MaxRetryAfterSeconds", 10, 0, 120)),
            about.Length == 0 ? $"{product}/1.0" : $"{product}/1.0 ({about})")
        {
            OrcidBaseUrl = Url(configuration, "Sources:Orcid:BaseUrl", "https://pub.orcid.org"),
            OpenAlexBaseUrl = Url(configuration, "Sources:OpenAlex:BaseUrl", "https://api.openalex.org"),
            DblpBaseUrl = Url(configuration, "Sources:Dblp:BaseUrl", "https://dblp.org"),
            ContactEmail = contact,
        };
    }

    private static Uri Url(IConfiguration configuration, string key, string fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new Uri(fallback);
        }
        return Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new Startup.StartupFailureException($"The setting {key} is “{value}”, which is not an http(s) address.");
    }

    internal static double Number(IConfiguration configuration, string key, double fallback, double min, double max)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new Startup.StartupFailureException($"The setting {key} is “{value}”; it must be a number from {min} to {max}.");
    }
}
