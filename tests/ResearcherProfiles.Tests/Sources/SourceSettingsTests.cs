using Microsoft.Extensions.Configuration;
using ResearcherProfiles.Web.Sources;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Sources;

public sealed class SourceSettingsTests
{
    private static SourceSettings From(params (string Key, string Value)[] values) =>
        SourceSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build());

    [Fact]
    public void Defaults_are_the_real_services_and_a_patient_timeout()
    {
        var settings = From(("Site:Name", "Lab Pages"), ("Site:PublicUrl", "https://lab.example.org"), ("Sources:ContactEmail", "web@lab.example.org"));

        Assert.Equal(new Uri("https://doi.org"), settings.DoiBaseUrl);
        Assert.Equal(new Uri("https://export.arxiv.org"), settings.ArxivBaseUrl);
        Assert.Equal(new Uri("https://pub.orcid.org"), settings.OrcidBaseUrl);
        Assert.Equal(new Uri("https://api.openalex.org"), settings.OpenAlexBaseUrl);
        Assert.Equal(new Uri("https://dblp.org"), settings.DblpBaseUrl);
        Assert.Equal("web@lab.example.org", settings.ContactEmail);
        Assert.Null(From(("Sources:ContactEmail", " ")).ContactEmail);
        Assert.Equal((TimeSpan.FromSeconds(10), 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), (settings.Timeout, settings.Retries, settings.RetryDelay, settings.MaxRetryAfter));
        Assert.Equal("LabPages/1.0 (https://lab.example.org; mailto:web@lab.example.org)", settings.UserAgent);
        Assert.Equal("LabPages/1.0", From(("Site:Name", "Lab Pages")).UserAgent);
    }

    [Fact]
    public void Each_service_can_be_pointed_elsewhere()
    {
        var settings = From(("Sources:Orcid:BaseUrl", "https://sandbox.orcid.org/"), ("Sources:OpenAlex:BaseUrl", "http://127.0.0.1:5001"), ("Sources:Dblp:BaseUrl", "https://dblp.uni-trier.de"));

        Assert.Equal((new Uri("https://sandbox.orcid.org"), new Uri("http://127.0.0.1:5001"), new Uri("https://dblp.uni-trier.de")), (settings.OrcidBaseUrl, settings.OpenAlexBaseUrl, settings.DblpBaseUrl));
    }

    [Theory]
    [InlineData("Sources:Doi:BaseUrl", "ftp://doi.example")]
    [InlineData("Sources:Orcid:BaseUrl", "pub.orcid.org")]
    [InlineData("Sources:OpenAlex:BaseUrl", "file:///etc/passwd")]
    [InlineData("Sources:Dblp:BaseUrl", "ftp://dblp.org")]
    [InlineData("Sources:Arxiv:BaseUrl", "not an address")]
    [InlineData("Sources:TimeoutSeconds", "0")]
    [InlineData("Sources:Retries", "many")]
    [InlineData("Sources:MaxRetryAfterSeconds", "3600")]
    public void A_wrong_value_stops_start_up_naming_the_setting(string key, string value)
    {
        var failure = Assert.Throws<StartupFailureException>(() => From((key, value)));
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }
}
