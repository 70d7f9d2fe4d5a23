using Bogus;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Demo;

/// <summary>
/// Collects the hand-shaped demo site: people first, then papers that may name any of them as
/// authors, then <see cref="Finish"/> links every paper to each on-site author's profile.
/// </summary>
internal sealed class SiteBuilder
{
    private readonly Dictionary<string, Researcher> _people = new(StringComparer.Ordinal);
    private readonly List<PaperEntry> _papers = [];
    private readonly Randomizer _random;
    private readonly ResearchText _text;
    private readonly NameSource _names;

    public SiteBuilder(int seed)
    {
        _random = new Randomizer(seed);
        _text = new ResearchText(_random);
        _names = new NameSource(_random);
    }

    public Researcher this[string slug] => _people[slug];

    public Researcher Person(Researcher researcher)
    {
        researcher.CreatedAt = DemoData.ReferenceTime.AddDays(-30 + _people.Count);
        researcher.UpdatedAt = DemoData.ReferenceTime;
        _people.Add(researcher.Slug, researcher);
        return researcher;
    }

    /// <summary>
    /// Adds a paper. <paramref name="authors"/> is a comma-separated author list in which "@slug"
    /// names an on-site researcher ("@slug=M. Doe" as printed differently), a trailing "*" marks
    /// equal contribution and a trailing "†" the corresponding author.
    /// </summary>
    public PaperEntry Paper(string authors, string title, Venue venue, int year, int? month = null)
    {
        var publication = new Publication
        {
            Title = title,
            VenueName = venue.Name,
            VenueShort = venue.Short,
            Year = year,
            Month = month,
            Type = venue.Type,
            Status = venue.Type == PublicationType.Preprint ? PublicationStatus.Preprint : PublicationStatus.Published,
            CreatedAt = DemoData.ReferenceTime.AddHours(-_papers.Count),
            UpdatedAt = DemoData.ReferenceTime,
        };
        var names = authors.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < names.Length; i++)
        {
            publication.Authors.Add(Author(names[i], i));
        }
        var entry = new PaperEntry(publication);
        _papers.Add(entry);
        return entry;
    }

    /// <summary>A paper worded by <see cref="ResearchText"/>, with invented co-authors around <paramref name="owner"/>.</summary>
    public PaperEntry Generated(string owner, ResearchArea area, int year)
    {
        var text = _text.Paper(area);
        var venue = Venues.Pick(_random, area, year);
        var coauthors = _random.Number(1, 4);
        var ownerPosition = _random.Bool(0.6f) ? 0 : _random.Number(1, coauthors);
        var authors = Enumerable.Range(0, coauthors + 1)
            .Select(i => i == ownerPosition ? "@" + owner : _names.Next().Display);
        var entry = Paper(string.Join(", ", authors), text.Title, venue, year, venue.Month ?? (_random.Bool() ? _random.Number(1, 12) : null));
        entry.Summary(text.Summary);
        if (_random.Bool(0.3f))
        {
            entry.Abstract(text.Abstract);
        }
        if (_random.Bool(0.7f))
        {
            entry.Arxiv(DemoIdentifiers.ArxivId(year, _random.Number(1000, 29999)));
        }
        if (venue.Type is PublicationType.Conference or PublicationType.Journal && _random.Bool(0.6f))
        {
            entry.Doi($"{DemoIdentifiers.DoiPrefix}{NameSource.Slugify(venue.Short)}.{year}.{_random.Number(100, 9999)}");
        }
        if (text.SystemName is { } name && _random.Bool(0.6f))
        {
            entry.Link(PublicationLinkKind.Code, $"https://github.com/{NameSource.Slugify(owner)}-lab/{NameSource.Slugify(name)}");
        }
        return entry;
    }

    /// <summary>Links papers to their on-site authors' profiles and numbers every list in display order.</summary>
    public List<Researcher> Finish()
    {
        foreach (var researcher in _people.Values)
        {
            var own = _papers
                .Select((entry, index) => (entry, index))
                .Where(p => p.entry.Publication.Authors.Any(a => a.Researcher == researcher))
                .OrderByDescending(p => p.entry.Publication.Year)
                .ThenByDescending(p => p.entry.Publication.Month ?? 0)
                .ThenBy(p => p.index)
                .Select(p => new ProfilePublication
                {
                    Publication = p.entry.Publication,
                    IsHighlighted = p.entry.HighlightedBy.Contains(researcher.Slug),
                    IsVisible = !p.entry.HiddenBy.Contains(researcher.Slug),
                });
            researcher.Publications.AddRange(own);
            researcher.News = [.. researcher.News.OrderByDescending(n => n.Date)];
            Number(researcher.Links);
            Number(researcher.Education);
            Number(researcher.Positions);
            Number(researcher.News);
            Number(researcher.Publications);
            Number(researcher.Projects);
            Number(researcher.Awards);
            Number(researcher.Service);
            Number(researcher.Talks);
            Number(researcher.Writing);
            foreach (var project in researcher.Projects)
            {
                for (var i = 0; i < project.Links.Count; i++)
                {
                    project.Links[i].SortOrder = i;
                }
                for (var i = 0; i < project.RelatedPublications.Count; i++)
                {
                    project.RelatedPublications[i].SortOrder = i;
                }
            }
        }
        foreach (var entry in _papers)
        {
            for (var i = 0; i < entry.Publication.Links.Count; i++)
            {
                entry.Publication.Links[i].SortOrder = i;
            }
        }
        return [.. _people.Values];
    }

    private static void Number<T>(List<T> items) where T : ProfileItem
    {
        for (var i = 0; i < items.Count; i++)
        {
            items[i].SortOrder = i;
        }
    }

    private PublicationAuthor Author(string spec, int position)
    {
        var equal = false;
        var corresponding = false;
        while (spec.EndsWith('*') || spec.EndsWith('†'))
        {
            equal |= spec.EndsWith('*');
            corresponding |= spec.EndsWith('†');
            spec = spec[..^1];
        }
        var author = new PublicationAuthor { Name = spec, Position = position, EqualContribution = equal, Corresponding = corresponding };
        if (spec.StartsWith('@'))
        {
            var parts = spec[1..].Split('=', 2);
            author.Researcher = _people[parts[0]];
            author.Name = parts.Length == 2 ? parts[1] : author.Researcher.DisplayName;
        }
        return author;
    }
}

/// <summary>A paper being described, with which profiles highlight or hide it.</summary>
internal sealed class PaperEntry(Publication publication)
{
    public Publication Publication { get; } = publication;
    public HashSet<string> HighlightedBy { get; } = new(StringComparer.Ordinal);
    public HashSet<string> HiddenBy { get; } = new(StringComparer.Ordinal);

    public PaperEntry Highlight(params string[] slugs)
    {
        HighlightedBy.UnionWith(slugs);
        return this;
    }

    public PaperEntry HideOn(string slug)
    {
        HiddenBy.Add(slug);
        return this;
    }

    public PaperEntry Summary(string text)
    {
        Publication.Summary = text;
        return this;
    }

    public PaperEntry Abstract(string text)
    {
        Publication.Abstract = text;
        return this;
    }

    public PaperEntry Badge(string badge)
    {
        Publication.Badges.Add(badge);
        return this;
    }

    public PaperEntry Status(PublicationStatus status, string? note = null)
    {
        Publication.Status = status;
        Publication.Note = note;
        return this;
    }

    /// <summary>
    /// Sets an invented arXiv id (see <see cref="DemoIdentifiers"/>). No link to arxiv.org comes with
    /// it: there is no such paper there, and the paper's own page on the site stands in for it.
    /// </summary>
    public PaperEntry Arxiv(string id)
    {
        if (!DemoIdentifiers.IsInventedArxivId(id))
        {
            throw new ArgumentException($"“{id}” could be a real arXiv paper; demo papers use ids such as 2400.16952.", nameof(id));
        }
        Publication.ArxivId = id;
        return this;
    }

    public PaperEntry Doi(string doi)
    {
        if (!DemoIdentifiers.IsInventedDoi(doi))
        {
            throw new ArgumentException($"“{doi}” could be a real DOI; demo papers use the prefix {DemoIdentifiers.DoiPrefix}.", nameof(doi));
        }
        Publication.Doi = doi;
        return this;
    }

    public PaperEntry Details(string? volume = null, string? number = null, string? pages = null, string? publisher = null)
    {
        Publication.Volume = volume;
        Publication.Number = number;
        Publication.Pages = pages;
        Publication.Publisher = publisher;
        return this;
    }

    public PaperEntry Link(PublicationLinkKind kind, string url, string? label = null)
    {
        Publication.Links.Add(new PublicationLink { Kind = kind, Url = url, Label = label });
        return this;
    }
}
