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
        Assert.Equal((TimeSpan.FromSeconds(10), 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), (settings.Timeout, settings.Retries, settings.RetryDelay, settings.MaxRetryAfter));
        Assert.Equal("LabPages/1.0 (https://lab.example.org; mailto:web@lab.example.org)", settings.UserAgent);
        Assert.Equal("LabPages/1.0", From(("Site:Name", "Lab Pages")).UserAgent);
    }

    [Theory]
    [InlineData("Sources:Doi:BaseUrl", "ftp://doi.example")]
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
