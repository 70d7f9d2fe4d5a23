using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Admin;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Search;
using static ResearcherProfiles.Web.Search.PostgresSiteSearch;

namespace ResearcherProfiles.Tests.Search;

/// <summary>
/// On PostgreSQL the last word of a search is written as the words of the site that start with it
/// ("deep &amp; learning &amp; (models | modelsim)") instead of as a prefix, which the full-text
/// index must gather in full first. Those words come from "SearchWords", kept by triggers; a word
/// missing there would be a paper a search no longer finds, so every way a document is written is
/// checked here, as is the choice of when the lookup stands in for the prefix.
/// </summary>
public sealed class PostgresSearchWordsTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public void Plain_words_stand_for_the_prefix_and_hyphenated_ones_are_covered_by_their_first_part()
    {
        Assert.Equal(["model", "models"], ChooseWords([("model", ["model"]), ("model-based", ["based", "model", "model-based"]), ("models", ["models"])]));
        Assert.Equal(["jürgen"], ChooseWords([("jürgen", ["jürgen"])]));
    }

    [Fact]
    public void The_prefix_stays_when_a_word_could_not_be_written_as_itself_or_there_are_none_or_too_many()
    {
        // An address or a version number starts with the prefix but holds no word that does.
        Assert.Null(ChooseWords([("ada", ["ada"]), ("ada@example.org", ["ada@example.org"])]));
        Assert.Null(ChooseWords([("v1", ["v1"]), ("v1.2.3", ["v1.2.3"])]));
        // A word that would not fold to itself alone.
        Assert.Null(ChooseWords([("odd", ["od"])]));
        Assert.Null(ChooseWords([]));
        Assert.Null(ChooseWords([.. Enumerable.Range(0, MostWords + 1).Select(i => ($"w{i:D3}", new[] { $"w{i:D3}" }))]));
        Assert.Equal(MostWords, ChooseWords([.. Enumerable.Range(0, MostWords).Select(i => ($"w{i:D3}", new[] { $"w{i:D3}" }))])!.Count);
    }

    [PostgresOnlyFact("the words of PostgreSQL's search index")]
    public async Task New_and_changed_documents_add_their_words_and_a_search_writes_the_last_word_with_them()
    {
        var w = SearchTests.Word();
        var ada = await new ResearcherBuilder($"Ada Words {w}")
            .WithPublication($"The {w}ing effect", p => p.Owner().With(x => x.Abstract = $"A {w}-based method; mail {w}@example.org."))
            .SaveAsync(factory);

        Assert.Equal([w, $"{w}-based", $"{w}@example.org", $"{w}ing"], await WordsAsync(w));
        // The address keeps the prefix; a longer start leaves only plain words.
        Assert.Null(await StartingAsync(w[..6]));
        Assert.Equal([$"{w}ing"], await StartingAsync($"{w}i"));

        // A person's document is written again in place (an update, not an insert).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Researchers.Where(r => r.Id == ada.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Headline, $"Studies {w}ness"));
        }
        Assert.Equal([$"{w}ing", $"{w}ness"], await StartingAsync($"{w}i", $"{w}n"));

        // Searching writes the words out and finds what the prefix found.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var search = new PostgresSiteSearch(db, factory.Services.GetRequiredService<IServiceScopeFactory>());
            var found = await search.SearchAsync(new SearchRequest(["effect", $"{w}i"], null, null, 1, 1), CancellationToken.None);
            Assert.Equal([$"The {w}ing effect"], found.Papers.Items.Select(p => p.Title));
            var person = await search.SearchAsync(new SearchRequest([$"{w}n"], null, null, 1, 1), CancellationToken.None);
            Assert.Equal([$"Ada Words {w}"], person.People.Items.Select(p => p.DisplayName));
        }
    }

    [PostgresOnlyFact("the words of PostgreSQL's search index")]
    public async Task A_term_that_folds_to_other_letters_looks_up_the_folded_words()
    {
        var w = SearchTests.Word();
        await new ResearcherBuilder($"Jürgen Fold {w}").WithPublication($"Über {w}graphs", p => p.Owner()).SaveAsync(factory);

        Assert.Equal([$"{w}graphs"], await StartingAsync($"{w}g"));
        Assert.Contains("uber", await WordsAsync("uber"));
        Assert.Contains("uber", (await StartingAsync("Üb"))!);
    }

    /// <summary>A site has hundreds of thousands of words: the lookup must read only those in its range, never all of them.</summary>
    [PostgresOnlyFact("the words of PostgreSQL's search index")]
    public async Task The_lookup_reads_only_the_range_of_words_through_the_index()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Planned as if the table were large, as on a real site.
        command.CommandText = "SET LOCAL enable_seqscan = off; EXPLAIN (FORMAT TEXT) " + WordsSql.Replace("@term", "'model'", StringComparison.Ordinal).Replace("@most", "65", StringComparison.Ordinal);
        await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync();
        command.Transaction = transaction;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }
        var text = string.Join("\n", plan);
        Assert.Contains("Index Cond: ((\"Word\" >= ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Join Filter", text, StringComparison.Ordinal);
    }

    /// <summary>The rows of "SearchWords" that start with <paramref name="start"/>, each once, in order.</summary>
    private async Task<List<string>> WordsAsync(string start)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var words = await db.Database.SqlQuery<string>(
            $"""SELECT DISTINCT "Word"::text AS "Value" FROM "SearchWords" WHERE starts_with("Word", {start})""").ToListAsync();
        return [.. words.Order(StringComparer.Ordinal)];
    }

    /// <summary>The words the search would look for in place of each prefix, all together; null when one stays a prefix.</summary>
    private async Task<List<string>?> StartingAsync(params string[] prefixes)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        var all = new List<string>();
        foreach (var prefix in prefixes)
        {
            if (await WordsStartingAsync(db, prefix, CancellationToken.None) is not { } words)
            {
                return null;
            }
            all.AddRange(words);
        }
        return all;
    }
}
