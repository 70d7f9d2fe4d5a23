using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Hosting;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// Papers' authors, links and cited-by counts, read in one statement (PostgreSQL's way) or a
/// query each (SQLite's), are what EF reads, value for value and in order, and only the papers asked for.
/// </summary>
public sealed class PaperDetailsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string Awkward = AwkwardText.ForJson;

    private static readonly DateTimeOffset ReadAt = new(2026, 11, 30, 2, 44, 33, 123, TimeSpan.Zero);

    [Fact]
    public Task Authors_links_and_counts_read_a_query_each_as_EF_reads_them() => AuthorsLinksAndCountsAsync("Each", oneStatement: false);

    [PostgresOnlyFact("the one statement is PostgreSQL's")]
    public Task Authors_links_and_counts_read_in_one_statement_as_EF_reads_them() => AuthorsLinksAndCountsAsync("One", oneStatement: true);

    [Fact]
    public Task Without_counts_a_query_each_reads_none_and_papers_without_details_read_empty() => WithoutCountsAsync("Each bare", oneStatement: false);

    [PostgresOnlyFact("the one statement is PostgreSQL's")]
    public Task Without_counts_one_statement_reads_none_and_papers_without_details_read_empty() => WithoutCountsAsync("One bare", oneStatement: true);

    [PostgresOnlyFact("the one statement is PostgreSQL's")]
    public Task Selected_papers_in_one_statement_with_counts_are_those_read_a_query_each() => SelectedAsync("Counted", withCitations: true);

    [PostgresOnlyFact("the one statement is PostgreSQL's")]
    public Task Selected_papers_in_one_statement_without_counts_are_those_read_a_query_each() => SelectedAsync("Uncounted", withCitations: false);

    private async Task AuthorsLinksAndCountsAsync(string name, bool oneStatement)
    {
        var (ids, other) = await SeedAsync(name);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var details = oneStatement
            ? await PaperDetails.ReadInOneStatementAsync(db, ids, withCitations: true, CancellationToken.None)
            : await PaperDetails.ReadEachAsync(db, ids, withCitations: true, CancellationToken.None);

        var authors = await db.PublicationAuthors.Where(a => ids.Contains(a.PublicationId)).OrderBy(a => a.PublicationId).ThenBy(a => a.Position)
            .Select(a => new PaperAuthorRow(a.PublicationId, a.Name, a.ResearcherId,
                a.Researcher != null && !a.Researcher.IsHidden && a.Researcher.DeletedAt == null ? a.Researcher.Slug : null,
                a.EqualContribution, a.Corresponding))
            .ToListAsync();
        Assert.Equal(authors, details.Authors);
        Assert.Contains(details.Authors, a => a.Name == Awkward && a.EqualContribution && a.Corresponding);
        Assert.Contains(details.Authors, a => a.ResearcherId is not null && a.Slug is null);
        Assert.Contains(details.Authors, a => a.Slug is not null);

        var links = await db.PublicationLinks.AsNoTracking().Where(l => ids.Contains(l.PublicationId)).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync();
        Assert.Equal(
            links.Select(l => (l.Id, l.PublicationId, l.SortOrder, l.Kind, l.Label, l.Url)),
            details.Links.Select(l => (l.Id, l.PublicationId, l.SortOrder, l.Kind, l.Label, l.Url)));
        Assert.Contains(details.Links, l => l.Kind == PublicationLinkKind.Code && l.Label == Awkward);

        var counted = Assert.Single(details.Citations);
        Assert.Equal((ids[0], 1234, "OpenAlex", ReadAt), (counted.PublicationId, counted.Count, counted.Source, counted.ReadAt));
        Assert.Equal(TimeSpan.Zero, counted.ReadAt.Offset);

        Assert.DoesNotContain(details.Authors, a => a.PublicationId == other);
        Assert.DoesNotContain(details.Links, l => l.PublicationId == other);
    }

    private async Task WithoutCountsAsync(string name, bool oneStatement)
    {
        var (ids, _) = await SeedAsync(name);
        var bare = await new PublicationBuilder($"{name}: a paper with nothing else").SaveAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var withCounts = oneStatement
            ? await PaperDetails.ReadInOneStatementAsync(db, ids, withCitations: false, CancellationToken.None)
            : await PaperDetails.ReadEachAsync(db, ids, withCitations: false, CancellationToken.None);
        var nothing = oneStatement
            ? await PaperDetails.ReadInOneStatementAsync(db, [bare.Id], withCitations: true, CancellationToken.None)
            : await PaperDetails.ReadEachAsync(db, [bare.Id], withCitations: true, CancellationToken.None);

        Assert.NotEmpty(withCounts.Authors);
        Assert.Empty(withCounts.Citations);
        Assert.Empty(nothing.Authors);
        Assert.Empty(nothing.Links);
        Assert.Empty(nothing.Citations);
    }

    private async Task SelectedAsync(string name, bool withCitations)
    {
        var coauthor = await new ResearcherBuilder($"{name} Coauthor").SaveAsync(factory);
        var owner = await new ResearcherBuilder($"{name} Owner")
            .With(r => r.ShowCitationCounts = withCitations)
            .WithPublication("Third chosen", p => p.Owner().Author(coauthor).Link(PublicationLinkKind.Pdf, "https://example.org/3.pdf"), highlighted: true)
            .WithPublication("Second chosen", p => p.Author(Awkward, corresponding: true).Owner(equal: true)
                .Link(PublicationLinkKind.Code, "https://example.org/code", Awkward).Link(PublicationLinkKind.Video, "https://example.org/video")
                .With(x =>
                {
                    x.VenueName = Awkward;
                    x.VenueShort = "ICLR";
                    x.Month = 5;
                    x.Type = PublicationType.Journal;
                    x.Status = PublicationStatus.UnderReview;
                    x.Badges = ["Oral", Awkward];
                    x.Keywords = ["graphs"];
                    x.Doi = "10.1000/xyz";
                    x.ArxivId = "2403.16952";
                    x.Url = "https://example.org/paper";
                    x.Summary = Awkward;
                    x.Pages = "1--10";
                }), highlighted: true)
            .WithPublication("Not chosen", p => p.Owner(), highlighted: false)
            .WithPublication("Hidden chosen", p => p.Owner(), highlighted: true, visible: false)
            .WithPublication("Fourth chosen", p => p.Owner(), highlighted: true)
            .SaveAsync(factory);
        await factory.ChangeDataAsync(db =>
        {
            var chosen = db.ProfilePublications.AsTracking().Where(pp => pp.ResearcherId == owner.Id).ToList();
            foreach (var entry in chosen)
            {
                var paper = db.Publications.Single(p => p.Id == entry.PublicationId);
                // The second paper first, then the third: the owner's order, not the ids'.
                entry.SortOrder = paper.Title == "Second chosen" ? 0 : paper.Title == "Third chosen" ? 1 : 2;
                if (paper.Title != "Not chosen")
                {
                    db.CitationCounts.Add(new CitationCount { PublicationId = paper.Id, Count = paper.Title.Length, Source = "OpenAlex", ReadAt = ReadAt });
                }
            }
            return Task.CompletedTask;
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var each = await PublicationQueries.SelectedEachAsync(db, owner.Id, 2, withCitations, CancellationToken.None);
        // As a profile page reads them on PostgreSQL, with the profile's fields (ProfileRead).
        var one = (await ProfileRead.FindAsync(db, scope.ServiceProvider.GetRequiredService<HomeProfile>(), owner.Slug, 2, CancellationToken.None))!.Value.Lists.Selected;
        var all = (await ProfileRead.FindAsync(db, scope.ServiceProvider.GetRequiredService<HomeProfile>(), owner.Slug, 10, CancellationToken.None))!.Value.Lists.Selected;

        Assert.Equal(["Second chosen", "Third chosen"], each.Select(p => p.Title));
        Assert.Equal(JsonSerializer.Serialize(each), JsonSerializer.Serialize(one));
        Assert.Equal(["Second chosen", "Third chosen", "Fourth chosen"], all.Select(p => p.Title));
        Assert.Equal(withCitations, one[0].Citation is not null);
        Assert.Equal([Awkward, "Video"], one[0].Links.Take(2).Select(l => l.Label));
        Assert.Equal([Awkward, $"{name} Owner"], one[0].Authors.Select(a => a.Name));
    }

    /// <summary>Two papers asked for (the first counted, the second's count zero) and one that is not.</summary>
    private async Task<(int[] Ids, int Other)> SeedAsync(string name)
    {
        var coauthor = await new ResearcherBuilder($"{name} Coauthor").SaveAsync(factory);
        var hidden = await new ResearcherBuilder($"{name} Hidden").Hidden().SaveAsync(factory);
        var owner = await new ResearcherBuilder($"{name} Owner").SaveAsync(factory);
        var first = await new PublicationBuilder($"{name} first", owner)
            .Owner()
            .Author(Awkward, equal: true, corresponding: true)
            .Author(hidden)
            .Author(coauthor)
            .Link(PublicationLinkKind.Pdf, "https://example.org/first.pdf")
            .Link(PublicationLinkKind.Code, "https://example.org/code", Awkward)
            .ShownOn(owner)
            .SaveAsync(factory);
        var second = await new PublicationBuilder($"{name} second", owner)
            .Author(coauthor)
            .Owner(equal: true)
            .Link(PublicationLinkKind.Slides, "https://example.org/slides")
            .ShownOn(owner)
            .SaveAsync(factory);
        var other = await new PublicationBuilder($"{name} other", owner)
            .Owner()
            .Link(PublicationLinkKind.Video, "https://example.org/video")
            .ShownOn(owner)
            .SaveAsync(factory);
        await factory.ChangeDataAsync(db =>
        {
            db.CitationCounts.AddRange(
                new CitationCount { PublicationId = first.Id, Count = 1234, Source = "OpenAlex", ReadAt = ReadAt },
                new CitationCount { PublicationId = second.Id, Count = 0, Source = "OpenAlex", ReadAt = ReadAt },
                new CitationCount { PublicationId = other.Id, Count = 7, Source = "OpenAlex", ReadAt = ReadAt });
            return Task.CompletedTask;
        });
        return ([first.Id, second.Id], other.Id);
    }
}
