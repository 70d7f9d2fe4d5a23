using System.Globalization;
using System.Text;

namespace ResearcherProfiles.Core.Bibtex;

/// <summary>
/// A hand-written, single-pass BibTeX reader. Every loop only moves forward through the text, so
/// large files parse in linear time; a malformed entry is reported and skipped so the rest still import.
/// @string macros can refer to each other, so a few hundred bytes could otherwise expand to gigabytes
/// ("a # a" twenty times over): what macros add is bounded per value, per entry and per file.
/// </summary>
public sealed class BibtexParser
{
    /// <summary>The most characters one field or @string value may have once its macros are expanded.</summary>
    public const int MaxFieldLength = 100_000;

    /// <summary>The most characters all fields of one entry may have once their macros are expanded.</summary>
    public const int MaxEntryLength = 1_000_000;

    /// <summary>The most characters @string macros may contribute to one file in all.</summary>
    public const int MaxMacroExpansionPerFile = 10_000_000;

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private readonly string _text;
    private readonly int[] _lineStarts;
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _oversizedMacros = new(StringComparer.OrdinalIgnoreCase);
    private int _expandedFromMacros;
    private readonly List<BibtexEntry> _entries = [];
    private readonly List<BibtexError> _errors = [];
    private int _pos;

    private BibtexParser(string text)
    {
        _text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        _lineStarts = ComputeLineStarts(_text);
        for (var i = 0; i < MonthNames.Length; i++)
        {
            _macros[MonthNames[i]] = (i + 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    public static BibtexParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new BibtexParser(text);
        parser.ParseAll();
        return new BibtexParseResult(parser._entries, parser._errors);
    }

    private void ParseAll()
    {
        while (_pos < _text.Length)
        {
            var at = _text.IndexOf('@', _pos);
            CheckStrayText(_pos, at < 0 ? _text.Length : at);
            if (at < 0)
            {
                return;
            }

            _pos = at;
            try
            {
                ParseItem();
            }
            catch (EntryException ex)
            {
                _errors.Add(new BibtexError(ex.Line, ex.Message, ex.Key));
                _pos = NextEntryStart(Math.Max(ex.ResumeFrom, at + 1));
            }
        }
    }

    /// <summary>
    /// Text outside entries is a comment in BibTeX, so plain prose is ignored; but lines that look like
    /// fields or braces are usually the remains of a broken entry, and silently dropping them would hide data.
    /// </summary>
    private void CheckStrayText(int start, int end)
    {
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = _text.IndexOf('\n', lineStart, end - lineStart);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            var line = _text[lineStart..lineEnd].Trim();
            if (line.Length > 0 && line[0] != '%' && (line.Contains('=') || line.Contains('{') || line.Contains('}')))
            {
                var shown = line.Length > 40 ? line[..40] + "..." : line;
                _errors.Add(new BibtexError(LineOf(lineStart), $"unexpected text outside an entry: '{shown}'", null));
            }

            lineStart = lineEnd + 1;
        }
    }

    private void ParseItem()
    {
        var start = _pos;
        var line = LineOf(start);
        _pos++;
        var type = ReadIdentifier().ToLowerInvariant();
        if (type.Length == 0)
        {
            throw new EntryException(line, "expected an entry type after '@'", null, _pos);
        }

        SkipWhitespace();
        if (type == "comment" && (_pos >= _text.Length || (_text[_pos] != '{' && _text[_pos] != '(')))
        {
            // A brace-less @comment comments out the rest of its line, as in biber.
            var end = _text.IndexOf('\n', _pos);
            _pos = end < 0 ? _text.Length : end + 1;
            return;
        }

        if (_pos >= _text.Length || (_text[_pos] != '{' && _text[_pos] != '('))
        {
            throw new EntryException(line, $"expected '{{' or '(' after '@{type}'", null, _pos);
        }

        var close = _text[_pos] == '{' ? '}' : ')';
        _pos++;
        switch (type)
        {
            case "comment":
                SkipComment(close, line);
                break;
            case "preamble":
                SkipWhitespace();
                try
                {
                    ReadValue(new EntryContext(this, "@preamble", line, null), "preamble");
                }
                catch (ValueException)
                {
                    // The preamble is not imported, so what its macros would have said does not matter.
                }
                ExpectClose(close, new EntryContext(this, "@preamble", line, null));
                break;
            case "string":
                ParseStringMacro(close, line);
                break;
            default:
                ParseEntry(type, close, line);
                break;
        }
    }

    private void SkipComment(char close, int line)
    {
        var open = close == '}' ? '{' : '(';
        var depth = 1;
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return;
            }
        }

        throw new EntryException(line, $"missing closing brace for @comment started on line {line}", null, _text.Length);
    }

    private void ParseStringMacro(char close, int line)
    {
        var context = new EntryContext(this, "@string", line, null);
        SkipWhitespace();
        var name = ReadIdentifier();
        if (name.Length == 0)
        {
            throw context.Error($"@string on line {line} has no name", _pos);
        }

        SkipWhitespace();
        if (!TryConsume('='))
        {
            throw context.Error($"expected '=' after @string name '{name}'", _pos);
        }

        SkipWhitespace();
        // Macro values keep edge spaces so "Proceedings of " # venue concatenates as written.
        string? value = null;
        ValueException? failure = null;
        try
        {
            value = ReadValue(context, name, trim: false);
        }
        catch (ValueException ex)
        {
            failure = ex;
        }
        SkipWhitespace();
        TryConsume(',');
        ExpectClose(close, context);
        if (failure is { TooLong: true })
        {
            // Reported where it is used, as the field that would expand too far.
            _macros.Remove(name);
            _oversizedMacros.Add(name);
            return;
        }
        if (failure is not null)
        {
            throw context.Error(failure.Message, failure.Position, _pos);
        }
        _oversizedMacros.Remove(name);
        _macros[name] = value!;
    }

    private void ParseEntry(string type, char close, int line)
    {
        SkipWhitespace();
        var keyStart = _pos;
        while (_pos < _text.Length && _text[_pos] != ',' && _text[_pos] != close && !char.IsWhiteSpace(_text[_pos])
            && _text[_pos] != '=' && _text[_pos] != '{' && _text[_pos] != '}')
        {
            _pos++;
        }

        var key = _text[keyStart.._pos];
        SkipWhitespace();
        if (key.Length == 0 || (_pos < _text.Length && _text[_pos] == '='))
        {
            throw new EntryException(line, $"@{type} entry on line {line} has no key", null, _pos);
        }

        var context = new EntryContext(this, key, line, key);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var failure = (EntryException?)null;
        string? lastField = null;
        var entryLength = 0;
        while (true)
        {
            SkipWhitespace();
            if (TryConsume(close))
            {
                break;
            }

            if (_pos >= _text.Length || AtEntryBoundary(_pos))
            {
                throw context.Unclosed($"missing closing brace for entry '{key}' started on line {line}", _pos);
            }

            if (!TryConsume(','))
            {
                var after = lastField is null ? $"after the key of entry '{key}'" : $"after field '{lastField}' in entry '{key}'";
                throw context.Error($"missing comma {after} (found '{Snippet(_pos)}')", _pos, _pos + 1);
            }

            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] == close || _text[_pos] == ',' || AtEntryBoundary(_pos))
            {
                continue;
            }

            var nameStart = _pos;
            var name = ReadIdentifier().ToLowerInvariant();
            if (name.Length == 0)
            {
                throw context.Error($"expected a field name in entry '{key}', found '{Snippet(_pos)}'", _pos, _pos + 1);
            }

            SkipWhitespace();
            if (!TryConsume('='))
            {
                throw context.Error($"expected '=' after field '{name}' in entry '{key}'", nameStart, _pos);
            }

            SkipWhitespace();
            lastField = name;
            try
            {
                var value = ReadValue(context, name);
                entryLength += value.Length;
                if (entryLength > MaxEntryLength)
                {
                    failure ??= context.Error(
                        string.Create(CultureInfo.InvariantCulture, $"the entry '{key}' expands to more than {MaxEntryLength:N0} characters through @string macros"),
                        nameStart);
                }
                else
                {
                    fields.TryAdd(name, value);
                }
            }
            catch (ValueException ex)
            {
                // Keep reading so the rest of the entry is consumed, then report it as one error.
                failure ??= context.Error(ex.Message, ex.Position);
            }
        }

        if (failure is not null)
        {
            _errors.Add(new BibtexError(failure.Line, failure.Message, key));
            return;
        }

        _entries.Add(new BibtexEntry(type, key, fields, line));
    }

    private string ReadValue(EntryContext context, string fieldName, bool trim = true)
    {
        var result = new StringBuilder();
        ValueException? failure = null;
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] == ',' || _text[_pos] == '}' || _text[_pos] == ')'
                || _text[_pos] == '#' || AtEntryBoundary(_pos))
            {
                throw context.Error($"field '{fieldName}' has no value", _pos);
            }

            var c = _text[_pos];
            if (c == '{')
            {
                _pos++;
                ReadDelimited(result, '}', context);
            }
            else if (c == '"')
            {
                _pos++;
                ReadDelimited(result, '"', context);
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = _pos;
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }

                result.Append(_text, start, _pos - start);
            }
            else
            {
                var macroStart = _pos;
                var macro = ReadIdentifier();
                if (macro.Length == 0)
                {
                    throw context.Error($"field '{fieldName}' has an invalid value starting with '{Snippet(_pos)}'", _pos, _pos + 1);
                }

                if (_oversizedMacros.Contains(macro) || (_macros.TryGetValue(macro, out var found) && result.Length + found.Length > MaxFieldLength))
                {
                    failure ??= new ValueException(
                        string.Create(CultureInfo.InvariantCulture, $"the field '{fieldName}' expands to more than {MaxFieldLength:N0} characters through @string macros"),
                        macroStart, tooLong: true);
                }
                else if (_macros.TryGetValue(macro, out var expansion))
                {
                    if (failure is null && _expandedFromMacros + expansion.Length > MaxMacroExpansionPerFile)
                    {
                        failure = new ValueException(
                            string.Create(CultureInfo.InvariantCulture, $"the @string macros of this file expand to more than {MaxMacroExpansionPerFile:N0} characters in all; the field '{fieldName}' was not read"),
                            macroStart, tooLong: false);
                    }
                    if (failure is null)
                    {
                        _expandedFromMacros += expansion.Length;
                        result.Append(expansion);
                    }
                }
                else
                {
                    failure ??= new ValueException(
                        $"undefined @string macro '{macro}' in field '{fieldName}' of entry '{context.Name}'", macroStart, tooLong: false);
                }
            }

            SkipWhitespace();
            if (!TryConsume('#'))
            {
                break;
            }
        }

        if (failure is not null)
        {
            throw failure;
        }

        return CollapseWhitespace(result, trim);
    }

    private void ReadDelimited(StringBuilder result, char terminator, EntryContext context)
    {
        var depth = 0;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n' && AtEntryBoundary(_pos + 1))
            {
                break;
            }

            if (c == '\\' && _pos + 1 < _text.Length)
            {
                result.Append(c).Append(_text[_pos + 1]);
                _pos += 2;
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    if (terminator == '}')
                    {
                        _pos++;
                        return;
                    }

                    throw context.Unclosed($"missing closing quote for entry '{context.Name}' started on line {context.Line}", _pos + 1);
                }

                depth--;
            }
            else if (c == '"' && terminator == '"' && depth == 0)
            {
                _pos++;
                return;
            }

            result.Append(c);
            _pos++;
        }

        var what = terminator == '"' ? "missing closing quote" : "missing closing brace";
        throw context.Unclosed($"{what} for entry '{context.Name}' started on line {context.Line}", _pos);
    }

    private void ExpectClose(char close, EntryContext context)
    {
        SkipWhitespace();
        if (!TryConsume(close))
        {
            throw context.Unclosed($"missing closing brace for {context.Name} started on line {context.Line}", _pos);
        }
    }

    /// <summary>An '@' that starts a line is taken as a new entry, so one unclosed brace cannot swallow the rest of the file.</summary>
    private bool AtEntryBoundary(int index)
    {
        var i = index;
        while (i < _text.Length && (_text[i] == ' ' || _text[i] == '\t'))
        {
            i++;
        }

        if (i >= _text.Length || _text[i] != '@' || !LooksLikeEntryStart(i))
        {
            return false;
        }

        var lineStart = index == 0 || _text[index - 1] == '\n';
        return lineStart || IsLineStartBefore(index);
    }

    private bool IsLineStartBefore(int index)
    {
        var i = index - 1;
        while (i >= 0 && (_text[i] == ' ' || _text[i] == '\t'))
        {
            i--;
        }

        return i < 0 || _text[i] == '\n';
    }

    private bool LooksLikeEntryStart(int at)
    {
        var i = at + 1;
        while (i < _text.Length && char.IsAsciiLetter(_text[i]))
        {
            i++;
        }

        if (i == at + 1)
        {
            return false;
        }

        while (i < _text.Length && char.IsWhiteSpace(_text[i]))
        {
            i++;
        }

        return i < _text.Length && _text[i] is '{' or '(';
    }

    private int NextEntryStart(int from)
    {
        var i = from;
        while (i < _text.Length)
        {
            var at = _text.IndexOf('@', i);
            if (at < 0)
            {
                return _text.Length;
            }

            if (IsLineStartBefore(at))
            {
                return at;
            }

            i = at + 1;
        }

        return _text.Length;
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        while (_pos < _text.Length && IsIdentifierChar(_text[_pos]))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private static bool IsIdentifierChar(char c) =>
        char.IsLetterOrDigit(c) || c is '_' or '-' or ':' or '.' or '+' or '/' or '\'' or '&' or '!' or '?' or '*' or '<' or '>' or ';' or '[' or ']' or '|' or '`' or '^' or '~';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool TryConsume(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private string Snippet(int index)
    {
        var end = index;
        while (end < _text.Length && end - index < 20 && !char.IsWhiteSpace(_text[end]))
        {
            end++;
        }

        return end == index ? (index < _text.Length ? _text[index].ToString() : "end of file") : _text[index..end];
    }

    private static string CollapseWhitespace(StringBuilder value, bool trim)
    {
        var result = new StringBuilder(value.Length);
        var pendingSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0 || !trim;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        if (pendingSpace && !trim)
        {
            result.Append(' ');
        }

        return result.ToString();
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private int LineOf(int index)
    {
        var found = Array.BinarySearch(_lineStarts, index);
        return (found >= 0 ? found : ~found - 1) + 1;
    }

    /// <summary>Errors point at the line where the problem is, which is what a user needs to fix it.</summary>
    private sealed class EntryContext(BibtexParser parser, string name, int line, string? key)
    {
        public string Name { get; } = name;
        public int Line { get; } = line;

        public EntryException Error(string message, int position) => Error(message, position, position);

        public EntryException Error(string message, int position, int resumeFrom) =>
            new(parser.LineOf(Math.Min(position, parser._text.Length)), message, key, resumeFrom);

        public EntryException Unclosed(string message, int resumeFrom) => new(Line, message, key, resumeFrom);
    }

    private sealed class EntryException(int line, string message, string? key, int resumeFrom) : Exception(message)
    {
        public int Line { get; } = line;
        public string? Key { get; } = key;
        public int ResumeFrom { get; } = resumeFrom;
    }

    /// <summary>A value that was read to its end but cannot be used: an undefined macro, or one that expands too far.</summary>
    private sealed class ValueException(string message, int position, bool tooLong) : Exception(message)
    {
        public int Position { get; } = position;
        public bool TooLong { get; } = tooLong;
    }
}
