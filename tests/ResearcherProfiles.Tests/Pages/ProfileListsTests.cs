using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Layout;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Pages.People;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>
/// A profile's lists, read in one statement (as on PostgreSQL) or a query each (as on SQLite), are
/// the rows EF reads, value for value, in the page's order. Both ways run against both databases.
/// </summary>
public sealed class ProfileListsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string Awkward = AwkwardText.ForJson;

    /// <summary>Every list said to hold something.</summary>
    internal static readonly VisibleContent Everything = new(true, true, 1, 0, true, true, true, true, true, true, true, null);

    private static Task<ProfileLists> ReadAsync(AppDbContext db, int researcherId, bool oneStatement, VisibleContent content) =>
        oneStatement ? ProfileLists.ReadInOneStatementAsync(db, researcherId, CancellationToken.None) : ProfileLists.ReadEachAsync(db, researcherId, content, CancellationToken.None);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_list_reads_as_EF_reads_it(bool oneStatement)
    {
        var profile = await new ResearcherBuilder("Lists Person")
            .WithLink(ProfileLinkKind.GitHub, "https://github.com/lists-person", Awkward)
            .WithLink(ProfileLinkKind.Website, "https://hidden.example.org", visible: false)
            .WithLink(ProfileLinkKind.Cv, "https://example.org/cv.pdf")
            .WithNews("2023-05", "Older news")
            .WithNews("2024", Awkward)
            .WithNews("2024-02-03", "Newest news, *emphasised*")
            .WithNews("2025", "Hidden news", visible: false)
            .WithEducation(new Education { Degree = "PhD", Institution = Awkward, Field = "Mathematics", Start = TestDates.Of("2010-09"), End = null, Advisors = "A. Turing" })
            .WithEducation(new Education { Degree = "BSc", Institution = "Elsewhere" })
            .WithPosition(new Position { Employer = "Lab", Title = Awkward, Kind = PositionKind.Internship, Start = TestDates.Of("2015"), End = TestDates.Of("2016-01-31"), DescriptionMarkdown = "Worked **hard**", DescriptionHtml = "<p>Worked <strong>hard</strong></p>\n", RenderedWith = 7 })
            .WithAward(new Award { Title = "Best paper", Year = 2021, Note = Awkward })
            .WithAward(new Award { Title = "Undated prize" })
            .WithService("Reviewer", "NeurIPS", 2019, 2021, 2022)
            .WithService("Chair", "Hidden venue", false, 2020)
            .WithService("Organiser", Awkward)
            .WithTalk(new Talk { Title = null, Host = "MIT", Date = TestDates.Of("2022-03"), SlidesUrl = "https://example.org/s.pdf" })
            .WithWriting(new WritingItem { Title = "A post", Url = "https://blog.example.org/a", ListTitle = "Blog", Date = TestDates.Of("2021-07-04") })
            .WithWriting(new WritingItem { Title = Awkward, Url = "https://blog.example.org/b" })
            .WithProject(new Project { Title = "Engine", Kind = ProjectKind.OpenSource, Group = Awkward, Start = TestDates.Of("2019"), NarrativeMarkdown = "Long story" })
            .WithProject(new Project { Title = "Hidden project", IsVisible = false })
            .With(r => r.Sections.Add(new ProfileSection { Kind = ProfileSectionKind.Talks, Title = "Invited talks", IntroMarkdown = Awkward, ItemsShown = 3, OwnSection = true, IsVisible = false, SortOrder = 2 }))
            .SaveAsync(factory);
        // Another profile's rows are never among them.
        await new ResearcherBuilder("Other Person").WithLink(ProfileLinkKind.Website, "https://other.example.org").WithNews("2030", "Not mine").SaveAsync(factory);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lists = await ReadAsync(db, profile.Id, oneStatement, Everything);

        AssertSame(db, [.. await SectionLayout.LoadAsync(db, profile.Id, CancellationToken.None)], [.. lists.Layout]);
        Assert.Contains(lists.Layout, s => s.Kind == ProfileSectionKind.Talks && s.Title == "Invited talks" && s.IntroMarkdown == Awkward && s.Id > 0);
        await AssertSameAsync(db, lists.Links, Visible<ProfileLink>(db, profile.Id));
        await AssertSameAsync(db, lists.News, db.News.Where(n => n.ResearcherId == profile.Id && n.IsVisible).OrderByDescending(n => n.Date).ThenBy(n => n.SortOrder));
        await AssertSameAsync(db, lists.Education, Visible<Education>(db, profile.Id));
        await AssertSameAsync(db, lists.Positions, Visible<Position>(db, profile.Id));
        await AssertSameAsync(db, lists.Awards, Visible<Award>(db, profile.Id));
        await AssertSameAsync(db, lists.Service, Visible<ServiceRole>(db, profile.Id));
        await AssertSameAsync(db, lists.Talks, Visible<Talk>(db, profile.Id));
        await AssertSameAsync(db, lists.Writing, Visible<WritingItem>(db, profile.Id));
        await AssertSameAsync(db, lists.Projects, Visible<Project>(db, profile.Id));

        Assert.Equal(["Newest news, *emphasised*", Awkward, "Older news"], lists.News.Select(n => n.BodyMarkdown));
        Assert.Equal([[2019, 2021, 2022], []], lists.Service.Select(s => s.Years));
        Assert.Equal(PositionKind.Internship, Assert.Single(lists.Positions).Kind);
        Assert.Null(Assert.Single(lists.Talks).Title);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_profile_with_no_rows_reads_empty_lists_and_the_default_layout(bool oneStatement)
    {
        var profile = await new ResearcherBuilder("Empty Person").SaveAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var lists = await ReadAsync(db, profile.Id, oneStatement, Everything);

        Assert.Equal(SectionLayout.Complete([]).Select(s => s.Kind), lists.Layout.Select(s => s.Kind));
        Assert.All(lists.Layout, s => Assert.Equal(0, s.Id));
        Assert.Empty(lists.Links);
        Assert.Empty(lists.News);
        Assert.Empty(lists.Education);
        Assert.Empty(lists.Positions);
        Assert.Empty(lists.Awards);
        Assert.Empty(lists.Service);
        Assert.Empty(lists.Talks);
        Assert.Empty(lists.Writing);
        Assert.Empty(lists.Projects);
    }

    [Fact]
    public async Task A_query_each_leaves_unread_the_lists_the_profile_says_are_empty()
    {
        var profile = await new ResearcherBuilder("Partly Person").WithLink(ProfileLinkKind.Website, "https://partly.example.org").WithNews("2024", "News").SaveAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var lists = await ProfileLists.ReadEachAsync(db, profile.Id, Everything with { News = false }, CancellationToken.None);

        Assert.Single(lists.Links);
        Assert.Empty(lists.News);
    }

    [Fact]
    public async Task Selected_papers_asked_for_with_the_lists_are_those_read_on_their_own()
    {
        var coauthor = await new ResearcherBuilder("Batch Coauthor").SaveAsync(factory);
        var profile = await new ResearcherBuilder("Batch Person")
            .WithLink(ProfileLinkKind.Website, "https://batch.example.org")
            .WithPublication("First chosen", p => p.Owner().Author(coauthor).Link(PublicationLinkKind.Code, "https://example.org/code", Awkward), highlighted: true)
            .WithPublication("Not chosen", p => p.Owner(), highlighted: false)
            .WithPublication("Second chosen", p => p.Author(Awkward, equal: true).Owner(equal: true), highlighted: true)
            .WithPublication("Third chosen", p => p.Owner(), highlighted: true)
            .SaveAsync(factory);
        await factory.ChangeDataAsync(async db =>
        {
            var papers = await db.ProfilePublications.Where(pp => pp.ResearcherId == profile.Id).Select(pp => pp.PublicationId).OrderBy(id => id).ToListAsync();
            var readAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
            db.CitationCounts.AddRange(papers.Select((id, i) => new CitationCount { PublicationId = id, Count = 10 * (i + 1), Source = i == 0 ? "Semantic Scholar" : "OpenAlex", ReadAt = readAt.AddDays(i) }));
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var lists = await ProfileLists.ReadAsync(db, profile.Id, Everything, new SelectedPapers(2, WithCitations: true), CancellationToken.None);
        var alone = await PublicationQueries.SelectedEachAsync(db, profile.Id, 2, withCitations: true, CancellationToken.None);
        var total = await CitationTotal.ForProfileAsync(db, profile.Id, CancellationToken.None);
        var without = await ProfileLists.ReadAsync(db, profile.Id, Everything, selected: null, CancellationToken.None);
        var withoutCounts = await ProfileLists.ReadAsync(db, profile.Id, Everything, new SelectedPapers(2, WithCitations: false), CancellationToken.None);

        Assert.Equal(["First chosen", "Second chosen"], lists.Selected.Select(p => p.Title));
        Assert.Equal(JsonSerializer.Serialize(alone), JsonSerializer.Serialize(lists.Selected));
        Assert.Single(lists.Links);
        // The total of every visible paper, not only the selected ones: 10 + 20 + 30 + 40.
        Assert.Equal(100, lists.Citations!.Count);
        Assert.Equal(JsonSerializer.Serialize(total), JsonSerializer.Serialize(lists.Citations));
        Assert.Empty(without.Selected);
        Assert.Single(without.Links);
        Assert.Null(without.Citations);
        Assert.Null(withoutCounts.Citations);
    }

    private static IQueryable<T> Visible<T>(AppDbContext db, int researcherId) where T : ProfileItem =>
        db.Set<T>().Where(i => i.ResearcherId == researcherId && i.IsVisible).OrderBy(i => i.SortOrder);

    private static async Task AssertSameAsync<T>(AppDbContext db, List<T> actual, IQueryable<T> query) where T : class =>
        AssertSame(db, await query.AsNoTracking().ToListAsync(), actual);

    /// <summary>Every mapped property of every row equal, in order.</summary>
    private static void AssertSame<T>(AppDbContext db, List<T> expected, List<T> actual) where T : class
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, actual.Count);
        var properties = db.Model.FindEntityType(typeof(T))!.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var property in properties)
            {
                var want = JsonSerializer.Serialize(property.PropertyInfo!.GetValue(expected[i]));
                var got = JsonSerializer.Serialize(property.PropertyInfo!.GetValue(actual[i]));
                Assert.True(want == got, $"{typeof(T).Name}[{i}].{property.Name}: expected {want}, read {got}");
            }
        }
    }
}
