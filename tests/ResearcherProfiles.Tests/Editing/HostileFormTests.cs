using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Tests.Sources;
using Xunit.Abstractions;

namespace ResearcherProfiles.Tests.Editing;

/// <summary>
/// Every POST form the editor and the administration pages offer, found by following their links,
/// submitted with hostile values one field at a time (very long text, control characters, broken
/// UTF-8, numbers out of range, unknown choices, repeated and added keys) and with the ids of
/// another profile's rows: no answer is a server error, none is a 400 for what a field holds, and
/// the other profile is left as it was.
/// </summary>
public sealed class HostileFormTests(HostileFormsAppFactory factory, ITestOutputHelper output) : IClassFixture<HostileFormsAppFactory>
{
    private const string ImportedBibtex = """
        @inproceedings{imported2024,
          title = {An Imported Paper on Hostile Forms},
          author = {Hostile, Mallory and Hopper, Grace},
          booktitle = {Proceedings of Imported Papers},
          year = {2024},
          doi = {10.5555/hostile.2024.1}
        }
        @article{imported2022,
          title = {A Second Imported Paper},
          author = {Turing, Alan and Hostile, Mallory},
          journal = {Journal of Imports},
          year = {2022}
        }
        """;

    /// <summary>A profile with an item in every section, two papers, a project with links and related papers, a section layout, a suggestion and a found work.</summary>
    private async Task<(Researcher Profile, HttpClient Owner)> SeededProfileAsync(string name)
    {
        var builder = SectionSpecs.All.Values.Aggregate(new ResearcherBuilder(name), (b, spec) => spec.Seed(b, "Seeded item"))
            .WithPublication("Seeded paper one", p => p.Owner().Author("Grace Hopper", equal: true)
                .Link(PublicationLinkKind.Pdf, "https://example.org/one.pdf").With(x => x.VenueName = "Seeded Venue"))
            .WithPublication("Seeded paper two", p => p.Author("Alan Turing").Owner(corresponding: true))
            .WithProject(new Project
            {
                Title = "Seeded project with links", Kind = ProjectKind.OpenSource, Start = new PartialDate(2020),
                Links = [new ProjectLink { Kind = ProjectLinkKind.Code, Url = "https://example.org/code" }],
            }, "Seeded paper one")
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.News, Title = "Latest", ItemsShown = 3 }));
        var (profile, owner) = await factory.OwnedProfileAsync(builder);
        var suggested = await new PublicationBuilder("Seeded suggestion").Author("Someone Else").Author(profile).SaveAsync(factory);
        await factory.ChangeDataAsync(db =>
        {
            db.PublicationSuggestions.Add(new PublicationSuggestion { ResearcherId = profile.Id, PublicationId = suggested.Id, SuggestedByUserName = "someone@example.org", CreatedAt = DateTimeOffset.UtcNow });
            return Task.CompletedTask;
        });
        await factory.QueueAsync(profile.Id, FoundWorks.Paper($"Seeded found work {profile.Id}", $"10.1234/found.{profile.Id}"));
        // One edit through the form, so that the profile has a history to undo.
        (await owner.SubmitFormAsync($"/edit/{profile.Slug}", new Dictionary<string, string> { ["Input.Headline"] = "Edited once" }, "form.basics-form"))
            .AssertRedirectsTo($"/edit/{profile.Slug}");
        return (profile, owner);
    }

    [Fact]
    public async Task No_hostile_value_in_any_editor_form_is_a_server_error_or_reaches_another_profile()
    {
        var (mine, owner) = await SeededProfileAsync("Mallory Hostile");
        var (theirs, _) = await SeededProfileAsync("Victor Other");
        var mineRows = await ProfileRows.OfAsync(factory, mine.Id);
        var theirRows = await ProfileRows.OfAsync(factory, theirs.Id);
        var twins = await mineRows.TwinsAsync(factory, theirRows);
        var before = await theirRows.SnapshotAsync(factory);
        var last = before;
        var sweep = new FormSweep(owner, output)
        {
            AfterSaves = async variant =>
            {
                var now = await theirRows.SnapshotAsync(factory);
                var changed = now != last;
                last = now;
                var overlong = await ColumnLengths.AfterAsync(factory, variant);
                return changed ? overlong.Prepend($"The other profile changed after {variant}") : overlong;
            },
        };

        var changeSet = await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == mine.Id).Select(r => r.ChangeSet).FirstAsync());
        var pages = await sweep.CrawlAsync([$"/edit/{mine.Slug}", $"/edit/{mine.Slug}/history/undo/{changeSet}"],
            url => url.StartsWith($"/edit/{mine.Slug}", StringComparison.Ordinal) || (url.StartsWith("/account", StringComparison.Ordinal) && !url.StartsWith("/account/log", StringComparison.Ordinal)),
            maxPages: 80);
        // The forms a preview offers: the import of the entries read, the save of the pasted items.
        List<PageForm> previewed =
        [
            .. await sweep.FormsAfterAsync($"/edit/{mine.Slug}/publications/import", "form.import-source", new Dictionary<string, string> { ["Bibtex"] = ImportedBibtex }),
            .. await sweep.FormsAfterAsync($"/edit/{mine.Slug}/news/paste", "main form", new Dictionary<string, string> { ["Text"] = "2023-05 Pasted news\n2023-06 More pasted news" }),
            .. await sweep.FormsAfterAsync($"/edit/{mine.Slug}/awards/paste", "main form", new Dictionary<string, string> { ["Text"] = "Pasted award — ACL, 2023" }),
            .. await sweep.FormsAfterAsync($"/edit/{mine.Slug}/service/paste", "main form", new Dictionary<string, string> { ["Text"] = "Pasted role — ACL 2023" }),
        ];
        Assert.Contains(previewed, f => f.Action.Contains("handler=Import", StringComparison.Ordinal));
        var forms = await sweep.DiscoverAsync(pages, f => !f.Action.StartsWith("/account/logout", StringComparison.Ordinal), previewed);
        output.WriteLine($"{pages.Count} pages: {string.Join(' ', pages)}");
        Assert.Contains(pages, p => p.StartsWith($"/edit/{mine.Slug}/publications/", StringComparison.Ordinal) && char.IsAsciiDigit(p[^1]));
        Assert.Contains($"/edit/{mine.Slug}/publications/import", pages);
        Assert.Contains(pages, p => p.StartsWith("/account/change-password", StringComparison.Ordinal));
        Assert.All(SectionSpecs.All.Keys, section => Assert.Contains($"/edit/{mine.Slug}/{section}", pages));
        await sweep.SweepAsync(forms, form => FormSweep.FieldVariants(form).Concat(FormSweep.CrossProfileVariants(form, twins, mine.Slug, theirs.Slug)));

        Assert.True(sweep.Problems.Count == 0, string.Join('\n', sweep.Problems));
        Assert.Equal(before, await theirRows.SnapshotAsync(factory));
        using var profilePage = await factory.CreateVisitor().GetAsync(new Uri($"/people/{mine.Slug}", UriKind.Relative));
        Assert.True((int)profilePage.StatusCode < 500, $"The public profile answered {(int)profilePage.StatusCode} after the sweep.");
    }

    [Fact]
    public async Task No_hostile_value_in_any_administration_form_is_a_server_error()
    {
        var (profile, _) = await factory.OwnedProfileAsync(new ResearcherBuilder("Admin Target"));
        var trashed = await new ResearcherBuilder("Trashed Target").With(r => r.DeletedAt = DateTimeOffset.UtcNow).SaveAsync(factory);
        var disabled = await factory.CreateResearcherAsync((await new ResearcherBuilder("Disabled Owner").SaveAsync(factory)).Id);
        await factory.ChangeDataAsync(async db => (await db.Users.FindAsync(disabled.Id))!.IsDisabled = true);
        var admin = await factory.SignedInAdminAsync();
        (await admin.SubmitFormAsync("/admin/invite", new Dictionary<string, string> { ["Input.Email"] = "invited@example.org" }))
            .AssertRedirectsTo("/admin/invite");
        var sweep = new FormSweep(admin, output) { AfterSaves = variant => ColumnLengths.AfterAsync(factory, variant) };

        var pages = await sweep.CrawlAsync(["/admin", $"/admin/profiles/{profile.Id.ToString(CultureInfo.InvariantCulture)}", $"/admin/trash/{trashed.Id.ToString(CultureInfo.InvariantCulture)}/purge"],
            url => url.StartsWith("/admin", StringComparison.Ordinal), maxPages: 40);
        var forms = await sweep.DiscoverAsync(pages, f => !f.Action.StartsWith("/account/logout", StringComparison.Ordinal));
        output.WriteLine($"{pages.Count} pages: {string.Join(' ', pages)}");
        Assert.Contains("/admin/site", pages);
        Assert.Contains("/admin/paper-sources", pages);
        await sweep.SweepAsync(forms, FormSweep.FieldVariants);

        Assert.True(sweep.Problems.Count == 0, string.Join('\n', sweep.Problems));
        using var stillAdmin = await admin.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, stillAdmin.StatusCode);
    }
}
