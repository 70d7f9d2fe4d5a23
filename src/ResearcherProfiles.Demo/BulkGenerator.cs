using Bogus;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Demo;

/// <summary>
/// Generates researchers for benchmarks in self-contained batches: researchers are grouped into labs
/// and co-author within their lab, so every shared paper is created together with all of its
/// on-site authors and no batch ever has to read back what an earlier one wrote.
/// </summary>
internal sealed class BulkGenerator
{
    private const int LabSize = 8;
    private const int CollaboratorsPerLab = 14;

    private static readonly string[] Universities =
    [
        "Northbridge University", "Valmont Institute of Technology", "Technical University of Aldermark",
        "University of Eastmere", "Kestrel Bay University", "Harrowgate Institute of Technology", "Selwyn University",
        "University of Bergenhavn", "Deccan Institute of Technology", "Institute for Language Systems",
        "University of Trevisano", "National Huaxin University", "University of the Gold Coast", "Universidad de Levante",
    ];

    private static readonly string[] Companies = ["Lumen Research", "Meridian Labs", "Quartzline Systems", "Orchard Labs", "Halcyon Labs"];

    private static readonly ResearchArea[] Areas = Enum.GetValues<ResearchArea>();

    private static readonly string[] Badges = ["Spotlight", "Oral Presentation", "Best Paper Award", "Outstanding Paper Award"];

    private readonly Randomizer _random;
    private readonly ResearchText _text;
    private readonly NameSource _names;
    private readonly HashSet<string> _takenSlugs;
    private int _created;

    public BulkGenerator(int seed, HashSet<string> takenSlugs)
    {
        _random = new Randomizer(seed);
        _text = new ResearchText(_random);
        _names = new NameSource(_random);
        _takenSlugs = takenSlugs;
    }

    public List<Researcher> NextBatch(int size)
    {
        var batch = new List<Researcher>(size);
        while (batch.Count < size)
        {
            batch.AddRange(Lab(Math.Min(LabSize, size - batch.Count)));
        }
        return batch;
    }

    private List<Researcher> Lab(int size)
    {
        var area = _random.ArrayElement(Areas);
        var industry = _random.Bool(0.2f);
        var affiliation = industry ? _random.ArrayElement(Companies) : _random.ArrayElement(Universities);
        var domain = NameSource.Slugify(affiliation) + ".example";
        var collaborators = Enumerable.Range(0, CollaboratorsPerLab).Select(_ => _names.Next().Display).ToArray();

        var members = new List<Researcher>(size);
        for (var i = 0; i < size; i++)
        {
            members.Add(Person(area, affiliation, domain, industry, isLead: i == 0));
        }
        Publications(members, area, collaborators);
        return members;
    }

    private Researcher Person(ResearchArea area, string affiliation, string domain, bool industry, bool isLead)
    {
        var name = _names.Next();
        var slug = NameSource.UniqueSlug(name.Display, _takenSlugs);
        var title = (industry, isLead) switch
        {
            (true, true) => "Principal Research Scientist",
            (true, false) => _random.ArrayElement(["Research Scientist", "Research Engineer", "Senior Research Scientist"]),
            (false, true) => _random.ArrayElement(["Professor", "Associate Professor"]),
            (false, false) => _random.WeightedRandom(["Ph.D. Student", "Postdoctoral Researcher", "Lecturer"], [0.65f, 0.25f, 0.1f]),
        };
        var interests = _text.Interests(area, _random.Number(2, 4));
        var now = DemoData.ReferenceTime;
        var researcher = new Researcher
        {
            Slug = slug,
            DisplayName = name.Display,
            GivenName = name.Given,
            FamilyName = name.Family,
            NameVariants = name.Variants(),
            Headline = $"{title} at {affiliation}",
            Affiliation = affiliation,
            AboutMarkdown = $"I am {Article(title)} {LowerFirst(title)} at {affiliation}, working on {Enumerate(interests.Select(LowerFirst))}. "
                + $"Lately I have been thinking about {_text.Technique(area)} for {_text.Task(area)}.",
            Email = $"{NameSource.Slugify(name.Given)}.{NameSource.Slugify(name.Family)}".Replace('-', '.') + "@" + domain,
            ShowEmail = _random.Bool(0.7f),
            Interests = [.. interests],
            Skills = [.. _random.ListItems(["Python", "PyTorch", "JAX", "C++", "CUDA", "R", "Julia", "Rust"], _random.Number(2, 4))],
            CreatedAt = now.AddMinutes(-(++_created)),
            UpdatedAt = now,
            Links =
            [
                new() { Kind = ProfileLinkKind.GoogleScholar, Url = $"https://scholar.google.com/citations?user={_random.AlphaNumeric(12)}" },
                new() { Kind = ProfileLinkKind.GitHub, Url = $"https://github.com/{slug}-demo", SortOrder = 1 },
            ],
        };
        Education(researcher, title, affiliation);
        Positions(researcher, title, affiliation, industry);
        News(researcher, area);
        return researcher;
    }

    private static string Article(string noun) => "AEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>"Computer vision" reads as "computer vision" mid-sentence, but "3D vision" and "ML systems" keep their capitals.</summary>
    private static string LowerFirst(string phrase) =>
        phrase.Length > 1 && char.IsUpper(phrase[0]) && char.IsLower(phrase[1]) ? char.ToLowerInvariant(phrase[0]) + phrase[1..] : phrase;

    private static string Enumerate(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }

    private void Education(Researcher researcher, string title, string affiliation)
    {
        var student = title == "Ph.D. Student";
        var phdStart = student ? _random.Number(2019, 2024) : _random.Number(2005, 2018);
        researcher.Education.Add(new Education
        {
            Degree = "Ph.D. in Computer Science",
            Institution = student ? affiliation : _random.ArrayElement(Universities),
            Advisors = _names.Next().Display,
            Start = new PartialDate(phdStart, _random.Bool() ? 9 : null),
            End = student ? null : new PartialDate(phdStart + _random.Number(4, 6)),
        });
        if (_random.Bool(0.6f))
        {
            researcher.Education.Add(new Education
            {
                Degree = _random.ArrayElement(["B.Sc. in Computer Science", "B.Eng. in Electrical Engineering", "B.Sc. in Mathematics"]),
                Institution = _random.ArrayElement(Universities),
                Start = new PartialDate(phdStart - 4),
                End = new PartialDate(phdStart),
                SortOrder = 1,
            });
        }
    }

    private void Positions(Researcher researcher, string title, string affiliation, bool industry)
    {
        var start = _random.Number(2016, 2025);
        researcher.Positions.Add(new Position
        {
            Title = title,
            Employer = affiliation,
            Kind = title == "Ph.D. Student" ? PositionKind.Other : PositionKind.Job,
            Start = new PartialDate(start, _random.Number(1, 12)),
        });
        if (_random.Bool(0.5f))
        {
            var year = Math.Max(2015, start - _random.Number(1, 3));
            researcher.Positions.Add(new Position
            {
                Title = industry ? "Research Scientist" : "Research Intern",
                Employer = _random.ArrayElement(Companies),
                Kind = industry ? PositionKind.Job : PositionKind.Internship,
                Start = new PartialDate(year, 6),
                End = new PartialDate(year, 9),
                SortOrder = 1,
            });
        }
    }

    private void News(Researcher researcher, ResearchArea area)
    {
        var count = _random.Number(2, 5);
        // Months since year 0, so stepping back across a new year needs no special case.
        var months = 2025 * 12 + _random.Number(5, 11);
        for (var i = 0; i < count; i++)
        {
            var date = new PartialDate(months / 12, months % 12 + 1);
            var venue = _random.ListItem(Venues.For(area).Where(v => v.Type == PublicationType.Conference).ToList()).Short;
            researcher.News.Add(new NewsItem
            {
                Date = date,
                BodyMarkdown = _random.Number(2) switch
                {
                    0 => $"Paper accepted to **{venue} {date.Year}**.",
                    1 => $"Gave a talk at the {venue} {date.Year} workshop on {_text.Task(area)}.",
                    _ => $"Serving as a reviewer for **{venue} {date.Year + 1}**.",
                },
                SortOrder = i,
            });
            months -= _random.Number(2, 9);
        }
    }

    /// <summary>
    /// Gives each member about fifty papers. A paper started for one member may add lab mates
    /// who still need papers, which is what makes records shared between profiles.
    /// </summary>
    private void Publications(List<Researcher> members, ResearchArea area, string[] collaborators)
    {
        var targets = members.Select(_ => _random.Number(45, 55)).ToArray();
        var counts = new int[members.Count];
        for (var owner = 0; owner < members.Count; owner++)
        {
            while (counts[owner] < targets[owner])
            {
                var onSite = new List<int> { owner };
                if (_random.Bool(0.35f))
                {
                    var mates = Enumerable.Range(0, members.Count)
                        .Where(m => m != owner && counts[m] < targets[m])
                        .ToList();
                    onSite.AddRange(_random.ListItems(mates, Math.Min(mates.Count, _random.Number(1, 2))));
                }
                var publication = Paper(area, members, onSite, collaborators);
                foreach (var m in onSite)
                {
                    counts[m]++;
                    members[m].Publications.Add(new ProfilePublication { Publication = publication, IsVisible = _random.Bool(0.99f) });
                }
            }
        }
        foreach (var member in members)
        {
            member.Publications = [.. member.Publications
                .OrderByDescending(p => p.Publication!.Year)
                .ThenByDescending(p => p.Publication!.Month ?? 0)];
            for (var i = 0; i < member.Publications.Count; i++)
            {
                member.Publications[i].SortOrder = i;
                member.Publications[i].IsHighlighted = _random.Bool(0.08f);
            }
        }
    }

    private Publication Paper(ResearchArea area, List<Researcher> members, List<int> onSite, string[] collaborators)
    {
        var year = 2026 - (int)Math.Floor(Math.Pow(_random.Double(), 1.5) * 12);
        var venue = Venues.Pick(_random, area, year);
        var month = venue.Month ?? (_random.Bool() ? _random.Number(1, 12) : null);
        var paper = _text.Paper(area);
        var status = venue.Type == PublicationType.Preprint ? PublicationStatus.Preprint
            : year < 2026 ? PublicationStatus.Published
            : _random.WeightedRandom([PublicationStatus.Accepted, PublicationStatus.UnderReview, PublicationStatus.InPreparation], [0.6f, 0.3f, 0.1f]);
        var publication = new Publication
        {
            Title = paper.Title,
            VenueName = venue.Name,
            VenueShort = venue.Short,
            Year = year,
            Month = month,
            Type = venue.Type,
            Status = status,
            Summary = _random.Bool(0.8f) ? paper.Summary : null,
            Abstract = _random.Bool(0.1f) ? paper.Abstract : null,
            CreatedAt = DemoData.ReferenceTime,
            UpdatedAt = DemoData.ReferenceTime,
        };
        if (_random.Bool(0.05f))
        {
            publication.Badges.Add(_random.ArrayElement(Badges));
        }
        if (_random.Bool(0.5f))
        {
            publication.ArxivId = DemoIdentifiers.ArxivId(year, _random.Number(1000, 29999));
        }
        if (venue.Type is PublicationType.Conference or PublicationType.Journal && _random.Bool(0.4f))
        {
            publication.Doi = $"{DemoIdentifiers.DoiPrefix}{NameSource.Slugify(venue.Short)}.{year}.{_random.Number(100, 99999)}";
        }

        var authorCount = Math.Max(onSite.Count, _random.Number(3, 6));
        var offSite = _random.ListItems(collaborators, authorCount - onSite.Count);
        // The lab lead, when on the paper, goes last as senior author, as in most of the field.
        var lead = onSite.Contains(0) && onSite.Count > 1 ? 0 : -1;
        var order = onSite.Where(m => m != lead).Select(m => (Member: m, Name: members[m].DisplayName))
            .Concat(offSite.Select(n => (Member: -1, Name: n)))
            .ToList();
        if (_random.Bool(0.4f))
        {
            order = [.. _random.Shuffle(order)];
        }
        if (lead >= 0)
        {
            order.Add((lead, members[lead].DisplayName));
        }
        var equal = _random.Bool(0.1f);
        for (var i = 0; i < order.Count; i++)
        {
            publication.Authors.Add(new PublicationAuthor
            {
                Position = i,
                Name = order[i].Name,
                Researcher = order[i].Member >= 0 ? members[order[i].Member] : null,
                EqualContribution = equal && i < 2,
                Corresponding = i == order.Count - 1 && _random.Bool(0.3f),
            });
        }
        return publication;
    }
}
