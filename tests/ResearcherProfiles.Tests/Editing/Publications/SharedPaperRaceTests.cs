using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// Co-authors working on their papers at the same moment, as they do on a site with several
/// instances: two of them import the same BibTeX file, joining the same papers, while the paper's
/// first author changes their address (which rewrites every author list of those papers on
/// PostgreSQL). Every save lands, none twice, and nothing answers with a server error.
/// </summary>
public sealed class SharedPaperRaceTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const int Rounds = 3;
    private const int Papers = 3;

    [Fact]
    public async Task Co_authors_joining_the_same_papers_while_the_first_author_moves_all_land_once()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var t = TestNames.Unique();
            var (mira, miraClient) = await factory.OwnedProfileAsync(new ResearcherBuilder($"Mira Racer{t}"));
            var (kai, kaiClient) = await factory.OwnedProfileAsync(new ResearcherBuilder($"Kai Racer{t}"));
            var bo = new ResearcherBuilder($"Bo Racer{t}");
            var entries = new List<string>();
            for (var i = 0; i < Papers; i++)
            {
                var (title, doi) = ($"Racing Joins Number {i} {t}", $"10.5555/race.{t}.{i}");
                bo.WithPublication(title, p => p.Owner().Author(mira.DisplayName).Author(kai.DisplayName).With(x => x.Doi = doi));
                entries.Add($"@article{{race{i}, title = {{{title}}}, author = {{Bo Racer{t} and {mira.DisplayName} and {kai.DisplayName}}}, journal = {{J}}, doi = {{{doi}}}, year = 2025}}");
            }
            var (boProfile, boClient) = await factory.OwnedProfileAsync(bo);
            var papers = await ListedOnAsync(boProfile.Id);
            var before = await factory.ReadAsync(db => db.Publications.CountAsync());
            var bibtex = string.Join("\n\n", entries);
            var chosen = Enumerable.Range(0, Papers).Select(i => new KeyValuePair<string, string>("Chosen", $"{i}"));
            var moved = $"bo-racer-moved-{t}".ToLowerInvariant();
            var posts = new[]
            {
                await ImportAsync(miraClient, mira.Slug, bibtex, chosen),
                await ImportAsync(kaiClient, kai.Slug, bibtex, chosen),
                await boClient.PrepareAsync($"/edit/{boProfile.Slug}", "form.basics-form", new Dictionary<string, string> { ["Input.Slug"] = moved }),
            };

            var statuses = await ConcurrentForms.SendTogetherAsync(posts);

            ConcurrentForms.AssertNoServerErrors(statuses);
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
            Assert.Equal(papers, await ListedOnAsync(mira.Id));
            Assert.Equal(papers, await ListedOnAsync(kai.Id));
            Assert.Equal(before, await factory.ReadAsync(db => db.Publications.CountAsync()));
            Assert.Equal(moved, (await factory.ResearcherAsync(boProfile.Id)).Slug);
            await AssertAuthorsAsync(papers, boProfile.Id, mira.Id, kai.Id);
        }
    }

    private static async Task<PreparedPost> ImportAsync(HttpClient client, string slug, string bibtex, IEnumerable<KeyValuePair<string, string>> chosen)
    {
        var url = $"/edit/{slug}/publications/import";
        var token = await client.TokenFromAsync(url);
        return new PreparedPost(client, $"{url}?handler=Import", [new("Bibtex", bibtex), .. chosen, new(Editing.EditorClient.TokenField, token)]);
    }

    private Task<List<int>> ListedOnAsync(int researcherId) => factory.ReadAsync(db => db.ProfilePublications
        .Where(pp => pp.ResearcherId == researcherId).Select(pp => pp.PublicationId).OrderBy(id => id).ToListAsync());

    /// <summary>Each paper names the three, each linked once; on PostgreSQL the stored lists say the same as the tables.</summary>
    private async Task AssertAuthorsAsync(List<int> papers, params int[] researchers)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var read = await PaperDetails.ReadAuthorsFromTablesAsync(db, [.. papers], CancellationToken.None);
        foreach (var paper in papers)
        {
            Assert.Equal(researchers, read.Where(a => a.PublicationId == paper).Select(a => a.ResearcherId ?? 0));
        }
        if (db.Database.IsNpgsql())
        {
            var stored = await PaperDetails.ReadInOneStatementAsync(db, [.. papers], withCitations: false, CancellationToken.None);
            Assert.Equal(JsonSerializer.Serialize(read), JsonSerializer.Serialize(stored.Authors.OrderBy(a => a.PublicationId).ToList()));
        }
    }
}
