using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Demo;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;
using ResearcherProfiles.Web.Startup;
using SkiaSharp;

namespace ResearcherProfiles.Tests.Data;

/// <summary>
/// `--copy-database` moves a site from SQLite to PostgreSQL and back with nothing lost: every row
/// of every table, and the public pages byte for byte. The copies always go SQLite → PostgreSQL →
/// SQLite, whichever provider the run uses.
/// </summary>
public sealed class DatabaseCopyTests
{
    [Fact]
    public async Task A_site_copied_to_PostgreSQL_and_back_keeps_every_row_and_serves_the_same_pages()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: true);
        await EditAsAdministratorAsync(original);
        var rows = await SiteRows.ReadAsync(original);
        var pages = await PublicPagesAsync(original);
        Assert.Contains(rows["Revisions"], r => r.Contains("Headline", StringComparison.Ordinal));
        Assert.Contains(rows["Researchers"], r => r.Contains("PhotoPath=\"", StringComparison.Ordinal));

        await using var postgres = await ScratchPostgres.CreateAsync();
        var (code, output, error) = await original.CopyToAsync(DatabaseProvider.Postgres, postgres.ConnectionString);

        Assert.Equal((0, ""), (code, error));
        Assert.StartsWith("Copied the site from Sqlite to Postgres:", output, StringComparison.Ordinal);
        Assert.Contains($"{rows.Count} tables, {rows.Values.Sum(r => r.Count):N0} rows", output, StringComparison.Ordinal);
        await using var onPostgres = new CopySiteFactory(DatabaseProvider.Postgres, postgres.ConnectionString, demo: false);
        original.CopyPhotosTo(onPostgres);
        AssertSameRows(rows, await SiteRows.ReadAsync(onPostgres));
        AssertSamePages(pages, await PublicPagesAsync(onPostgres));

        var backFolder = CopySiteFactory.NewFolder();
        (code, output, error) = await onPostgres.CopyToAsync(DatabaseProvider.Sqlite, CopySiteFactory.SqliteFile(backFolder));

        Assert.Equal((0, ""), (code, error));
        Assert.StartsWith("Copied the site from Postgres to Sqlite:", output, StringComparison.Ordinal);
        await using var back = new CopySiteFactory(DatabaseProvider.Sqlite, CopySiteFactory.SqliteFile(backFolder), demo: false, backFolder);
        original.CopyPhotosTo(back);
        AssertSameRows(rows, await SiteRows.ReadAsync(back));
        AssertSamePages(pages, await PublicPagesAsync(back));
    }

    [Fact]
    public async Task A_target_that_holds_data_is_refused_and_left_as_it_was()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: false);
        await new ResearcherBuilder("Ada Lovelace").SaveAsync(original);
        await using var postgres = await ScratchPostgres.CreateAsync();
        Assert.Equal(0, (await original.CopyToAsync(DatabaseProvider.Postgres, postgres.ConnectionString)).Code);
        await new ResearcherBuilder("Grace Hopper").SaveAsync(original);
        await using var onPostgres = new CopySiteFactory(DatabaseProvider.Postgres, postgres.ConnectionString, demo: false);
        var before = await SiteRows.ReadAsync(onPostgres);

        var (code, output, error) = await original.CopyToAsync(DatabaseProvider.Postgres, postgres.ConnectionString);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal("Nothing was copied. The target database already holds data (table AspNetRoles): copy into an empty database.", error.TrimEnd());
        AssertSameRows(before, await SiteRows.ReadAsync(onPostgres));
    }

    [Fact]
    public async Task A_copy_that_fails_half_way_leaves_the_target_empty_and_names_the_table()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: true);
        // SQLite does not hold text to its column's length; PostgreSQL does, after the tables before Researchers are in.
        await original.ChangeDataAsync(async db => await db.Researchers.Where(r => r.Slug == DemoSlugs.Sparse)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Headline, new string('h', 301))));
        await using var postgres = await ScratchPostgres.CreateAsync();

        var (code, output, error) = await original.CopyToAsync(DatabaseProvider.Postgres, postgres.ConnectionString);

        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith("The copy failed and the target was left empty. Copying the table Researchers failed: ", error, StringComparison.Ordinal);
        Assert.Contains("too long", error, StringComparison.Ordinal);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(DatabaseProvider.Postgres, postgres.ConnectionString);
        await using var target = new AppDbContext(options.Options);
        Assert.Empty(await target.Database.GetPendingMigrationsAsync());
        Assert.False(await target.Roles.AnyAsync());
        Assert.False(await target.Publications.AnyAsync());
        Assert.False(await target.Researchers.AnyAsync());
    }

    [Fact]
    public async Task NUL_characters_that_PostgreSQL_cannot_store_are_dropped_counted_and_nothing_else_changes()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: false);
        var ada = await new ResearcherBuilder("Ada Lovelace").SaveAsync(original);
        // Text and a list of texts as a site from before sources' records were cleaned may hold them.
        await original.ChangeDataAsync(async db => await db.Researchers.Where(r => r.Id == ada.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Headline, "Analytical\0 engines")
            .SetProperty(r => r.Interests, new List<string> { "Poetical\0 science", "Looms" })));
        var rows = await SiteRows.ReadAsync(original);
        Assert.Contains(rows["Researchers"], r => r.Contains("Analytical\0 engines", StringComparison.Ordinal) && r.Contains("Poetical\0 science", StringComparison.Ordinal));
        await using var postgres = await ScratchPostgres.CreateAsync();

        var (code, output, error) = await original.CopyToAsync(DatabaseProvider.Postgres, postgres.ConnectionString);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("PostgreSQL cannot store the NUL character, so it was dropped from 2 values (Researchers 2); nothing else in them changed.", output, StringComparison.Ordinal);
        await using var onPostgres = new CopySiteFactory(DatabaseProvider.Postgres, postgres.ConnectionString, demo: false);
        Researcher copied;
        await using (var scope = onPostgres.Services.CreateAsyncScope())
        {
            copied = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Researchers.AsNoTracking().SingleAsync(r => r.Id == ada.Id);
        }
        Assert.Equal("Analytical engines", copied.Headline);
        Assert.Equal(["Poetical science", "Looms"], copied.Interests);
        var copiedRows = await SiteRows.ReadAsync(onPostgres);
        Assert.Equal(rows.Keys, copiedRows.Keys);
        Assert.Equal(rows.Values.Sum(r => r.Count), copiedRows.Values.Sum(r => r.Count));

        var backFolder = CopySiteFactory.NewFolder();
        (code, output, error) = await onPostgres.CopyToAsync(DatabaseProvider.Sqlite, CopySiteFactory.SqliteFile(backFolder));

        Assert.Equal((0, ""), (code, error));
        Assert.DoesNotContain("NUL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_into_a_SQLite_file_in_WAL_mode_gives_the_log_back()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: true);
        var folder = CopySiteFactory.NewFolder();
        Directory.CreateDirectory(folder);
        // An empty site started once: its file is in WAL mode, so the copy's one transaction goes through the log.
        await using (var empty = new SqliteConnection(CopySiteFactory.SqliteFile(folder) + ";Pooling=False"))
        {
            await empty.OpenAsync();
            await using var wal = empty.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            Assert.Equal("wal", await wal.ExecuteScalarAsync());
        }

        var (code, _, error) = await original.CopyToAsync(DatabaseProvider.Sqlite, CopySiteFactory.SqliteFile(folder));

        Assert.Equal((0, ""), (code, error));
        // Gone or empty: read once, since the message would otherwise read the length of a file that is not there.
        var log = new FileInfo(Path.Combine(folder, "profiles.db-wal"));
        var logged = log.Exists ? log.Length : 0;
        Assert.True(logged == 0, $"The write-ahead log holds {logged} bytes after the copy.");
        Assert.True(new FileInfo(Path.Combine(folder, "profiles.db")).Length > 256 * 1024);
    }

    [Fact]
    public async Task The_site_is_never_copied_onto_itself()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: false);
        var rows = await SiteRows.ReadAsync(original);

        var sameFileOtherwiseWritten = $"Data Source={Path.Combine(original.DataDirectory, ".", "profiles.db")}";
        var (code, _, error) = await original.CopyToAsync(DatabaseProvider.Sqlite, sameFileOtherwiseWritten);

        Assert.Equal(1, code);
        Assert.Equal("Nothing was copied. The target is the site's own database: give another one.", error.TrimEnd());
        AssertSameRows(rows, await SiteRows.ReadAsync(original));
    }

    [Fact]
    public async Task Without_a_target_the_command_prints_its_usage()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: false);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CopyDatabaseCommand.RunAsync(original.Services, ["--copy-database", "--to-provider", "Postgres"], output, error);

        Assert.Equal(1, code);
        Assert.Equal(CopyDatabaseCommand.Usage, error.ToString().TrimEnd());
    }

    [Fact]
    public async Task An_unknown_target_provider_is_named_in_the_refusal()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: false);

        var (code, _, error) = await original.CopyToAsync((DatabaseProvider)7, "Data Source=elsewhere.db");

        Assert.Equal(1, code);
        Assert.Equal("Nothing was copied. --to-provider is \"7\": it must be Sqlite or Postgres.", error.TrimEnd());
    }

    [Fact]
    public async Task New_rows_after_a_copy_get_keys_never_used_before_on_either_provider()
    {
        await using var original = CopySiteFactory.OnSqlite(demo: false);
        var kept = await new ResearcherBuilder("Ada Lovelace").SaveAsync(original);
        var deleted = await new ResearcherBuilder("Grace Hopper").SaveAsync(original);
        await original.ChangeDataAsync(async db => await db.Researchers.Where(r => r.Id == deleted.Id).ExecuteDeleteAsync());
        await using var postgres = await ScratchPostgres.CreateAsync();
        Assert.Equal(0, (await original.CopyToAsync(DatabaseProvider.Postgres, postgres.ConnectionString)).Code);
        await using var onPostgres = new CopySiteFactory(DatabaseProvider.Postgres, postgres.ConnectionString, demo: false);

        var added = await new ResearcherBuilder("Edsger Dijkstra").SaveAsync(onPostgres);

        Assert.True(added.Id > deleted.Id, $"A profile added on PostgreSQL got the key {added.Id}, which the source had already given to a deleted profile ({deleted.Id}).");
        Assert.True(deleted.Id > kept.Id);
        await onPostgres.ChangeDataAsync(async db => await db.Researchers.Where(r => r.Id == added.Id).ExecuteDeleteAsync());
        var backFolder = CopySiteFactory.NewFolder();
        Assert.Equal(0, (await onPostgres.CopyToAsync(DatabaseProvider.Sqlite, CopySiteFactory.SqliteFile(backFolder))).Code);
        await using var back = new CopySiteFactory(DatabaseProvider.Sqlite, CopySiteFactory.SqliteFile(backFolder), demo: false, backFolder);

        var addedBack = await new ResearcherBuilder("Barbara Liskov").SaveAsync(back);

        Assert.True(addedBack.Id > added.Id, $"A profile added on SQLite got the key {addedBack.Id}, which PostgreSQL had already given out ({added.Id}).");
        Assert.Equal([kept.Id, addedBack.Id], await back.ReadAsync(db => db.Researchers.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync()));
    }

    [Fact]
    public void The_README_shows_the_copy_command_as_the_app_reads_it()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));

        Assert.Contains("-- --copy-database \\\n  --to-provider Postgres --to 'Host=", readme, StringComparison.Ordinal);
        Assert.Contains("`--copy-database --to-provider Sqlite --to 'Data Source=", readme, StringComparison.Ordinal);
        Assert.Contains("sqlite3 data/profiles.db \".backup 'backup/profiles.db'\"", readme, StringComparison.Ordinal);
        Assert.Contains("pg_dump -Fc", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_of_the_model_has_a_place_in_the_copy_order()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new AppDbContext(options.Options);

        var order = DatabaseCopy.CopyOrder(db.Model).ToList();

        Assert.Equal(db.Model.GetEntityTypes().Count(), order.Count);
        foreach (var type in order)
        {
            Assert.All(type.GetForeignKeys(), key => Assert.True(
                order.IndexOf(key.PrincipalEntityType) < order.IndexOf(type),
                $"{type.GetTableName()} is copied before {key.PrincipalEntityType.GetTableName()}, which it refers to."));
        }
    }

    /// <summary>Changes made through the site: a recorded edit (history, a new version), a photo, an account.</summary>
    private static async Task EditAsAdministratorAsync(CopySiteFactory site)
    {
        var admin = await site.SignInAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        using (var saved = await admin.SubmitFormAsync($"/edit/{DemoSlugs.Sparse}", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Headline changed before the move — “quoted”, accentué",
        }, "form.basics-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using (var photo = await admin.UploadPhotoAsync(DemoSlugs.Sparse, TestImages.Encode(SKEncodedImageFormat.Png, 40, 30), "me.png", "image/png"))
        {
            Assert.Equal(HttpStatusCode.Redirect, photo.StatusCode);
        }
        var sparseId = await site.ReadAsync(db => db.Researchers.Where(r => r.Slug == DemoSlugs.Sparse).Select(r => r.Id).SingleAsync());
        await site.CreateResearcherAsync(sparseId, "rafael@example.org");
    }

    /// <summary>The public pages of the demo site, and the photo and paper they link to, as a visitor gets them.</summary>
    private static async Task<List<(string Url, HttpStatusCode Status, string? Type, byte[] Body)>> PublicPagesAsync(ProfilesAppFactory site)
    {
        var visitor = site.CreateVisitor();
        var urls = new List<string> { "/", $"/people/{DemoSlugs.Sparse}" };
        foreach (var slug in new[] { DemoSlugs.HomepageStyle, DemoSlugs.ProjectHeavy, DemoSlugs.FullCv })
        {
            urls.AddRange([$"/people/{slug}", $"/people/{slug}/publications", $"/people/{slug}/cv", $"/people/{slug}/publications.bib", $"/people/{slug}/resume.json"]);
        }
        var profile = new HtmlParser().ParseDocument(await visitor.GetStringAsync(new Uri($"/people/{DemoSlugs.HomepageStyle}", UriKind.Relative)));
        urls.Add(profile.QuerySelectorAll("a[href^='/publications/']").Select(a => a.GetAttribute("href")!).First());
        var sparse = new HtmlParser().ParseDocument(await visitor.GetStringAsync(new Uri($"/people/{DemoSlugs.Sparse}", UriKind.Relative)));
        urls.Add(sparse.QuerySelectorAll("img[src^='/media/']").Select(i => i.GetAttribute("src")!).Single());
        var pages = new List<(string, HttpStatusCode, string?, byte[])>();
        foreach (var url in urls)
        {
            using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
            pages.Add((url, response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync()));
        }
        return pages;
    }

    private static void AssertSameRows(SortedDictionary<string, List<string>> expected, SortedDictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (table, rows) in expected)
        {
            Assert.True(rows.Count == actual[table].Count, $"{table}: {rows.Count} rows expected, {actual[table].Count} found.");
            var missing = rows.Except(actual[table]).FirstOrDefault();
            Assert.True(missing is null, $"{table}: the row {missing} is missing or changed; first of the copy's differing rows: {actual[table].Except(rows).FirstOrDefault()}");
        }
    }

    private static void AssertSamePages(
        List<(string Url, HttpStatusCode Status, string? Type, byte[] Body)> expected,
        List<(string Url, HttpStatusCode Status, string? Type, byte[] Body)> actual)
    {
        Assert.Equal(expected.Select(p => p.Url), actual.Select(p => p.Url));
        foreach (var (page, copy) in expected.Zip(actual))
        {
            Assert.Equal((page.Url, HttpStatusCode.OK, page.Type), (copy.Url, copy.Status, copy.Type));
            if (!page.Body.AsSpan().SequenceEqual(copy.Body))
            {
                var text = System.Text.Encoding.UTF8.GetString(page.Body);
                var copyText = System.Text.Encoding.UTF8.GetString(copy.Body);
                var at = text.Zip(copyText).TakeWhile(c => c.First == c.Second).Count();
                Assert.Fail($"{page.Url} differs at character {at}: \"{text[Math.Max(0, at - 80)..Math.Min(text.Length, at + 80)]}\" became \"{copyText[Math.Max(0, at - 80)..Math.Min(copyText.Length, at + 80)]}\".");
            }
        }
    }
}
