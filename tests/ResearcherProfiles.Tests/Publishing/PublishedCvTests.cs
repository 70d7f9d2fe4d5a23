using System.Net;
using System.Text;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Tests.Pages;

namespace ResearcherProfiles.Tests.Publishing;

/// <summary>The published app, run from another folder as the container runs it, makes the CV's PDF with the font it carries.</summary>
public sealed class PublishedCvTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    [Fact]
    public async Task The_published_app_makes_the_cv_pdf_without_installed_fonts()
    {
        using var response = await app.Client.GetAsync(new Uri($"/people/{DemoSlugs.HomepageStyle}/cv.pdf", UriKind.Relative));
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, app.ServerOutput);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var (pages, text, _) = PdfText.Read(pdf);
        Assert.True(pages > 0);
        Assert.Contains("Publications", text, StringComparison.Ordinal);
    }
}
