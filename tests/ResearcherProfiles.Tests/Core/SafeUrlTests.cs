using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Tests.Core;

public sealed class SafeUrlTests
{
    [Theory]
    [InlineData("https://example.org/paper.pdf")]
    [InlineData("http://example.org")]
    [InlineData("HTTPS://EXAMPLE.ORG")]
    [InlineData("mailto:ada@example.org")]
    [InlineData("/people/ada")]
    [InlineData("people/ada")]
    [InlineData("../files/cv.pdf")]
    [InlineData("#section")]
    [InlineData("?q=a:b")]
    [InlineData("/search?q=javascript:alert(1)")]
    [InlineData("docs/a:b")]
    [InlineData("")]
    [InlineData(null)]
    public void Allows_web_mail_and_relative_urls(string? url)
    {
        Assert.True(SafeUrl.IsAllowed(url));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("  javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("java\rscript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("javascript :alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org")]
    [InlineData("tel:+15550100")]
    public void Rejects_every_other_scheme_however_it_is_written(string url)
    {
        Assert.False(SafeUrl.IsAllowed(url));
    }

    [Theory]
    [InlineData("https://example.org", true)]
    [InlineData("http://example.org/a?b=c", true)]
    [InlineData("/relative/path", false)]
    [InlineData("example.org", false)]
    [InlineData("mailto:ada@example.org", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://example.org", false)]
    [InlineData("https://", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsHttpUrl_accepts_only_absolute_web_addresses(string? url, bool expected)
    {
        Assert.Equal(expected, SafeUrl.IsHttpUrl(url));
    }
}
