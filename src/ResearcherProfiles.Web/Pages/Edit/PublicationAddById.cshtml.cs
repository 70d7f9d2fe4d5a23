using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Web.Editing;
using ResearcherProfiles.Web.Sources;

namespace ResearcherProfiles.Web.Pages.Edit;

/// <summary>
/// Add by identifier: pasted DOIs and arXiv ids are looked up at doi.org and arXiv, each with its
/// own answer, and the papers found are written as BibTeX and handed to the BibTeX import, whose
/// preview, matching and one-transaction import they then go through like any pasted entry.
/// </summary>
public sealed class PublicationAddByIdModel(IdentifierLookup lookup, ProfileAccess access, IOutputCacheStore publicPages)
    : EditorPageModel(access, publicPages)
{
    public const int MaxLength = 20_000;
    public const string EmptyMessage = "Paste at least one DOI or arXiv id.";
    public static readonly string TooManyMessage = $"Paste at most {IdentifierLookup.MaxIdentifiers} identifiers at a time; look up the rest afterwards.";

    [BindProperty]
    [Display(Name = "DOIs and arXiv ids")]
    public string? Identifiers { get; set; }

    public IReadOnlyList<LookupResult>? Results { get; private set; }

    public IReadOnlyList<string> Unrecognised { get; private set; } = [];

    /// <summary>The papers found, as BibTeX for the import's preview.</summary>
    public string? Bibtex { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostLookupAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Identifiers))
        {
            ModelState.AddModelError(nameof(Identifiers), EmptyMessage);
            return Page();
        }
        if (Identifiers.Length > MaxLength)
        {
            ModelState.AddModelError(nameof(Identifiers), TooManyMessage);
            return Page();
        }
        var list = PaperIdentifiers.Parse(Identifiers);
        if (list.Identifiers.Count > IdentifierLookup.MaxIdentifiers)
        {
            ModelState.AddModelError(nameof(Identifiers), $"{TooManyMessage} You pasted {list.Identifiers.Count}.");
            return Page();
        }
        if (list.Identifiers.Count == 0)
        {
            ModelState.AddModelError(nameof(Identifiers), "No DOI or arXiv id was found. DOIs look like 10.1162/neco.1997.9.8.1735, arXiv ids like 2403.16952.");
            return Page();
        }
        Unrecognised = list.Unrecognised;
        Results = await lookup.LookupAsync(list.Identifiers, ct);
        var papers = IdentifierLookup.Papers(Results);
        Bibtex = papers.Count == 0 ? null : FetchedBibtex.Write(papers);
        return Page();
    }
}
