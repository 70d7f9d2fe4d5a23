using System.Text;
using ResearcherProfiles.Core.Bibtex;

namespace ResearcherProfiles.Tests.Core.Bibtex;

/// <summary>@string macros that refer to each other grow exponentially; what they expand to is bounded.</summary>
public sealed class BibtexMacroExpansionTests
{
    /// <summary>@string{m0 = {xxxxxxxx}} then m1 = m0 # m0, m2 = m1 # m1, ...: m{n} is 8·2ⁿ characters.</summary>
    public static string DoublingMacros(int count)
    {
        var text = new StringBuilder("@string{m0 = {xxxxxxxx}}\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"@string{{m{i} = m{i - 1} # m{i - 1}}}\n");
        }
        return text.ToString();
    }

    [Fact]
    public void A_field_that_doubling_macros_blow_up_is_refused_on_its_line_and_other_entries_still_parse()
    {
        var text = DoublingMacros(19) + "@article{bomb,\n  title = m19 # m19,\n  year = 2020\n}\n@misc{fine, title = m3}\n";

        var result = BibtexParser.Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal("bomb", error.Key);
        Assert.Equal(22, error.Line);
        Assert.Equal("the field 'title' expands to more than 100,000 characters through @string macros", error.Message);
        var fine = Assert.Single(result.Entries);
        Assert.Equal(new string('x', 64), fine.Fields["title"]);
    }

    [Fact]
    public void A_macro_just_under_the_field_limit_still_expands()
    {
        // m13 is 65,536 characters; m14 would be 131,072.
        var result = BibtexParser.Parse(DoublingMacros(14) + "@misc{big, title = m13}\n@misc{over, title = m14}\n");

        Assert.Equal(65_536, Assert.Single(result.Entries).Fields["title"].Length);
        Assert.Equal("over", Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void An_entry_whose_fields_together_expand_past_the_entry_limit_is_refused()
    {
        var fields = string.Join(",\n", Enumerable.Range(0, 20).Select(i => $"  field{i} = m13"));
        var result = BibtexParser.Parse(DoublingMacros(13) + $"@misc{{wide,\n{fields}\n}}\n@misc{{after, title = {{Still here}}}}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("wide", error.Key);
        Assert.Equal("the entry 'wide' expands to more than 1,000,000 characters through @string macros", error.Message);
        Assert.Equal("after", Assert.Single(result.Entries).Key);
    }

    [Fact]
    public void Many_entries_cannot_together_expand_past_the_file_limit()
    {
        var text = new StringBuilder(DoublingMacros(16));
        for (var i = 0; i < 400; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"@misc{{e{i}, title = m13}}\n");
        }

        var result = BibtexParser.Parse(text.ToString());

        var expanded = result.Entries.Sum(e => (long)e.Fields.Values.Sum(v => v.Length));
        Assert.InRange(expanded, 1, BibtexParser.MaxMacroExpansionPerFile);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Contains("expand to more than 10,000,000 characters in all", e.Message, StringComparison.Ordinal));
        Assert.Equal(400, result.Entries.Count + result.Errors.Count);
    }

    [Fact]
    public void A_string_macro_that_uses_an_undefined_macro_is_reported_and_the_file_still_parses()
    {
        var result = BibtexParser.Parse("@string{venue = nosuchmacro # { 2024}}\n@misc{ok, title = {T}}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("undefined @string macro 'nosuchmacro'", error.Message, StringComparison.Ordinal);
        Assert.Equal("ok", Assert.Single(result.Entries).Key);
    }
}
