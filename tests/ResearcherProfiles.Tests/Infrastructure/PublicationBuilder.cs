using Microsoft.Extensions.DependencyInjection;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>
/// One publication record with its ordered authors, links and the profiles it is listed on.
/// Used on its own for papers shared by researchers that already exist, or through
/// <see cref="ResearcherBuilder.WithPublication"/> for papers of a profile being built.
/// </summary>
public sealed class PublicationBuilder
{
    private readonly Researcher? _owner;

    public PublicationBuilder(string title, Researcher? owner = null)
    {
        _owner = owner;
        Entity = new Publication
        {
            Title = title,
            Year = 2023,
            Type = PublicationType.Conference,
            Status = PublicationStatus.Published,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
    }

    public Publication Entity { get; }

    public PublicationBuilder With(Action<Publication> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change(Entity);
        return this;
    }

    /// <summary>An author with no profile on the site.</summary>
    public PublicationBuilder Author(string name, bool equal = false, bool corresponding = false) =>
        AddAuthor(new PublicationAuthor { Name = name, EqualContribution = equal, Corresponding = corresponding });

    /// <summary>An author who is a researcher on the site.</summary>
    public PublicationBuilder Author(Researcher researcher, bool equal = false, bool corresponding = false)
    {
        ArgumentNullException.ThrowIfNull(researcher);
        var author = new PublicationAuthor { Name = researcher.DisplayName, EqualContribution = equal, Corresponding = corresponding };
        if (researcher.Id == 0)
        {
            author.Researcher = researcher;
        }
        else
        {
            author.ResearcherId = researcher.Id;
        }
        return AddAuthor(author);
    }

    /// <summary>The profile owner this builder was created for, as the next author.</summary>
    public PublicationBuilder Owner(bool equal = false, bool corresponding = false) =>
        Author(_owner ?? throw new InvalidOperationException("This publication was not created for a profile owner."), equal, corresponding);

    public PublicationBuilder Link(PublicationLinkKind kind, string url, string? label = null)
    {
        Entity.Links.Add(new PublicationLink { Kind = kind, Url = url, Label = label, SortOrder = Entity.Links.Count });
        return this;
    }

    /// <summary>Lists the publication on a researcher's profile.</summary>
    public PublicationBuilder ShownOn(Researcher researcher, bool highlighted = false, bool visible = true, int sortOrder = 0)
    {
        ArgumentNullException.ThrowIfNull(researcher);
        var entry = new ProfilePublication { Publication = Entity, IsHighlighted = highlighted, IsVisible = visible, SortOrder = sortOrder };
        if (researcher.Id == 0)
        {
            entry.Researcher = researcher;
        }
        else
        {
            entry.ResearcherId = researcher.Id;
        }
        Entity.Profiles.Add(entry);
        return this;
    }

    public async Task<Publication> SaveAsync(ProfilesAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Publications.Add(Entity);
            await db.SaveChangesAsync();
        }
        await factory.EvictPublicPagesAsync();
        return Entity;
    }

    private PublicationBuilder AddAuthor(PublicationAuthor author)
    {
        author.Position = Entity.Authors.Count;
        Entity.Authors.Add(author);
        return this;
    }
}
