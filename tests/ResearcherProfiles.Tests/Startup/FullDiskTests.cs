using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>A save when the database cannot grow: a page that says so, and nothing half-written.</summary>
public sealed class FullDiskTests
{
    /// <summary>While <see cref="Full"/> is set, SQLite may not add a page to the database file, as on a full disk.</summary>
    private sealed class FullDiskApp : ProfilesAppFactory
    {
        public bool Full { get; set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(new PageLimit(this))));
        }

        private sealed class PageLimit(FullDiskApp site) : DbConnectionInterceptor
        {
            public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
            {
                await using var command = connection.CreateCommand();
                // max_page_count never goes below the current size: 1 means "no more than now".
                command.CommandText = site.Full ? "PRAGMA max_page_count = 1;" : "PRAGMA max_page_count = 1073741823;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
            {
                using var command = connection.CreateCommand();
                command.CommandText = site.Full ? "PRAGMA max_page_count = 1;" : "PRAGMA max_page_count = 1073741823;";
                command.ExecuteNonQuery();
            }
        }
    }

    [SqliteOnlyFact("a full disk is simulated by a SQLite file size limit")]
    public async Task A_save_on_a_full_disk_shows_a_page_that_says_so_and_changes_nothing()
    {
        await using var site = new FullDiskApp();
        var (profile, owner) = await site.OwnedProfileAsync(new ResearcherBuilder("Full Disk").With(r => r.Headline = "Unchanged"));
        var form = await owner.PrepareAsync($"/edit/{profile.Slug}", "form.basics-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Changed",
            ["Input.AboutMarkdown"] = string.Concat(Enumerable.Repeat("A long About text that needs new pages. ", 400)),
        });

        site.Full = true;
        var statuses = await ConcurrentForms.SendTogetherAsync([form]);
        site.Full = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, statuses[0]);
        Assert.Equal("Unchanged", (await site.ResearcherAsync(profile.Id)).Headline);
    }
}
