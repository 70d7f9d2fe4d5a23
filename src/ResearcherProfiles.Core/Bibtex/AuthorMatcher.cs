using System.Globalization;
using System.Text;

namespace ResearcherProfiles.Core.Bibtex;

/// <summary>A researcher on the site and every way their name may be written in an author list.</summary>
public sealed record KnownPerson(int ResearcherId, string DisplayName, string? GivenName, string FamilyName, IReadOnlyList<string> NameVariants);

/// <summary>
/// Finds researchers in BibTeX author lists. A name matches when its surname agrees (ignoring case,
/// accents, hyphens, spaces and particles) and each given name it has agrees with the researcher's
/// given name at that place, either in full or as an initial: "M. Castellanos", "Castellanos, Mira",
/// "Mira Castellanos-Díaz" (with that variant) and "MJ Castellanos" all find Mira J. Castellanos.
/// </summary>
public sealed class AuthorMatcher
{
    private readonly Dictionary<string, List<(int ResearcherId, NameForm Form)>> bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> displayNames = [];

    public AuthorMatcher(IEnumerable<KnownPerson> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        foreach (var person in people)
        {
            displayNames[person.ResearcherId] = person.DisplayName;
            foreach (var form in FormsOf(person))
            {
                foreach (var surname in form.SurnameKeys)
                {
                    if (!bySurname.TryGetValue(surname, out var list))
                    {
                        bySurname[surname] = list = [];
                    }
                    list.Add((person.ResearcherId, form));
                }
            }
        }
    }

    /// <summary>Every researcher the name could be, without repeats; empty when none.</summary>
    public IReadOnlyList<int> Find(BibtexName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.IsOthers)
        {
            return [];
        }
        var candidate = NameForm.From(name);
        if (candidate is null)
        {
            return [];
        }
        var found = new List<int>();
        foreach (var surname in candidate.SurnameKeys)
        {
            if (!bySurname.TryGetValue(surname, out var forms))
            {
                continue;
            }
            foreach (var (researcherId, form) in forms)
            {
                if (!found.Contains(researcherId) && form.SurnamesAgree(candidate) && GivenNamesAgree(form.Given, candidate.Given))
                {
                    found.Add(researcherId);
                }
            }
        }
        return found;
    }

    public string DisplayNameOf(int researcherId) => displayNames[researcherId];

    private static IEnumerable<NameForm> FormsOf(KnownPerson person)
    {
        if (!string.IsNullOrWhiteSpace(person.GivenName) && !string.IsNullOrWhiteSpace(person.FamilyName))
        {
            var form = NameForm.From(new BibtexName(person.GivenName.Trim(), "", person.FamilyName.Trim(), "", false, false));
            if (form is not null)
            {
                yield return form;
            }
        }
        foreach (var text in person.NameVariants.Prepend(person.DisplayName))
        {
            foreach (var parsed in BibtexNames.Parse(text).Take(1))
            {
                if (NameForm.From(parsed) is { } form)
                {
                    yield return form;
                }
            }
        }
    }

    /// <summary>
    /// The candidate's given names are compared in order with the researcher's; a candidate may give
    /// fewer ("M. Castellanos") or add middle names the researcher's form lacks ("Mira J. Castellanos"),
    /// but at least the first must be there and agree.
    /// </summary>
    private static bool GivenNamesAgree(IReadOnlyList<string> known, IReadOnlyList<string> candidate)
    {
        if (known.Count == 0 || candidate.Count == 0)
        {
            return false;
        }
        var count = Math.Min(known.Count, candidate.Count);
        for (var i = 0; i < count; i++)
        {
            var (a, b) = (known[i], candidate[i]);
            var agree = a.Length == 1 || b.Length == 1 ? a[0] == b[0] : a == b;
            if (!agree)
            {
                return false;
            }
        }
        return true;
    }

    private sealed record NameForm(IReadOnlyList<string> Given, string Surname, string SurnameWithParticles)
    {
        public IEnumerable<string> SurnameKeys => Surname == SurnameWithParticles ? [Surname] : [Surname, SurnameWithParticles];

        /// <summary>"van der Berg" agrees with "Berg" and with "vanderberg", but "van der Berg" and "de Berg" do not.</summary>
        public bool SurnamesAgree(NameForm other) =>
            SurnameWithParticles == other.SurnameWithParticles
            || ((Surname == SurnameWithParticles || other.Surname == other.SurnameWithParticles)
                && SurnameKeys.Intersect(other.SurnameKeys).Any());

        public static NameForm? From(BibtexName name)
        {
            var surname = Key(name.Last);
            if (surname.Length == 0)
            {
                return null;
            }
            var withParticles = Key(name.Von + name.Last);
            return new NameForm(GivenParts(name.First), surname, withParticles);
        }

        /// <summary>Given names as lowercase parts; initials written together ("MJ", "J.-P.") become separate letters.</summary>
        private static List<string> GivenParts(string given)
        {
            var parts = new List<string>();
            foreach (var word in given.Split([' ', '-', '.', '\u2010', '\u2011'], StringSplitOptions.RemoveEmptyEntries))
            {
                var letters = Key(word);
                if (letters.Length == 0)
                {
                    continue;
                }
                var isRunOfInitials = letters.Length <= 3 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Count(char.IsLetter) > 1;
                if (isRunOfInitials)
                {
                    parts.AddRange(letters.Select(c => c.ToString()));
                }
                else
                {
                    parts.Add(letters);
                }
            }
            return parts;
        }
    }

    /// <summary>Lowercase letters and digits only, accents removed: "Castellanos-Díaz" → "castellanosdiaz".</summary>
    internal static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }
        return key.ToString()
            .Replace("ø", "o", StringComparison.Ordinal)
            .Replace("ł", "l", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("œ", "oe", StringComparison.Ordinal)
            .Replace("ı", "i", StringComparison.Ordinal);
    }
}
