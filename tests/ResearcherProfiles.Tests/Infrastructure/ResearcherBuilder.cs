using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>
/// A researcher and everything on their profile, saved in one go. Every builder gets a slug of its
/// own, so tests sharing a database never see each other's profiles by accident. Items keep the
/// order in which they were added.
/// </summary>
public sealed class ResearcherBuilder
{
    private static int s_created;

    private readonly Researcher _researcher;
    private readonly List<PublicationBuilder> _publications = [];
    private readonly List<(Project Project, string[] RelatedTitles)> _projects = [];

    /// <param name="displayName">"Given Family"; the last word becomes the family name the directory sorts by.</param>
    public ResearcherBuilder(string displayName = "Ada Lovelace")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var words = displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = Interlocked.Increment(ref s_created);
        _researcher = new Researcher
        {
            Slug = $"{string.Join('-', words).ToLowerInvariant()}-{number}-{Guid.NewGuid().ToString("N")[..8]}",
            DisplayName = displayName,
            GivenName = words.Length > 1 ? string.Join(' ', words[..^1]) : null,
            FamilyName = words[^1],
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
    }

    public string Slug => _researcher.Slug;

    public ResearcherBuilder With(Action<Researcher> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change(_researcher);
        return this;
    }

    public ResearcherBuilder Hidden() => With(r => r.IsHidden = true);

    public ResearcherBuilder WithLink(ProfileLinkKind kind, string url, string? label = null, bool visible = true) =>
        Add(_researcher.Links, new ProfileLink { Kind = kind, Url = url, Label = label, IsVisible = visible });

    public ResearcherBuilder WithNews(string date, string markdown, bool visible = true) =>
        Add(_researcher.News, new NewsItem { Date = TestDates.Of(date), BodyMarkdown = markdown, IsVisible = visible });

    public ResearcherBuilder WithEducation(Education education) => Add(_researcher.Education, education);

    public ResearcherBuilder WithPosition(Position position) => Add(_researcher.Positions, position);

    public ResearcherBuilder WithAward(Award award) => Add(_researcher.Awards, award);

    public ResearcherBuilder WithService(string role, string venue, params int[] years) => WithService(role, venue, true, years);

    public ResearcherBuilder WithService(string role, string venue, bool visible, params int[] years) =>
        Add(_researcher.Service, new ServiceRole { Role = role, Venue = venue, Years = [.. years], IsVisible = visible });

    public ResearcherBuilder WithTalk(Talk talk) => Add(_researcher.Talks, talk);

    public ResearcherBuilder WithWriting(WritingItem item) => Add(_researcher.Writing, item);

    /// <summary>A project; <paramref name="relatedPublicationTitles"/> name papers added to this builder.</summary>
    public ResearcherBuilder WithProject(Project project, params string[] relatedPublicationTitles)
    {
        ArgumentNullException.ThrowIfNull(project);
        Add(_researcher.Projects, project);
        _projects.Add((project, relatedPublicationTitles));
        return this;
    }

    /// <summary>A paper listed on this profile; <paramref name="build"/> adds its authors (call Owner() for this researcher).</summary>
    public ResearcherBuilder WithPublication(string title, Action<PublicationBuilder> build, bool highlighted = false, bool visible = true)
    {
        ArgumentNullException.ThrowIfNull(build);
        var publication = new PublicationBuilder(title, _researcher);
        build(publication);
        publication.ShownOn(_researcher, highlighted, visible, sortOrder: _publications.Count);
        _publications.Add(publication);
        return this;
    }

    public async Task<Researcher> SaveAsync(ProfilesAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        foreach (var (project, titles) in _projects)
        {
            foreach (var title in titles)
            {
                var publication = _publications.Single(p => p.Entity.Title == title).Entity;
                project.RelatedPublications.Add(new ProjectPublication { Publication = publication, SortOrder = project.RelatedPublications.Count });
            }
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Researchers.Add(_researcher);
            db.Publications.AddRange(_publications.Select(p => p.Entity));
            await db.SaveChangesAsync();
        }
        await factory.EvictPublicPagesAsync();
        return _researcher;
    }

    private ResearcherBuilder Add<T>(List<T> list, T item) where T : ProfileItem
    {
        ArgumentNullException.ThrowIfNull(item);
        item.SortOrder = list.Count;
        list.Add(item);
        return this;
    }
}
