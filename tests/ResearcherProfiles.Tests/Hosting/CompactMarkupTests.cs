using System.Text.RegularExpressions;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Hosting;

namespace ResearcherProfiles.Tests.Hosting;

/// <summary>The public views' markup is sent without its indentation, and reads exactly as before.</summary>
public sealed class CompactMarkupTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public void Indentation_goes_and_each_blank_run_with_a_line_break_becomes_one_line_break()
    {
        Assert.Equal("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", CompactMarkup.Of("<ul>\r\n    <li>a</li>\n\n\t\t<li>b</li>\n  </ul>\n"));
    }

    [Fact]
    public void Blanks_without_a_line_break_are_kept_as_written()
    {
        const string markup = "<span>a</span>  <span>b</span> ";

        Assert.Same(markup, CompactMarkup.Of(markup));
    }

    [Theory]
    [InlineData("<div>\n    <pre>\n    indented\n</pre>\n    <p>", "<div>\n<pre>\n    indented\n</pre>\n    <p>")]
    [InlineData("<TEXTAREA name=\"t\">\n    typed\n</TEXTAREA>", "<TEXTAREA name=\"t\">\n    typed\n</TEXTAREA>")]
    public void Preformatted_text_is_sent_as_written_from_its_start_tag_on(string markup, string sent)
    {
        Assert.Equal(sent, CompactMarkup.Of(markup));
    }

    [Fact]
    public void After_a_line_break_the_next_markup_loses_its_leading_blanks()
    {
        Assert.Equal("<li>", CompactMarkup.Of("        <li>", atLineStart: true));
        Assert.Equal("        <li>", CompactMarkup.Of("        <li>", atLineStart: false));
        Assert.Equal(string.Empty, CompactMarkup.Of(" \n   ", atLineStart: true));
    }

    [Fact]
    public void Blanks_after_something_the_view_inserted_are_kept()
    {
        var line = CompactMarkup.Line.Of(new Microsoft.AspNetCore.Http.DefaultHttpContext());
        Assert.Equal("<p>\n", line.Literal("<p>\n    "));
        Assert.Equal("<b>", line.Literal("    <b>"));

        line.Inserted();

        Assert.Equal(" and <i>", line.Literal(" and <i>"));
    }

    [Fact]
    public async Task A_profile_has_no_indented_line_outside_its_citations_and_reads_as_before()
    {
        var owner = await new ResearcherBuilder("Indra Flatline").With(r => r.Headline = "Professor of Layout").SaveAsync(factory);
        var published = await new PublicationBuilder("Whitespace Considered Harmless", owner)
            .Owner()
            .With(p =>
            {
                p.Type = PublicationType.Conference;
                p.VenueName = "Conference on Markup";
                p.VenueShort = "CoM";
                p.Year = 2024;
            })
            .ShownOn(owner, highlighted: true)
            .SaveAsync(factory);
        var visitor = factory.CreateVisitor();

        foreach (var path in new[] { $"/people/{owner.Slug}", $"/publications/{published.Id}/{PaperSlug.For(published.Title)}" })
        {
            var html = await visitor.GetStringAsync(path);
            var outsidePre = Regex.Replace(html, "<pre.*?</pre>", string.Empty, RegexOptions.Singleline);
            Assert.DoesNotContain(outsidePre.Split('\n'), line => line.StartsWith(' ') || line.StartsWith('\t'));
        }
        var profile = await visitor.GetPageAsync($"/people/{owner.Slug}");
        Assert.Equal("CoM Conference on Markup 2024", Normalized(profile.Document.QuerySelector("article.pub .pub-venue")!.TextContent));
        Assert.Equal("Professor of Layout", profile.TextOf(".headline"));
        var paper = await visitor.GetPageAsync($"/publications/{published.Id}/{PaperSlug.For(published.Title)}");
        Assert.Contains("\n  title = {Whitespace Considered Harmless},", paper.Section("Cite")!.QuerySelector("pre.cite-bibtex code")!.TextContent, StringComparison.Ordinal);
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
