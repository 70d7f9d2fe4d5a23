using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Citations;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Pages.People;

public sealed record LinkView(string Label, string Url);

public sealed record PublicationView(
    int Id,
    string Title,
    IReadOnlyList<AuthorView> Authors,
    string? VenueName,
    string? VenueShort,
    int? Year,
    int? Month,
    PublicationType Type,
    PublicationStatus Status,
    IReadOnlyList<string> Badges,
    IReadOnlyList<LinkView> Links,
    string? Summary,
    bool IsHighlighted)
{
    /// <summary>Whether the list this item is in marks highlighted papers (the full list does, the selection does not).</summary>
    public bool MarkHighlighted { get; init; }

    /// <summary>The paper's BibTeX entry without its abstract, for the "Cite" block; empty when there is none.</summary>
    public string Bibtex { get; init; } = string.Empty;

    /// <summary>The paper's own page.</summary>
    public string PagePath => PaperModel.PathFor(Id, Title);

    public string? DateText => (Year, Month) switch
    {
        (int y, int m) => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m)} {y}",
        (int y, null) => y.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public string? StatusText => Status switch
    {
        PublicationStatus.Published => null,
        PublicationStatus.Accepted => "Accepted",
        PublicationStatus.UnderReview => "Under review",
        PublicationStatus.Preprint => "Preprint",
        PublicationStatus.InPreparation => "In preparation",
        PublicationStatus.AwaitingRevision => "Awaiting revision",
        _ => null,
    };
}

/// <summary>Loads a profile's publications with their authors and links in three queries, whatever their number.</summary>
public static class PublicationQueries
{
    /// <summary>The profile's visible entries; <paramref name="highlightedOnly"/> keeps the selected ones.</summary>
    public static IQueryable<ProfilePublication> Visible(AppDbContext db, int researcherId, bool highlightedOnly = false) =>
        db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId && pp.IsVisible && (!highlightedOnly || pp.IsHighlighted));

    /// <summary>
    /// The publications of <paramref name="entries"/>, in its order, with their authors and links:
    /// three queries, each bounded by what <paramref name="entries"/> selects (a page of a list
    /// selects its page with Skip/Take).
    /// </summary>
    public static async Task<IReadOnlyList<PublicationView>> LoadAsync(
        AppDbContext db, int researcherId, IQueryable<ProfilePublication> entries, CancellationToken ct)
    {
        var rows = await entries
            .Select(pp => new
            {
                pp.PublicationId,
                pp.IsHighlighted,
                P = new
                {
                    pp.Publication!.Title,
                    pp.Publication.VenueName,
                    pp.Publication.VenueShort,
                    pp.Publication.Year,
                    pp.Publication.Month,
                    pp.Publication.Type,
                    pp.Publication.Status,
                    pp.Publication.Badges,
                    pp.Publication.Doi,
                    pp.Publication.ArxivId,
                    pp.Publication.Url,
                    pp.Publication.Summary,
                    pp.Publication.Volume,
                    pp.Publication.Number,
                    pp.Publication.Pages,
                    pp.Publication.Publisher,
                    pp.Publication.Note,
                    pp.Publication.Keywords,
                    pp.Publication.CitationKey,
                },
            })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(e => e.PublicationId).ToList();
        var authors = (await db.PublicationAuthors
                .Where(a => ids.Contains(a.PublicationId))
                .OrderBy(a => a.PublicationId).ThenBy(a => a.Position)
                .Select(a => new
                {
                    a.PublicationId,
                    a.Name,
                    a.ResearcherId,
                    Slug = a.Researcher != null && !a.Researcher.IsHidden && a.Researcher.DeletedAt == null ? a.Researcher.Slug : null,
                    a.EqualContribution,
                    a.Corresponding,
                })
                .ToListAsync(ct))
            .ToLookup(a => a.PublicationId, a => new AuthorView(a.Name, a.Slug, a.ResearcherId == researcherId, a.EqualContribution, a.Corresponding));
        var links = (await db.PublicationLinks
                .Where(l => ids.Contains(l.PublicationId))
                .OrderBy(l => l.SortOrder)
                .Select(l => new PublicationLink { PublicationId = l.PublicationId, SortOrder = l.SortOrder, Kind = l.Kind, Label = l.Label, Url = l.Url })
                .ToListAsync(ct))
            .ToLookup(l => l.PublicationId);

        return rows.Select(e =>
        {
            var identifierLinks = new List<LinkView>();
            if (e.P.Url is not null && SafeUrl.IsHttpUrl(e.P.Url))
            {
                identifierLinks.Add(new LinkView("Paper", e.P.Url));
            }
            if (e.P.ArxivId is not null)
            {
                identifierLinks.Add(new LinkView($"arXiv:{e.P.ArxivId}", IdentifierLinks.Arxiv(e.P.ArxivId)));
            }
            if (e.P.Doi is not null)
            {
                identifierLinks.Add(new LinkView("DOI", IdentifierLinks.Doi(e.P.Doi)));
            }
            var citation = new Publication
            {
                Title = e.P.Title, VenueName = e.P.VenueName, VenueShort = e.P.VenueShort, Year = e.P.Year, Month = e.P.Month,
                Type = e.P.Type, Status = e.P.Status, Badges = e.P.Badges, Doi = e.P.Doi, ArxivId = e.P.ArxivId, Url = e.P.Url,
                Volume = e.P.Volume, Number = e.P.Number, Pages = e.P.Pages, Publisher = e.P.Publisher, Note = e.P.Note,
                Keywords = e.P.Keywords, CitationKey = e.P.CitationKey,
                Authors = authors[e.PublicationId].Select((a, i) => new PublicationAuthor { Name = a.Name, Position = i }).ToList(),
                Links = links[e.PublicationId].ToList(),
            };
            return new PublicationView(
                e.PublicationId, e.P.Title, authors[e.PublicationId].ToList(), e.P.VenueName, e.P.VenueShort,
                e.P.Year, e.P.Month, e.P.Type, e.P.Status, e.P.Badges,
                [
                    .. links[e.PublicationId].Where(l => SafeUrl.IsAllowed(l.Url)).Select(l => new LinkView(l.Label ?? LinkLabels.For(l.Kind), l.Url)),
                    .. identifierLinks,
                ],
                e.P.Summary, e.IsHighlighted)
            {
                Bibtex = BibtexWriter.WriteCitation(citation),
            };
        }).ToList();
    }
}
