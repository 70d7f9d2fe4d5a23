using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResearcherProfiles.BrowserTests;

/// <summary>
/// doi.org (CSL-JSON by content negotiation) and the arXiv API (Atom) on a local port, knowing
/// three invented papers by the demo researcher: two DOIs under the 10.5555 example prefix and one
/// arXiv id that no real paper has. Anything else is not found, as at the real services.
/// </summary>
public sealed class FakePaperSources : IAsyncDisposable
{
    public const string JournalDoi = "10.5555/rp-browser.2026.0117";
    public const string JournalTitle = "Tide Tables for Language Models: Forecasting Token Drift";
    public const string ConferenceDoi = "10.5555/rp-browser.2026.0242";
    public const string ConferenceTitle = "Footnote-Aware Retrieval for Long Reports";
    public const string ArxivId = "2611.99917";
    public const string ArxivTitle = "Counting Citations Without Counting Twice";

    private const string JournalArticle = $$$"""
        {"indexed":{"date-parts":[[2026,11,2]]},"publisher":"Example Press","issue":"3","DOI":"{{{JournalDoi}}}","type":"article-journal","page":"211-236","source":"Crossref","title":"{{{JournalTitle}}}","volume":"14","author":[{"given":"Mira","family":"Castellanos","sequence":"first","affiliation":[]},{"given":"Idris","family":"Okonkwo-Lund","sequence":"additional","affiliation":[]}],"container-title":"Journal of Invented Results","container-title-short":"J. Invent. Res.","abstract":"<jats:title>Abstract</jats:title><jats:p>We forecast how the tokens a model prefers drift between releases.</jats:p>","issued":{"date-parts":[[2026,3,15]]},"URL":"https://doi.org/{{{JournalDoi}}}","ISSN":["0000-0000"]}
        """;

    private const string ConferencePaper = $$$"""
        {"publisher":"Example Society","DOI":"{{{ConferenceDoi}}}","type":"paper-conference","page":"88-97","source":"Crossref","title":["{{{ConferenceTitle}}}"],"author":[{"given":"Saoirse","family":"Delacroix","sequence":"first"},{"given":"M.","family":"Castellanos","sequence":"additional"}],"container-title":["Proceedings of the Invented Conference on Document Understanding"],"event":{"name":"ICDU 2025"},"issued":{"date-parts":[[2025,9]]},"published-online":{"date-parts":[[2025,8,28]]}}
        """;

    /// <summary>The arXiv API's answer for an id_list holding the preprint: its newest version is v3.</summary>
    private const string ArxivFeed = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <link href="http://arxiv.org/api/query?id_list={{ArxivId}}" rel="self" type="application/atom+xml"/>
          <title type="html">ArXiv Query: id_list={{ArxivId}}</title>
          <id>http://arxiv.org/api/browser-test</id>
          <updated>2026-11-30T00:00:00-05:00</updated>
          <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
          <entry>
            <id>http://arxiv.org/abs/{{ArxivId}}v3</id>
            <updated>2026-11-20T09:30:00Z</updated>
            <published>2026-11-02T09:30:00Z</published>
            <title>Counting Citations
              Without Counting Twice</title>
            <summary>  We count the citations of preprints and their published versions once.
        </summary>
            <author><name>Mira Castellanos</name></author>
            <author><name>Rafael de la Vega</name></author>
            <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">9 pages</arxiv:comment>
            <link href="http://arxiv.org/abs/{{ArxivId}}v3" rel="alternate" type="text/html"/>
            <link title="pdf" href="http://arxiv.org/pdf/{{ArxivId}}v3" rel="related" type="application/pdf"/>
            <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.DL" scheme="http://arxiv.org/schemas/atom"/>
          </entry>
        </feed>
        """;

    private const string EmptyFeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="html">ArXiv Query</title>
          <id>http://arxiv.org/api/browser-test</id>
          <updated>2026-11-30T00:00:00-05:00</updated>
          <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:totalResults>
        </feed>
        """;

    private readonly WebApplication app;

    private FakePaperSources(WebApplication app) => this.app = app;

    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static FakePaperSources Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/api/query", (HttpContext context) =>
        {
            var asked = context.Request.Query["id_list"].ToString().Split(',');
            return Results.Text(asked.Contains(ArxivId) ? ArxivFeed : EmptyFeed, "application/atom+xml; charset=utf-8");
        });
        app.MapGet("/{**doi}", (string doi) => Uri.UnescapeDataString(doi).ToLowerInvariant() switch
        {
            JournalDoi => Results.Text(JournalArticle, "application/vnd.citationstyles.csl+json"),
            ConferenceDoi => Results.Text(ConferencePaper, "application/vnd.citationstyles.csl+json"),
            _ => Results.NotFound(),
        });
        app.StartAsync().GetAwaiter().GetResult();
        return new FakePaperSources(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
