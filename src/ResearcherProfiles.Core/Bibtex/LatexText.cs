using System.Text;

namespace ResearcherProfiles.Core.Bibtex;

/// <summary>
/// Turns the LaTeX found in BibTeX fields into plain Unicode text for display and matching.
/// It is not a TeX interpreter: it knows accents, special letters, escapes, dashes, common Greek and
/// math symbols, and otherwise keeps a command's argument text so nothing readable is lost.
/// </summary>
public static class LatexText
{
    private static readonly Dictionary<string, char> Accents = new(StringComparer.Ordinal)
    {
        ["\""] = '\u0308', ["'"] = '\u0301', ["`"] = '\u0300', ["^"] = '\u0302', ["~"] = '\u0303',
        ["="] = '\u0304', ["."] = '\u0307', ["u"] = '\u0306', ["v"] = '\u030C', ["H"] = '\u030B',
        ["c"] = '\u0327', ["k"] = '\u0328', ["r"] = '\u030A', ["d"] = '\u0323', ["b"] = '\u0331',
    };

    private const int MaxArgumentNesting = 32;

    private static readonly HashSet<string> LetterCommands =
        new(["o", "O", "ss", "l", "L", "ae", "AE", "oe", "OE", "aa", "AA", "i", "j"], StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["o"] = "ø", ["O"] = "Ø", ["ss"] = "ß", ["l"] = "ł", ["L"] = "Ł", ["ae"] = "æ", ["AE"] = "Æ",
        ["oe"] = "œ", ["OE"] = "Œ", ["aa"] = "å", ["AA"] = "Å", ["i"] = "ı", ["j"] = "ȷ",
        ["&"] = "&", ["%"] = "%", ["$"] = "$", ["#"] = "#", ["_"] = "_", ["{"] = "{", ["}"] = "}",
        [" "] = " ", ["\\"] = " ", [","] = " ", [";"] = " ", ["-"] = "", ["/"] = "",
        // The text-mode spellings of characters that are special to LaTeX, as exports write them.
        ["textasciitilde"] = "~", ["textasciicircum"] = "^", ["textbackslash"] = "\\", ["textbraceleft"] = "{", ["textbraceright"] = "}",
        ["textendash"] = "–", ["textemdash"] = "—", ["ldots"] = "…", ["dots"] = "…", ["textellipsis"] = "…",
        ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["copyright"] = "©", ["textregistered"] = "®", ["texttrademark"] = "™",
        ["cdot"] = "·", ["times"] = "×", ["pm"] = "±", ["leq"] = "≤", ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥",
        ["neq"] = "≠", ["ne"] = "≠", ["approx"] = "≈", ["infty"] = "∞", ["to"] = "→", ["rightarrow"] = "→",
        ["leftarrow"] = "←", ["in"] = "∈", ["ell"] = "ℓ", ["sim"] = "~", ["log"] = "log", ["sum"] = "∑",
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["iota"] = "ι", ["kappa"] = "κ", ["lambda"] = "λ",
        ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ",
        ["upsilon"] = "υ", ["phi"] = "φ", ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π",
        ["Sigma"] = "Σ", ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
    };

    /// <summary>Converts LaTeX markup to NFC-normalised Unicode with whitespace collapsed.</summary>
    public static string ToUnicode(string latex)
    {
        ArgumentNullException.ThrowIfNull(latex);
        var output = new StringBuilder(latex.Length);
        var pos = 0;
        Convert(latex, ref pos, output, stopAtClosingBrace: false, level: 0);
        return Collapse(output).Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Plain braces are counted rather than recursed into, and accent arguments nest at most
    /// <see cref="MaxArgumentNesting"/> deep, so hostile input cannot overflow the stack.
    /// </summary>
    private static void Convert(string s, ref int pos, StringBuilder output, bool stopAtClosingBrace, int level)
    {
        var depth = 0;
        while (pos < s.Length)
        {
            var c = s[pos];
            switch (c)
            {
                case '\\':
                    ConvertCommand(s, ref pos, output, level);
                    break;
                case '{':
                    // Protective braces only stop BibTeX from changing case; their content is kept as is.
                    pos++;
                    depth++;
                    break;
                case '}':
                    pos++;
                    if (depth > 0)
                    {
                        depth--;
                    }
                    else if (stopAtClosingBrace)
                    {
                        return;
                    }

                    break;
                case '$':
                    pos++;
                    break;
                case '~':
                    // A plain space rather than U+00A0, so names and titles match what people type.
                    output.Append(' ');
                    pos++;
                    break;
                case '-' when At(s, pos, "---"):
                    output.Append('—');
                    pos += 3;
                    break;
                case '-' when At(s, pos, "--"):
                    output.Append('–');
                    pos += 2;
                    break;
                case '`' when At(s, pos, "``"):
                    output.Append('“');
                    pos += 2;
                    break;
                case '\'' when At(s, pos, "''"):
                    output.Append('”');
                    pos += 2;
                    break;
                default:
                    output.Append(c);
                    pos++;
                    break;
            }
        }
    }

    private static void ConvertCommand(string s, ref int pos, StringBuilder output, int level)
    {
        pos++;
        if (pos >= s.Length)
        {
            return;
        }

        string name;
        if (char.IsAsciiLetter(s[pos]))
        {
            var start = pos;
            while (pos < s.Length && char.IsAsciiLetter(s[pos]))
            {
                pos++;
            }

            name = s[start..pos];
        }
        else
        {
            name = s[pos].ToString();
            pos++;
        }

        var isWord = char.IsAsciiLetter(name[0]);
        if (Accents.TryGetValue(name, out var combining) && (!isWord || !Symbols.ContainsKey(name) || NextIsArgument(s, pos)))
        {
            if (isWord)
            {
                SkipSpaces(s, ref pos);
            }

            if (level >= MaxArgumentNesting)
            {
                return;
            }

            var argument = ReadArgument(s, ref pos, level + 1);
            if (argument.Length == 0)
            {
                return;
            }

            // A dotless i or j under an accent is the ordinary letter in Unicode (í, not ı́).
            var first = argument[0] switch { 'ı' => 'i', 'ȷ' => 'j', var other => other };
            output.Append(first).Append(combining).Append(argument, 1, argument.Length - 1);
            return;
        }

        if (Symbols.TryGetValue(name, out var symbol))
        {
            output.Append(symbol);
            // TeX swallows the space after a control word; that matters for letters (\o rsted is
            // Ørsted) but after \leq or \LaTeX the space is what keeps the text readable.
            if (isWord && LetterCommands.Contains(name))
            {
                SkipSpaces(s, ref pos);
                if (At(s, pos, "{}"))
                {
                    pos += 2;
                }
            }

            return;
        }

        // Formatting and unknown commands: keep the argument text (\emph{x}, \textbf{x}, \url{x}).
        if (isWord)
        {
            SkipSpaces(s, ref pos);
            while (pos < s.Length && s[pos] == '[')
            {
                var close = s.IndexOf(']', pos);
                pos = close < 0 ? s.Length : close + 1;
            }
        }
    }

    private static bool NextIsArgument(string s, int pos) => pos < s.Length && s[pos] == '{';

    private static string ReadArgument(string s, ref int pos, int level)
    {
        if (pos >= s.Length)
        {
            return string.Empty;
        }

        var group = new StringBuilder();
        if (s[pos] == '{')
        {
            pos++;
            Convert(s, ref pos, group, stopAtClosingBrace: true, level);
        }
        else if (s[pos] == '\\')
        {
            ConvertCommand(s, ref pos, group, level);
        }
        else
        {
            group.Append(s[pos]);
            pos++;
        }

        return group.ToString();
    }

    private static void SkipSpaces(string s, ref int pos)
    {
        while (pos < s.Length && s[pos] is ' ' or '\t' or '\n' or '\r')
        {
            pos++;
        }
    }

    private static bool At(string s, int pos, string token) => string.CompareOrdinal(s, pos, token, 0, token.Length) == 0;

    private static string Collapse(StringBuilder value)
    {
        var result = new StringBuilder(value.Length);
        var pendingSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
