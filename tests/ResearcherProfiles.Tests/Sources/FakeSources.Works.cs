using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>
/// ORCID (public API v3.0), DBLP (person XML) and OpenAlex (works lists) on the fake's port, each with
/// a known researcher answered from Responses/, and researchers who are slow, rate-limited, garbled or unknown.
/// </summary>
public sealed partial class FakeSources
{
    /// <summary>Five works in five groups (orcid-works.json), details from orcid-works-bulk.json, one of them an error.</summary>
    public const string OrcidId = "0000-0002-1825-0097";
    public const string EmptyOrcidId = "0009-0000-0000-0017";
    public const string SlowOrcidId = "0009-0000-0000-0025";
    public const string BusyOrcidId = "0009-0000-0000-0033";
    public const string GarbledOrcidId = "0009-0000-0000-0041";
    /// <summary>Valid check digit, but no record at the fake: 404 as ORCID answers.</summary>
    public const string UnknownOrcidId = "0009-0000-0000-4042";
    /// <summary>The generated record of 300 works, credited to Josiah Carberry: <c>GeneratedOrcidId(300)</c>.</summary>
    public const string LargeOrcidId = "0009-0002-0000-3001";
    public const int LargeOrcidWorkCount = 300;

    /// <summary>Five records of Lena Okafor's (dblp-person.xml).</summary>
    public const string DblpPid = "70/1234";
    public const string SlowDblpPid = "99/slow";
    public const string BusyDblpPid = "99/busy";
    public const string GarbledDblpPid = "99/garbled";
    public const string UnknownDblpPid = "99/9999";

    /// <summary>Six works in two pages of a cursor (openalex-works-page1.json, page2.json).</summary>
    public const string OpenAlexAuthorId = "A5000000042";
    public const string SlowOpenAlexId = "A9000000001";
    public const string BusyOpenAlexId = "A9000000002";
    public const string GarbledOpenAlexId = "A9000000003";
    /// <summary>An author whose every page offers a next cursor, one work a page.</summary>
    public const string EndlessOpenAlexId = "A9000000010";
    /// <summary>Not an author at the fake: an empty works list, and 404 for the author.</summary>
    public const string UnknownOpenAlexId = "A9000000404";

    /// <summary>DOIs 10.5555/cited.{n} are known to the fake's OpenAlex with n citations.</summary>
    public const string GeneratedCitedDoiPrefix = "10.5555/cited.";

    private const string FirstCursor = "IlsyMDE5LCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQzOTAwMDAwMDMnXSI=";
    private const int GeneratedPutCodeBase = 900_000;

    private readonly ConcurrentDictionary<string, (int Works, string Owner)> _generatedOrcidRecords = new();
    private int _lastGeneratedOrcid;

    /// <summary>When set, OpenAlex answers 503 to everything.</summary>
    public bool OpenAlexDown { get; set; }

    /// <summary>
    /// The iD of a generated ORCID record of <paramref name="workCount"/> works (0–999) credited first to
    /// Josiah Carberry, the <paramref name="serial"/>-th of that size (0–9999): 0009-0002-SSSS-CCC plus a
    /// check digit. The fake answers every such iD without being told, so a fake in another process serves it too.
    /// Each work is a journal article, conference paper or preprint with its own DOI (<see cref="GeneratedDoi"/>)
    /// and two summaries; details are answered at most 100 put-codes a request, as ORCID does.
    /// </summary>
    public static string GeneratedOrcidId(int workCount, int serial = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workCount, 999);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9999);
        return WithCheckDigit($"00090002{serial:D4}{workCount:D3}");
    }

    /// <summary>A new generated ORCID record of any size, credited first to <paramref name="ownerName"/>; returns its iD (in the 0009-0003 block).</summary>
    public string AddGeneratedOrcidRecord(int workCount, string ownerName = "Josiah Carberry")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workCount);
        var id = WithCheckDigit($"00090003{Interlocked.Increment(ref _lastGeneratedOrcid):D7}");
        _generatedOrcidRecords[id] = (workCount, ownerName);
        return id;
    }

    private static string WithCheckDigit(string digits)
    {
        var total = 0;
        foreach (var c in digits)
        {
            total = (total + (c - '0')) * 2;
        }
        var check = (12 - (total % 11)) % 11;
        digits += check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture);
        return $"{digits[..4]}-{digits[4..8]}-{digits[8..12]}-{digits[12..]}";
    }

    private bool TryGeneratedOrcidRecord(string orcid, out (int Works, string Owner) record)
    {
        if (_generatedOrcidRecords.TryGetValue(orcid, out record))
        {
            return true;
        }
        var digits = orcid.Replace("-", "", StringComparison.Ordinal);
        if (digits.Length == 16 && digits.StartsWith("00090002", StringComparison.Ordinal) && WithCheckDigit(digits[..15]) == orcid
            && int.TryParse(digits.AsSpan(12, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var works))
        {
            record = (works, "Josiah Carberry");
            return true;
        }
        return false;
    }

    private void MapResearcherSources(WebApplication app, string responses)
    {
        app.MapGet("/v3.0/{orcid}/works", async (HttpContext context, string orcid) =>
        {
            if (await FailAsync(context, orcid, SlowOrcidId, BusyOrcidId, GarbledOrcidId, "application/json", "{\"group\": [{\"work-summary\": "))
            {
                return;
            }
            context.Response.ContentType = "application/json;charset=UTF-8";
            if (orcid == OrcidId)
            {
                await context.Response.SendFileAsync(Path.Combine(responses, "orcid-works.json"));
            }
            else if (orcid == EmptyOrcidId)
            {
                await context.Response.WriteAsync($"{{\"last-modified-date\": null, \"group\": [], \"path\": \"/{orcid}/works\"}}");
            }
            else if (TryGeneratedOrcidRecord(orcid, out var record))
            {
                await context.Response.WriteAsync(GeneratedWorks(orcid, record.Works).ToJsonString());
            }
            else
            {
                await OrcidNotFoundAsync(context, orcid);
            }
        });
        app.MapGet("/v3.0/{orcid}/works/{putCodes}", async (HttpContext context, string orcid, string putCodes) =>
        {
            var codes = putCodes.Split(',');
            if (codes.Length > 100)
            {
                context.Response.StatusCode = 400;
                context.Response.ContentType = "application/json;charset=UTF-8";
                await context.Response.WriteAsync("{\"response-code\": 400, \"developer-message\": \"400 Bad Request: There are too many put-codes: the maximum is 100.\", \"user-message\": \"There are too many put-codes.\", \"error-code\": 9006}");
                return;
            }
            context.Response.ContentType = "application/json;charset=UTF-8";
            if (orcid == OrcidId)
            {
                await context.Response.SendFileAsync(Path.Combine(responses, "orcid-works-bulk.json"));
            }
            else if (TryGeneratedOrcidRecord(orcid, out var record))
            {
                var bulk = new JsonArray();
                foreach (var code in codes)
                {
                    bulk.Add(int.TryParse(code, out var putCode) && putCode - GeneratedPutCodeBase is var i && i >= 0 && i < record.Works
                        ? new JsonObject { ["work"] = GeneratedWork(orcid, i, record.Owner) }
                        : new JsonObject { ["error"] = new JsonObject { ["response-code"] = 404, ["developer-message"] = $"404 Not Found: No entity found with id={code}", ["error-code"] = 9016 } });
                }
                await context.Response.WriteAsync(new JsonObject { ["bulk"] = bulk }.ToJsonString());
            }
            else
            {
                await OrcidNotFoundAsync(context, orcid);
            }
        });

        app.MapGet("/pid/{**path}", async (HttpContext context, string path) =>
        {
            var pid = path.EndsWith(".xml", StringComparison.Ordinal) ? path[..^4] : path;
            if (await FailAsync(context, pid, SlowDblpPid, BusyDblpPid, GarbledDblpPid, "application/xml", "<?xml version=\"1.0\"?><dblpperson name=\"Lena Okafor\"><r><article key=\"x\">"))
            {
                return;
            }
            if (pid != DblpPid)
            {
                context.Response.StatusCode = 404;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<!DOCTYPE html><html><body><h1>Error 404: Not Found</h1></body></html>");
                return;
            }
            context.Response.ContentType = "application/xml; charset=utf-8";
            await context.Response.SendFileAsync(Path.Combine(responses, "dblp-person.xml"));
        });

        app.MapGet("/works", async (HttpContext context) =>
        {
            if (OpenAlexDown)
            {
                context.Response.StatusCode = 503;
                return;
            }
            var filter = context.Request.Query["filter"].ToString();
            if (filter.StartsWith("doi:", StringComparison.Ordinal))
            {
                await CitedByAsync(context, responses, filter[4..].Split('|'));
                return;
            }
            var author = filter.StartsWith("author.id:", StringComparison.Ordinal) ? filter[10..] : "";
            if (await FailAsync(context, author, SlowOpenAlexId, BusyOpenAlexId, GarbledOpenAlexId, "application/json", "{\"meta\": {\"count\": 6}, \"results\": [{\"id\": "))
            {
                return;
            }
            context.Response.ContentType = "application/json";
            var cursor = context.Request.Query["cursor"].ToString();
            switch (author)
            {
                case OpenAlexAuthorId when cursor == "*":
                    await context.Response.SendFileAsync(Path.Combine(responses, "openalex-works-page1.json"));
                    return;
                case OpenAlexAuthorId when cursor == FirstCursor:
                    await context.Response.SendFileAsync(Path.Combine(responses, "openalex-works-page2.json"));
                    return;
                case OpenAlexAuthorId:
                    context.Response.StatusCode = 400;
                    await context.Response.WriteAsync("{\"error\": \"Invalid query parameters error.\", \"message\": \"cursor is invalid\"}");
                    return;
                case EndlessOpenAlexId:
                    var page = cursor == "*" ? 1 : int.Parse(cursor.AsSpan(4), CultureInfo.InvariantCulture) + 1;
                    var work = new JsonObject { ["id"] = $"https://openalex.org/W{7_000_000 + page}", ["title"] = $"Endless Work {page}", ["type"] = "article", ["publication_year"] = 2020 };
                    await context.Response.WriteAsync(new JsonObject
                    {
                        ["meta"] = new JsonObject { ["count"] = 100_000, ["per_page"] = 200, ["next_cursor"] = $"page{page}" },
                        ["results"] = new JsonArray(work),
                    }.ToJsonString());
                    return;
                default:
                    await context.Response.WriteAsync("{\"meta\": {\"count\": 0, \"db_response_time_ms\": 9, \"page\": null, \"per_page\": 200, \"next_cursor\": null, \"groups_count\": null}, \"results\": [], \"group_by\": []}");
                    return;
            }
        });
        app.MapGet("/authors/{id}", async (HttpContext context, string id) =>
        {
            context.Response.ContentType = "application/json";
            if (id is OpenAlexAuthorId or EndlessOpenAlexId)
            {
                await context.Response.WriteAsync($"{{\"id\": \"https://openalex.org/{id}\", \"display_name\": \"Lena Okafor\", \"works_count\": 6}}");
                return;
            }
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("{\"error\": \"404 Not Found\", \"message\": \"The requested URL was not found on the server.\"}");
        });
    }

    /// <summary>Answers for the slow, rate-limited and garbled ids; false when <paramref name="id"/> is none of them.</summary>
    private static async Task<bool> FailAsync(HttpContext context, string id, string slow, string busy, string garbled, string contentType, string truncated)
    {
        if (id == slow)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return true;
        }
        if (id == busy)
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "3600";
            return true;
        }
        if (id == garbled)
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(truncated);
            return true;
        }
        return false;
    }

    private static async Task OrcidNotFoundAsync(HttpContext context, string orcid)
    {
        context.Response.StatusCode = 404;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync($"{{\"response-code\": 404, \"developer-message\": \"404 Not Found: The resource was not found. Full validation error: ORCID iD {orcid} not found\", \"user-message\": \"The resource was not found.\", \"error-code\": 9016}}");
    }

    private static async Task CitedByAsync(HttpContext context, string responses, string[] dois)
    {
        if (dois.Length > 100)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("{\"error\": \"Invalid query parameters error.\", \"message\": \"Maximum number of values exceeded for doi. Decrease values to 100 or below.\"}");
            return;
        }
        var asked = dois.Select(d => d.ToLowerInvariant()).ToHashSet();
        var known = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(responses, "openalex-cited-by.json")))!["results"]!.AsArray()
            .Where(w => asked.Contains(w!["doi"]!.GetValue<string>()["https://doi.org/".Length..]))
            .Select(w => w!.DeepClone());
        var generated = asked.Where(d => d.StartsWith(GeneratedCitedDoiPrefix, StringComparison.Ordinal) && int.TryParse(d.AsSpan(GeneratedCitedDoiPrefix.Length), out _))
            .Select(d => (JsonNode)new JsonObject
            {
                ["id"] = $"https://openalex.org/W{8_000_000 + int.Parse(d.AsSpan(GeneratedCitedDoiPrefix.Length), CultureInfo.InvariantCulture)}",
                ["doi"] = "https://doi.org/" + d,
                ["cited_by_count"] = int.Parse(d.AsSpan(GeneratedCitedDoiPrefix.Length), CultureInfo.InvariantCulture),
            });
        var results = new JsonArray(known.Concat(generated).ToArray());
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["meta"] = new JsonObject { ["count"] = results.Count, ["db_response_time_ms"] = 11, ["page"] = 1, ["per_page"] = 50 },
            ["results"] = results,
            ["group_by"] = new JsonArray(),
        }.ToJsonString());
    }

    private static readonly string[] GeneratedTypes = ["journal-article", "conference-paper", "preprint"];

    /// <summary>A works list of <paramref name="count"/> groups, each with a Crossref summary and the researcher's own, preferred one.</summary>
    private static JsonObject GeneratedWorks(string orcid, int count)
    {
        var groups = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var own = GeneratedSummary(orcid, i, GeneratedPutCodeBase + i, displayIndex: 1);
            var crossref = GeneratedSummary(orcid, i, 5_000_000 + i, displayIndex: 0);
            groups.Add(new JsonObject
            {
                ["last-modified-date"] = new JsonObject { ["value"] = 1_700_000_000_000L + i },
                ["external-ids"] = new JsonObject { ["external-id"] = ExternalIds(orcid, i) },
                ["work-summary"] = new JsonArray(crossref, own),
            });
        }
        return new JsonObject { ["last-modified-date"] = new JsonObject { ["value"] = 1_700_000_000_000L }, ["group"] = groups, ["path"] = $"/{orcid}/works" };
    }

    private static JsonObject GeneratedSummary(string orcid, int i, int putCode, int displayIndex) => new()
    {
        ["put-code"] = putCode,
        ["created-date"] = new JsonObject { ["value"] = 1_600_000_000_000L + i },
        ["title"] = new JsonObject { ["title"] = new JsonObject { ["value"] = GeneratedTitle(orcid, i) }, ["subtitle"] = null },
        ["external-ids"] = new JsonObject { ["external-id"] = ExternalIds(orcid, i) },
        ["url"] = null,
        ["type"] = GeneratedTypes[i % GeneratedTypes.Length],
        ["publication-date"] = new JsonObject { ["year"] = new JsonObject { ["value"] = (2000 + (i % 25)).ToString(CultureInfo.InvariantCulture) }, ["month"] = new JsonObject { ["value"] = (1 + (i % 12)).ToString("D2", CultureInfo.InvariantCulture) }, ["day"] = null },
        ["journal-title"] = new JsonObject { ["value"] = i % 3 == 1 ? "Proceedings of the Generated Conference" : "Journal of Generated Results" },
        ["visibility"] = "public",
        ["path"] = $"/{orcid}/work/{putCode}",
        ["display-index"] = displayIndex.ToString(CultureInfo.InvariantCulture),
    };

    private static JsonObject GeneratedWork(string orcid, int i, string owner)
    {
        var work = GeneratedSummary(orcid, i, GeneratedPutCodeBase + i, displayIndex: 1);
        work.Remove("display-index");
        work["short-description"] = $"We report generated result number {i}.";
        work["contributors"] = new JsonObject
        {
            ["contributor"] = new JsonArray(
                Contributor(owner, "first"),
                Contributor($"Coauthor {i % 17} Example", "additional"),
                Contributor($"Second Coauthor {i % 5}", "additional")),
        };
        return work;
    }

    private static JsonObject Contributor(string name, string sequence) => new()
    {
        ["contributor-orcid"] = null,
        ["credit-name"] = new JsonObject { ["value"] = name },
        ["contributor-email"] = null,
        ["contributor-attributes"] = new JsonObject { ["contributor-sequence"] = sequence, ["contributor-role"] = "author" },
    };

    private static JsonArray ExternalIds(string orcid, int i) => new(new JsonObject
    {
        ["external-id-type"] = "doi",
        ["external-id-value"] = GeneratedDoi(orcid, i),
        ["external-id-url"] = new JsonObject { ["value"] = "https://doi.org/" + GeneratedDoi(orcid, i) },
        ["external-id-relationship"] = "self",
    });

    /// <summary>The DOI of work <paramref name="i"/> of a generated record: 10.5555/gen.{iD without dashes}.{i}.</summary>
    public static string GeneratedDoi(string orcid, int i)
    {
        ArgumentNullException.ThrowIfNull(orcid);
        return $"10.5555/gen.{orcid.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}.{i}";
    }

    /// <summary>The title of work <paramref name="i"/> of a generated record.</summary>
    public static string GeneratedTitle(string orcid, int i)
    {
        ArgumentNullException.ThrowIfNull(orcid);
        return $"Generated Study {i + 1} of Record {orcid[^4..]}";
    }
}
