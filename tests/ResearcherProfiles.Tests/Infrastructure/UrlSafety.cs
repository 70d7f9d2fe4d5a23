namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>
/// The tests' own judgement of a URL found in an href or src, written independently of the app's
/// SafeUrl so that a mistake there is not repeated here. A URL is harmless when, read the way a
/// browser reads it (ASCII whitespace and control characters dropped), it has no scheme or the
/// scheme is http, https or mailto.
/// </summary>
public static class UrlSafety
{
    public static bool IsHarmless(string? url)
    {
        if (url is null)
        {
            return true;
        }
        var compact = new string(url.Where(c => c > ' ' && c != '\u007f' && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        var end = 0;
        while (end < compact.Length && (char.IsAsciiLetterOrDigit(compact[end]) || compact[end] is '+' or '-' or '.'))
        {
            end++;
        }
        var hasScheme = end > 0 && end < compact.Length && compact[end] == ':' && char.IsAsciiLetter(compact[0]);
        return !hasScheme || compact[..end] is "http" or "https" or "mailto";
    }
}
