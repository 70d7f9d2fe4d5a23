using System.Text;
using ResearcherProfiles.Core.Bibtex;

namespace ResearcherProfiles.Tests.Core.Bibtex;

public sealed class BibtexParserTests
{
    private static BibtexEntry Single(string text)
    {
        var result = BibtexParser.Parse(text);
        Assert.Empty(result.Errors);
        return Assert.Single(result.Entries);
    }

    private static BibtexError SingleError(string text)
    {
        var result = BibtexParser.Parse(text);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Simple_entry_yields_type_key_fields_and_line()
    {
        var entry = Single("@article{smith2020,\n  title = {A Study},\n  year = 2020\n}");

        Assert.Equal("article", entry.Type);
        Assert.Equal("smith2020", entry.Key);
        Assert.Equal("A Study", entry.Fields["title"]);
        Assert.Equal("2020", entry.Fields["year"]);
        Assert.Equal(1, entry.Line);
    }

    [Fact]
    public void Empty_input_gives_no_entries_and_no_errors()
    {
        var result = BibtexParser.Parse("");

        Assert.Empty(result.Entries);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("@ARTICLE{k, title={T}}")]
    [InlineData("@Article{k, title={T}}")]
    [InlineData("@article{k, TITLE={T}}")]
    [InlineData("@article{k, Title={T}}")]
    public void Entry_types_and_field_names_are_case_insensitive(string text)
    {
        var entry = Single(text);

        Assert.Equal("article", entry.Type);
        Assert.Equal("T", entry.Fields["title"]);
    }

    [Fact]
    public void Quoted_values_lose_their_quotes()
    {
        Assert.Equal("Deep Nets", Single("@misc{k, title = \"Deep Nets\"}").Fields["title"]);
    }

    [Fact]
    public void Quoted_values_may_contain_braced_quotes()
    {
        Assert.Equal("The {\"}best{\"} model", Single("@misc{k, title = \"The {\"}best{\"} model\"}").Fields["title"]);
    }

    [Fact]
    public void Nested_braces_are_kept_inside_the_outer_braces()
    {
        Assert.Equal("The {BERT} {{Model}} of {\\\"u}", Single("@misc{k, title = {The {BERT} {{Model}} of {\\\"u}}}").Fields["title"]);
    }

    [Fact]
    public void Bare_numbers_are_values()
    {
        Assert.Equal("42", Single("@misc{k, volume = 42}").Fields["volume"]);
    }

    [Fact]
    public void Whitespace_and_newlines_inside_values_collapse_to_single_spaces()
    {
        Assert.Equal("A long title over lines", Single("@misc{k, title = {A  long\n   title\tover\r\n lines }}").Fields["title"]);
    }

    [Fact]
    public void String_macros_expand_in_field_values()
    {
        var entry = Single("@string{neurips = {Advances in Neural Information Processing Systems}}\n@inproceedings{k, booktitle = neurips}");

        Assert.Equal("Advances in Neural Information Processing Systems", entry.Fields["booktitle"]);
    }

    [Fact]
    public void String_macro_names_are_case_insensitive()
    {
        Assert.Equal("Journal of ML", Single("@STRING{JML = \"Journal of ML\"}\n@article{k, journal = jml}").Fields["journal"]);
    }

    [Fact]
    public void Hash_concatenates_strings_macros_and_numbers()
    {
        var entry = Single("@string{proc = \"Proceedings of \"}\n@inproceedings{k, booktitle = proc # {ICML} # \" \" # 2021}");

        Assert.Equal("Proceedings of ICML 2021", entry.Fields["booktitle"]);
    }

    [Fact]
    public void String_macros_can_use_earlier_macros()
    {
        var entry = Single("@string{a = \"Alpha\"}\n@string{ab = a # \" Beta\"}\n@misc{k, note = ab}");

        Assert.Equal("Alpha Beta", entry.Fields["note"]);
    }

    [Theory]
    [InlineData("jan", "1")]
    [InlineData("feb", "2")]
    [InlineData("mar", "3")]
    [InlineData("apr", "4")]
    [InlineData("may", "5")]
    [InlineData("jun", "6")]
    [InlineData("jul", "7")]
    [InlineData("aug", "8")]
    [InlineData("sep", "9")]
    [InlineData("oct", "10")]
    [InlineData("nov", "11")]
    [InlineData("dec", "12")]
    [InlineData("DEC", "12")]
    public void Month_macros_become_month_numbers(string macro, string expected)
    {
        Assert.Equal(expected, Single($"@misc{{k, month = {macro}}}").Fields["month"]);
    }

    [Fact]
    public void Braced_month_names_are_left_as_text()
    {
        Assert.Equal("March", Single("@misc{k, month = {March}}").Fields["month"]);
    }

    [Fact]
    public void Trailing_comma_after_the_last_field_is_accepted()
    {
        Assert.Equal("T", Single("@misc{k,\n  title = {T},\n}").Fields["title"]);
    }

    [Fact]
    public void Doubled_commas_between_fields_are_tolerated()
    {
        var entry = Single("@misc{k, title = {T},, year = 2020,}");

        Assert.Equal("2020", entry.Fields["year"]);
    }

    [Fact]
    public void Crlf_line_endings_parse_and_count_lines()
    {
        var result = BibtexParser.Parse("@misc{a,\r\n title = {A}\r\n}\r\n\r\n@misc{b,\r\n title = {B}\r\n}\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(["A", "B"], result.Entries.Select(e => e.Fields["title"]));
        Assert.Equal(5, result.Entries[1].Line);
    }

    [Fact]
    public void Byte_order_mark_at_the_start_is_ignored()
    {
        Assert.Equal("k", Single("\uFEFF@misc{k, title = {T}}").Key);
    }

    [Fact]
    public void Parenthesised_entries_parse_like_braced_ones()
    {
        var entry = Single("@article(k,\n  title = {With (parens) inside},\n  year = 1999\n)");

        Assert.Equal("With (parens) inside", entry.Fields["title"]);
        Assert.Equal("1999", entry.Fields["year"]);
    }

    [Fact]
    public void Parenthesised_string_macros_are_defined()
    {
        Assert.Equal("Value", Single("@string(v = {Value})\n@misc{k, note = v}").Fields["note"]);
    }

    [Fact]
    public void Text_outside_entries_is_a_comment()
    {
        var result = BibtexParser.Parse("This file was exported by a tool.\n% a percent comment\n@misc{k, title = {T}}\nTrailing words.");

        Assert.Empty(result.Errors);
        Assert.Single(result.Entries);
    }

    [Fact]
    public void Comment_entries_are_skipped_even_with_braces_and_at_signs_inside()
    {
        var result = BibtexParser.Parse("@comment{jabref-meta: {groups} a@b.c}\n@misc{k, title = {T}}");

        Assert.Empty(result.Errors);
        Assert.Equal("k", Assert.Single(result.Entries).Key);
    }

    [Fact]
    public void Preamble_is_read_and_not_returned_as_an_entry()
    {
        var result = BibtexParser.Parse("@preamble{ \"\\newcommand{\\noopsort}[1]{}\" # {x} }\n@misc{k, title = {T}}");

        Assert.Empty(result.Errors);
        Assert.Equal("k", Assert.Single(result.Entries).Key);
    }

    [Fact]
    public void At_sign_inside_a_value_does_not_start_an_entry()
    {
        Assert.Equal("mail me at a@b.org", Single("@misc{k, note = {mail me at a@b.org}}").Fields["note"]);
    }

    [Fact]
    public void Keys_may_contain_colons_slashes_and_dashes()
    {
        Assert.Equal("DBLP:conf/icml/Smith-2020.v2", Single("@inproceedings{DBLP:conf/icml/Smith-2020.v2, title={T}}").Key);
    }

    [Fact]
    public void Field_names_with_underscores_are_kept()
    {
        var entry = Single("@misc{k, award_name = {Best Paper}, bibtex_show = {true}}");

        Assert.Equal("Best Paper", entry.Fields["award_name"]);
        Assert.Equal("true", entry.Fields["bibtex_show"]);
    }

    [Fact]
    public void Escaped_braces_do_not_change_nesting()
    {
        Assert.Equal("set \\{x\\} here", Single("@misc{k, title = {set \\{x\\} here}}").Fields["title"]);
    }

    [Fact]
    public void Repeated_field_keeps_the_first_value()
    {
        Assert.Equal("First", Single("@misc{k, title = {First}, title = {Second}}").Fields["title"]);
    }

    [Fact]
    public void Entry_lines_are_reported_for_every_entry()
    {
        var result = BibtexParser.Parse("@misc{a, title={A}}\n\n\n@misc{b,\n title={B}}\n@misc{c, title={C}}");

        Assert.Equal([1, 4, 6], result.Entries.Select(e => e.Line));
    }

    [Fact]
    public void Empty_braced_value_is_an_empty_string()
    {
        Assert.Equal("", Single("@misc{k, note = {}}").Fields["note"]);
    }

    [Fact]
    public void Entry_with_only_a_key_has_no_fields()
    {
        Assert.Empty(Single("@misc{lonely}").Fields);
    }

    [Fact]
    public void Unclosed_entry_reports_its_start_line_and_the_next_entry_still_parses()
    {
        var result = BibtexParser.Parse("@misc{ok1, title={A}}\n@article{broken,\n  title = {B},\n\n@misc{ok2, title={C}}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("broken", error.Key);
        Assert.Equal("missing closing brace for entry 'broken' started on line 2", error.Message);
        Assert.Equal(["ok1", "ok2"], result.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Unclosed_brace_in_a_value_stops_at_the_next_entry()
    {
        var result = BibtexParser.Parse("@article{broken,\n  title = {Unclosed title,\n  year = 2020\n}\n@misc{ok, title={C}}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("missing closing brace for entry 'broken' started on line 1", error.Message);
        Assert.Equal("ok", Assert.Single(result.Entries).Key);
    }

    [Fact]
    public void Unclosed_entry_at_the_end_of_the_file_is_reported()
    {
        var error = SingleError("\n\n@book{last,\n  title = {T}");

        Assert.Equal(3, error.Line);
        Assert.Equal("missing closing brace for entry 'last' started on line 3", error.Message);
    }

    [Fact]
    public void Unclosed_quote_is_reported_as_a_missing_quote()
    {
        var error = SingleError("@misc{q,\n  title = \"No end\n}\n");

        Assert.Equal("missing closing quote for entry 'q' started on line 1", error.Message);
    }

    [Fact]
    public void Missing_key_is_reported_with_the_entry_line()
    {
        var result = BibtexParser.Parse("@misc{a, title={A}}\n@article{\n  title = {No key}\n}\n@misc{b, title={B}}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("@article entry on line 2 has no key", error.Message);
        Assert.Null(error.Key);
        Assert.Equal(["a", "b"], result.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Missing_comma_between_fields_names_the_field_and_line()
    {
        var result = BibtexParser.Parse("@article{mc,\n  title = {T}\n  year = 2020\n}\n@misc{ok, title={C}}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("mc", error.Key);
        Assert.Equal("missing comma after field 'title' in entry 'mc' (found 'year')", error.Message);
        Assert.Equal("ok", Assert.Single(result.Entries).Key);
    }

    [Fact]
    public void Field_without_a_value_is_reported()
    {
        var error = SingleError("@misc{nv,\n  year = 2020,\n  title = ,\n}");

        Assert.Equal(3, error.Line);
        Assert.Equal("field 'title' has no value", error.Message);
        Assert.Equal("nv", error.Key);
    }

    [Fact]
    public void Field_without_an_equals_sign_is_reported()
    {
        var error = SingleError("@misc{ne,\n  title {T}\n}");

        Assert.Equal(2, error.Line);
        Assert.Equal("expected '=' after field 'title' in entry 'ne'", error.Message);
    }

    [Fact]
    public void Undefined_string_macro_rejects_the_entry_with_a_specific_message()
    {
        var result = BibtexParser.Parse("@article{um,\n  title = {T},\n  journal = jmlr\n}\n@misc{ok, title={C}}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("undefined @string macro 'jmlr' in field 'journal' of entry 'um'", error.Message);
        Assert.Equal("um", error.Key);
        Assert.Equal("ok", Assert.Single(result.Entries).Key);
    }

    [Fact]
    public void Missing_opening_brace_after_the_type_is_reported()
    {
        var result = BibtexParser.Parse("@article title = {T}\n@misc{ok, title={C}}");

        Assert.Equal("expected '{' or '(' after '@article'", Assert.Single(result.Errors).Message);
        Assert.Single(result.Entries);
    }

    [Fact]
    public void Lone_at_sign_is_reported()
    {
        var result = BibtexParser.Parse("@ {x}\n@misc{ok, title={C}}");

        Assert.Equal("expected an entry type after '@'", Assert.Single(result.Errors).Message);
        Assert.Single(result.Entries);
    }

    [Fact]
    public void Stray_field_text_between_entries_is_reported_with_its_line()
    {
        var result = BibtexParser.Parse("@misc{a, title={A}}\n  year = 2020,\n}\n@misc{b, title={B}}");

        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(2, result.Errors[0].Line);
        Assert.Equal("unexpected text outside an entry: 'year = 2020,'", result.Errors[0].Message);
        Assert.Equal(3, result.Errors[1].Line);
        Assert.Equal(["a", "b"], result.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Good_entries_import_even_when_others_are_malformed()
    {
        const string text = """
            @string{conf = "ICML"}
            @inproceedings{good1, title = {One}, booktitle = conf}
            @article{bad1, title = {Two} year = 2020}
            @article{good2, title = {Three}}
            @misc{, title = {no key}}
            @article{bad2, journal = undefinedmacro}
            @book{good3, title = "Four"}
            @article{bad3, title = {never closed
            @misc{good4, title = {Five}}
            @misc{bad4, title = }
            @misc{good5, title = {Six},}
            """;

        var result = BibtexParser.Parse(text);

        Assert.Equal(["good1", "good2", "good3", "good4", "good5"], result.Entries.Select(e => e.Key));
        Assert.Equal(5, result.Errors.Count);
        Assert.Equal([3, 5, 6, 8, 10], result.Errors.Select(e => e.Line));
        Assert.Equal("ICML", result.Entries[0].Fields["booktitle"]);
    }

    [Fact]
    public void Generated_file_of_two_thousand_entries_parses_completely()
    {
        var text = new StringBuilder("@string{venue = {Conference on Things}}\n");
        for (var i = 0; i < 2000; i++)
        {
            text.Append("@inproceedings{key").Append(i).Append(",\r\n")
                .Append("  author = {M{\\\"u}ller, Anna and van der Berg, Jan and others},\r\n")
                .Append("  title = {{Paper} number ").Append(i).Append(" about $O(n^2)$ things},\r\n")
                .Append("  booktitle = \"Proc. \" # venue,\r\n")
                .Append("  year = ").Append(2000 + (i % 25)).Append(",\r\n")
                .Append("  month = ").Append(i % 2 == 0 ? "jan" : "{June}").Append(",\r\n")
                .Append("  abstract = {").Append(new string('x', 500)).Append("},\r\n")
                .Append("}\r\n\r\n");
        }

        var result = BibtexParser.Parse(text.ToString());

        Assert.Empty(result.Errors);
        Assert.Equal(2000, result.Entries.Count);
        Assert.Equal("key1999", result.Entries[^1].Key);
        Assert.Equal("Proc. Conference on Things", result.Entries[^1].Fields["booktitle"]);
    }

    [Fact]
    public void Deeply_nested_and_unbalanced_input_finishes_with_an_error()
    {
        var text = "@misc{k, title = " + new string('{', 50_000) + "\n@misc{ok, title={T}}";

        var result = BibtexParser.Parse(text);

        Assert.Single(result.Errors);
        Assert.Equal("ok", Assert.Single(result.Entries).Key);
    }

    [Fact]
    public void Brace_less_comment_hides_the_rest_of_its_line()
    {
        var result = BibtexParser.Parse("@comment old entry was here\n@misc{k, title={T}}");

        Assert.Empty(result.Errors);
        Assert.Equal("k", Assert.Single(result.Entries).Key);
    }

    [Fact]
    public void Line_starting_with_at_inside_a_value_is_not_an_entry_unless_it_looks_like_one()
    {
        var entry = Single("@misc{k,\n  abstract = {We meet\n@ home and @ work},\n}");

        Assert.Equal("We meet @ home and @ work", entry.Fields["abstract"]);
    }

    [Fact]
    public void Error_inside_a_string_macro_is_reported_and_later_entries_parse()
    {
        var result = BibtexParser.Parse("@string{x = }\n@misc{k, title={T}}");

        Assert.Equal("field 'x' has no value", Assert.Single(result.Errors).Message);
        Assert.Single(result.Entries);
    }

    [Fact]
    public void Missing_comma_after_the_key_is_reported()
    {
        var error = SingleError("@misc{nokeycomma\n  title = {T}\n}");

        Assert.Equal(2, error.Line);
        Assert.Equal("missing comma after the key of entry 'nokeycomma' (found 'title')", error.Message);
    }

    [Fact]
    public void Author_field_from_the_parser_feeds_the_name_splitter()
    {
        var entry = Single("@article{k, author = {van der Berg, Jan and M{\\\"u}ller, Anna* and {Google DeepMind} and others}}");

        var names = BibtexNames.Parse(entry.Fields["author"]);

        Assert.Equal(["Jan van der Berg", "Anna Müller", "Google DeepMind", "et al."], names.Select(n => n.Display));
        Assert.True(names[1].EqualContribution);
    }
}
