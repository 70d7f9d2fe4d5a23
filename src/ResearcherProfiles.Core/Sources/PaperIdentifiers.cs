using System.Text.RegularExpressions;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Sources;

public enum IdentifierKind
{
    Doi,
    Arxiv,
}

/// <summary>A DOI (lowercase, no prefix) or an arXiv id (without its version).</summary>
public sealed record PaperIdentifier(IdentifierKind Kind, string Value)
{
    public override string ToString() => Kind == IdentifierKind.Doi ? $"DOI {Value}" : $"arXiv:{Value}";
}

/// <summary>The identifiers found in pasted text, in order and each once, and the words that were none.</summary>
public sealed record IdentifierList(IReadOnlyList<PaperIdentifier> Identifiers, IReadOnlyList<string> Unrecognised);

/// <summary>
/// Reads DOIs and arXiv ids as people paste them: bare, with a doi: or arXiv: prefix, as doi.org
/// links, or as arxiv.org abstract and PDF links, separated by spaces, line breaks or commas.
/// </summary>
public static partial class PaperIdentifiers
{
    public static IdentifierList Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PaperIdentifier>();
        var unrecognised = new List<string>();
        var words = text.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Trim('"', '\'', '<', '>').TrimEnd(';', '.');
            // "doi: 10.1/x" and "arXiv: 2403.16952" are one identifier written as two words.
            if ((word.Equals("doi:", StringComparison.OrdinalIgnoreCase) || word.Equals("arxiv:", StringComparison.OrdinalIgnoreCase)) && i + 1 < words.Length)
            {
                word += words[++i].Trim('"', '\'', '<', '>').TrimEnd(';', '.');
            }
            if (word.Length == 0)
            {
                continue;
            }
            var identifier = Read(word);
            if (identifier is null)
            {
                unrecognised.Add(word.Length > 80 ? word[..80] + "…" : word);
            }
            else if (!found.Contains(identifier))
            {
                found.Add(identifier);
            }
        }
        return new IdentifierList(found, unrecognised);
    }

    /// <summary>One identifier, or null when the word is neither a DOI nor an arXiv id.</summary>
    public static PaperIdentifier? Read(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var arxivLink = ArxivLink().Match(word);
        if (arxivLink.Success)
        {
            var path = arxivLink.Groups["id"].Value;
            path = path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
            return ScholarlyIds.NormalizeArxivId(path) is { } linked ? new PaperIdentifier(IdentifierKind.Arxiv, linked) : null;
        }
        if (ScholarlyIds.NormalizeDoi(word.StartsWith("https://www.doi.org/", StringComparison.OrdinalIgnoreCase) ? word[20..] : word) is { } doi)
        {
            // No real DOI has "." or ".." between its slashes; in a web address they would lead elsewhere.
            if (doi.Split('/').Any(s => s is "." or ".."))
            {
                return null;
            }
            // arXiv's own DOIs (10.48550/arXiv.2403.16952) name the arXiv paper: arXiv describes it best.
            return doi.StartsWith("10.48550/arxiv.", StringComparison.Ordinal) && ScholarlyIds.NormalizeArxivId(doi[15..]) is { } minted
                ? new PaperIdentifier(IdentifierKind.Arxiv, minted)
                : new PaperIdentifier(IdentifierKind.Doi, doi);
        }
        return ScholarlyIds.NormalizeArxivId(word) is { } arxiv ? new PaperIdentifier(IdentifierKind.Arxiv, arxiv) : null;
    }

    [GeneratedRegex(@"^https?://(www\.|export\.)?arxiv\.org/(abs|pdf)/(?<id>.+?)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivLink();
}
