using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Tests.Data;

/// <summary>
/// A save the database rolls back because another transaction holds what it needs (a deadlock on
/// PostgreSQL, a lock held too long on SQLite) is a race lost: an action that sets a value outright
/// and an editor form's save run again, an editor's button says someone saved at the same moment,
/// and anything else answers 409 with that message. Never a 500. The PostgreSQL tests make a real
/// deadlock: a second connection holds a stored list (a paper's authors, a profile's items) the save
/// will rewrite at its commit, waits until the save
/// waits for it, then asks for a row the save holds; PostgreSQL rolls the save back.
/// </summary>
public sealed class ContentionTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public void Deadlocks_serialization_failures_and_busy_databases_are_contention_and_other_failures_are_not()
    {
        Assert.True(DatabaseErrors.IsContention(new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)));
        Assert.True(DatabaseErrors.IsContention(new DbUpdateException("save failed", new PostgresException("could not serialize", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure))));
        Assert.True(DatabaseErrors.IsContention(new PostgresException("lock not available", "ERROR", "ERROR", PostgresErrorCodes.LockNotAvailable)));
        Assert.True(DatabaseErrors.IsContention(new DbUpdateException("save failed", new SqliteException("database is locked", 5))));
        Assert.True(DatabaseErrors.IsContention(new SqliteException("database table is locked", 6)));

        Assert.False(DatabaseErrors.IsContention(null));
        Assert.False(DatabaseErrors.IsContention(new InvalidOperationException("not the database")));
        Assert.False(DatabaseErrors.IsContention(new DbUpdateException("save failed", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation))));
        Assert.False(DatabaseErrors.IsContention(new SqliteException("database or disk is full", 13)));
    }

    [Fact]
    public void Only_races_postgresql_settled_at_once_are_worth_running_again()
    {
        Assert.True(DatabaseErrors.IsRaceRolledBack(new DbUpdateException("save failed", new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected))));
        Assert.True(DatabaseErrors.IsRaceRolledBack(new PostgresException("could not serialize", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure)));

        // SQLite says "locked" only after waiting its whole timeout; a lock wait that timed out is no race settled.
        Assert.False(DatabaseErrors.IsRaceRolledBack(new DbUpdateException("save failed", new SqliteException("database is locked", 5))));
        Assert.False(DatabaseErrors.IsRaceRolledBack(new PostgresException("lock not available", "ERROR", "ERROR", PostgresErrorCodes.LockNotAvailable)));
        Assert.False(DatabaseErrors.IsRaceRolledBack(null));
    }

    [PostgresOnlyFact("a deadlock between two PostgreSQL transactions")]
    public async Task An_address_change_rolled_back_by_a_deadlock_is_run_again_and_keeps_what_was_typed()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Deadlocked Editor")
            .WithPublication("First deadlocked paper", p => p.Owner())
            .WithPublication("Second deadlocked paper", p => p.Owner()));
        var papers = await PapersOfAsync(profile.Id);
        var moved = $"deadlocked-{Guid.NewGuid():N}"[..24];
        var form = await owner.PrepareAsync($"/edit/{profile.Slug}", "form.basics-form", new Dictionary<string, string>
        {
            ["Input.Slug"] = moved,
            ["Input.AboutMarkdown"] = "A long About text, typed before the save met a deadlock.",
        });

        // The new address rewrites both papers' author lists as the save commits, the first paper's first.
        using var response = await LoseDeadlockAsync(
            holdFirst: $"""SELECT 1 FROM "PublicationAuthorLists" WHERE "PublicationId" = {papers[1]} FOR UPDATE""",
            thenAskFor: $"""SELECT 1 FROM "PublicationAuthorLists" WHERE "PublicationId" = {papers[0]} FOR UPDATE""",
            () => PostAsync(form));

        response.AssertRedirectsTo($"/edit/{moved}");
        var saved = await factory.ResearcherAsync(profile.Id);
        Assert.Equal((moved, "A long About text, typed before the save met a deadlock."), (saved.Slug, saved.AboutMarkdown));
        var stored = await factory.ReadAsync(db => db.Database.SqlQuery<string>(
            $"""SELECT "Authors" AS "Value" FROM "PublicationAuthorLists" WHERE "PublicationId" = {papers[0]}""").SingleAsync());
        Assert.Contains(moved, stored, StringComparison.Ordinal);
    }

    [PostgresOnlyFact("a deadlock between two PostgreSQL transactions")]
    public async Task A_paper_edit_rolled_back_by_a_deadlock_is_run_again_and_keeps_what_was_typed()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Deadlocked Paper Editor")
            .WithPublication("Paper edited through a deadlock", p => p.Owner().Author("Unlinked Coauthor")));
        var paper = (await PapersOfAsync(profile.Id)).Single();
        var url = $"/edit/{profile.Slug}/publications/{paper}";
        var change = new Dictionary<string, string> { ["Input.Title"] = "Renamed through a deadlock", ["Input.Authors[1].Name"] = "Renamed Coauthor", ["Command"] = "save" };
        var form = await owner.PrepareAsync(url, "form.publication-form", change);

        // The edit holds the paper's row; its new author name rewrites the paper's list as it commits.
        using var response = await LoseDeadlockAsync(
            holdFirst: $"""SELECT 1 FROM "PublicationAuthorLists" WHERE "PublicationId" = {paper} FOR UPDATE""",
            thenAskFor: $"""SELECT 1 FROM "Publications" WHERE "Id" = {paper} FOR UPDATE""",
            () => PostAsync(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Renamed through a deadlock", await TitleAsync(paper));
        var stored = await factory.ReadAsync(db => db.Database.SqlQuery<string>(
            $"""SELECT "Authors" AS "Value" FROM "PublicationAuthorLists" WHERE "PublicationId" = {paper}""").SingleAsync());
        Assert.Contains("Renamed Coauthor", stored, StringComparison.Ordinal);
        var page = await owner.GetStringAsync(response.Headers.Location);
        Assert.Contains("Saved “Renamed through a deadlock”.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [PostgresOnlyFact("a deadlock between two PostgreSQL transactions")]
    public async Task A_section_item_save_rolled_back_by_a_deadlock_is_run_again_and_keeps_what_was_typed()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Deadlocked Award Editor").WithAward(new Award { Title = "Award before the deadlock", Year = 2015 }));
        var award = await AwardOfAsync(profile.Id);
        var form = await owner.PrepareAsync($"/edit/{profile.Slug}/awards/{award}", "form.item-form", new Dictionary<string, string> { ["Input.Title"] = "Award saved through a deadlock" });

        // The save holds the award's row; the profile's stored lists are rewritten as it commits.
        using var response = await LoseDeadlockAsync(
            holdFirst: $"""SELECT 1 FROM "ProfileLists" WHERE "ResearcherId" = {profile.Id} FOR UPDATE""",
            thenAskFor: $"""SELECT 1 FROM "Awards" WHERE "Id" = {award} FOR UPDATE""",
            () => PostAsync(form));

        response.AssertRedirectsTo($"/edit/{profile.Slug}/awards");
        Assert.Equal("Award saved through a deadlock", await factory.ReadAsync(db => db.Awards.Where(a => a.Id == award).Select(a => a.Title).SingleAsync()));
    }

    [PostgresOnlyFact("a deadlock between two PostgreSQL transactions")]
    public async Task An_editor_button_rolled_back_by_a_deadlock_says_so_and_can_be_pressed_again()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Deadlocked Award Remover").WithAward(new Award { Title = "Award deleted through a deadlock", Year = 2015 }));
        var award = await AwardOfAsync(profile.Id);
        var url = $"/edit/{profile.Slug}/awards";
        var delete = await owner.PrepareAsync(url, $"#item-{award} form.delete");

        using var response = await LoseDeadlockAsync(
            holdFirst: $"""SELECT 1 FROM "ProfileLists" WHERE "ResearcherId" = {profile.Id} FOR UPDATE""",
            thenAskFor: $"""SELECT 1 FROM "Awards" WHERE "Id" = {award} FOR UPDATE""",
            () => PostAsync(delete));

        response.AssertRedirectsTo(url);
        Assert.True(await factory.ReadAsync(db => db.Awards.AnyAsync(a => a.Id == award)));
        var page = await owner.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Contains(WebUtility.HtmlEncode(EditorPageModel.ConcurrentChangeMessage), page, StringComparison.Ordinal);

        using var again = await PostAsync(await owner.PrepareAsync(url, $"#item-{award} form.delete"));
        again.AssertRedirectsTo(url);
        Assert.False(await factory.ReadAsync(db => db.Awards.AnyAsync(a => a.Id == award)));
    }

    private Task<int> AwardOfAsync(int researcherId) => factory.ReadAsync(db => db.Awards.Where(a => a.ResearcherId == researcherId).Select(a => a.Id).SingleAsync());

    [PostgresOnlyFact("a deadlock between two PostgreSQL transactions")]
    public async Task An_administrators_hide_rolled_back_by_a_deadlock_is_run_again()
    {
        var profile = await new ResearcherBuilder("Deadlocked Hidden")
            .WithPublication("First hidden paper", p => p.Owner())
            .WithPublication("Second hidden paper", p => p.Owner())
            .SaveAsync(factory);
        var papers = await PapersOfAsync(profile.Id);
        var admin = await factory.SignedInAdminAsync();
        var url = $"/admin/profiles/{profile.Id}";
        var form = await admin.PrepareAsync(url, "form#hide-form");

        using var response = await LoseDeadlockAsync(
            holdFirst: $"""SELECT 1 FROM "PublicationAuthorLists" WHERE "PublicationId" = {papers[1]} FOR UPDATE""",
            thenAskFor: $"""SELECT 1 FROM "PublicationAuthorLists" WHERE "PublicationId" = {papers[0]} FOR UPDATE""",
            () => PostAsync(form));

        response.AssertRedirectsTo(url);
        Assert.True((await factory.ResearcherAsync(profile.Id)).IsHidden);
        var stored = await factory.ReadAsync(db => db.Database.SqlQuery<string>(
            $"""SELECT "Authors" AS "Value" FROM "PublicationAuthorLists" WHERE "PublicationId" = {papers[0]}""").SingleAsync());
        Assert.DoesNotContain(profile.Slug, stored, StringComparison.Ordinal);
    }

    [PostgresOnlyFact("a deadlock between two PostgreSQL transactions")]
    public async Task A_BibTeX_import_rolled_back_by_a_deadlock_is_planned_and_run_again()
    {
        var t = TestNames.Unique();
        var (mira, client) = await factory.OwnedProfileAsync(new ResearcherBuilder($"Mira Deadlocked{t}"));
        var bo = new ResearcherBuilder($"Bo Deadlocked{t}");
        var entries = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var (title, doi) = ($"Papers Joined Through A Deadlock {i} {t}", $"10.5555/deadlock.{t}.{i}");
            bo.WithPublication(title, p => p.Owner().Author(mira.DisplayName).With(x => x.Doi = doi));
            entries.Add($"@article{{d{i}, title = {{{title}}}, author = {{Bo Deadlocked{t} and {mira.DisplayName}}}, journal = {{J}}, doi = {{{doi}}}, year = 2025}}");
        }
        var papers = await PapersOfAsync((await bo.SaveAsync(factory)).Id);
        var url = $"/edit/{mira.Slug}/publications/import";
        var token = await client.TokenFromAsync(url);
        var import = new PreparedPost(client, $"{url}?handler=Import",
            [new("Bibtex", string.Join("\n", entries)), new("Chosen", "0"), new("Chosen", "1"), new(EditorClient.TokenField, token)]);

        // Linking Mira to both papers rewrites their author lists as the import commits, the first paper's first.
        using var response = await LoseDeadlockAsync(
            holdFirst: $"""SELECT 1 FROM "PublicationAuthorLists" WHERE "PublicationId" = {papers[1]} FOR UPDATE""",
            thenAskFor: $"""SELECT 1 FROM "PublicationAuthorLists" WHERE "PublicationId" = {papers[0]} FOR UPDATE""",
            () => PostAsync(import));

        response.AssertRedirectsTo($"/edit/{mira.Slug}/publications");
        Assert.Equal(papers, await PapersOfAsync(mira.Id));
    }

    [PostgresOnlyFact("a deadlock between two PostgreSQL transactions")]
    public async Task Any_other_save_rolled_back_by_a_deadlock_answers_409_saying_to_send_it_again()
    {
        var coauthor = await new ResearcherBuilder("Purge Deadlock Coauthor").SaveAsync(factory);
        var profile = await new ResearcherBuilder("Purge Deadlock")
            .WithPublication("Paper outliving a purge", p => p.Owner().Author(coauthor).ShownOn(coauthor))
            .SaveAsync(factory);
        var paper = (await PapersOfAsync(profile.Id)).Single();
        await factory.ChangeDataAsync(db => db.Researchers.Where(r => r.Id == profile.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeletedAt, DateTimeOffset.UtcNow)));
        var admin = await factory.SignedInAdminAsync();
        var url = $"/admin/trash/{profile.Id}/purge";
        var form = await admin.PrepareAsync(url, "form#purge-form", new Dictionary<string, string> { ["Confirmation"] = profile.Slug });

        // The purge deletes the profile's row, then unlinks it from the paper, whose list is rewritten at the commit.
        using var response = await LoseDeadlockAsync(
            holdFirst: $"""SELECT 1 FROM "PublicationAuthorLists" WHERE "PublicationId" = {paper} FOR UPDATE""",
            thenAskFor: $"""SELECT 1 FROM "Researchers" WHERE "Id" = {profile.Id} FOR UPDATE""",
            () => PostAsync(form));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else was saving at the same moment", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.ReadAsync(db => db.Researchers.AnyAsync(r => r.Id == profile.Id)));
    }

    private Task<string> TitleAsync(int paper) => factory.ReadAsync(db => db.Publications.Where(p => p.Id == paper).Select(p => p.Title).SingleAsync());

    private Task<int[]> PapersOfAsync(int researcherId) => factory.ReadAsync(db =>
        db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId).Select(pp => pp.PublicationId).OrderBy(id => id).ToArrayAsync());

    private static Task<HttpResponseMessage> PostAsync(PreparedPost post) =>
        post.Client.PostAsync(new Uri(post.Action, UriKind.Relative), new FormUrlEncodedContent(post.Values));

    /// <summary>
    /// Sends <paramref name="send"/> while another transaction holds the row of <paramref name="holdFirst"/>;
    /// once the request's transaction waits for it, asks for the row of <paramref name="thenAskFor"/>,
    /// which the request's transaction holds. PostgreSQL looks for a deadlock once, when a wait has
    /// lasted deadlock_timeout: the app's connections look after a few seconds (long enough for
    /// this connection's request to be waiting by then, on a busy machine too), this one never
    /// within the test, so PostgreSQL rolls back the app's transaction.
    /// </summary>
    private async Task<HttpResponseMessage> LoseDeadlockAsync(string holdFirst, string thenAskFor, Func<Task<HttpResponseMessage>> send)
    {
        string connectionString;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        }
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await ExecuteAsync(blocker, $"ALTER DATABASE \"{blocker.Database}\" SET deadlock_timeout = '4s'");
        // The app's pooled connections were opened with the default: it opens new ones.
        NpgsqlConnection.ClearAllPools();
        await using var transaction = await blocker.BeginTransactionAsync();
        await ExecuteAsync(blocker, "SET LOCAL deadlock_timeout = '60s'");
        await ExecuteAsync(blocker, holdFirst);
        // Watched from a connection of its own: a transaction sees the activity of others as it was when it first looked.
        await using var watcher = new NpgsqlConnection(connectionString);
        await watcher.OpenAsync();
        var sending = send();
        var waiting = Task.Delay(TimeSpan.FromSeconds(30));
        while (await ScalarAsync(watcher, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND state = 'active'") == 0)
        {
            if (waiting.IsCompleted || sending.IsCompleted)
            {
                Assert.Fail($"The request never waited for the held row ({(sending.IsCompleted ? $"it answered {(int)(await sending).StatusCode}" : "it is still running")}): {await ActivityAsync(watcher)}");
            }
            await Task.Delay(20);
        }
        await ExecuteAsync(blocker, thenAskFor);
        await transaction.RollbackAsync();
        return await sending.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ActivityAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT string_agg(concat_ws(' | ', state, wait_event_type, wait_event, left(query, 200)), E'\n') FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        return (await command.ExecuteScalarAsync()) as string ?? "no other connection";
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
