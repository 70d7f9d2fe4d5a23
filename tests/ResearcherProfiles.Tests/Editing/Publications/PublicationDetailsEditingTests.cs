using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>Volume, issue, pages, publisher and note: edited in the publication form, shown on the paper's page.</summary>
public sealed class PublicationDetailsEditingTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task The_editor_saves_the_details_and_the_paper_page_shows_them()
    {
        var ada = await new ResearcherBuilder("Ada Detailwright").SaveAsync(factory);
        var client = await factory.SignInAsync((await factory.CreateResearcherAsync(ada.Id)).Email!);
        var paper = await new PublicationBuilder("Details worth keeping", ada).Owner().ShownOn(ada).SaveAsync(factory);

        var form = await client.GetDocumentAsync($"/edit/{ada.Slug}/publications/{paper.Id}");
        foreach (var name in new[] { "Volume", "Number", "Pages", "Publisher", "Note" })
        {
            var input = form.QuerySelector($"input[name='Input.{name}']");
            Assert.NotNull(input);
            Assert.NotNull(form.QuerySelector($"label[for='{input.Id}']"));
        }

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/{paper.Id}", new Dictionary<string, string>
        {
            ["Input.Volume"] = " 12 ",
            ["Input.Number"] = "3",
            ["Input.Pages"] = "58--70",
            ["Input.Publisher"] = "Example Press",
            ["Input.Note"] = "Extended version of the workshop paper",
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var saved = await factory.QueryAsync(db => db.Publications.SingleAsync(p => p.Id == paper.Id));
        Assert.Equal(("12", "3", "58--70", "Example Press", "Extended version of the workshop paper"),
            (saved.Volume, saved.Number, saved.Pages, saved.Publisher, saved.Note));

        var reopened = await client.GetDocumentAsync($"/edit/{ada.Slug}/publications/{paper.Id}");
        Assert.Equal("58--70", reopened.QuerySelector("input[name='Input.Pages']")!.GetAttribute("value"));

        var page = await factory.CreateVisitor().GetPageAsync($"/publications/{paper.Id}/{PaperSlug.For(paper.Title)}");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        var facts = page.Document.QuerySelectorAll(".paper-facts dt").ToDictionary(dt => dt.CleanText(), dt => dt.NextElementSibling!.CleanText());
        Assert.Equal(("12", "3", "58–70", "Example Press", "Extended version of the workshop paper"),
            (facts["Volume"], facts["Issue"], facts["Pages"], facts["Publisher"], facts["Note"]));
    }

    [Fact]
    public async Task A_too_long_note_is_refused_with_a_message_next_to_it()
    {
        var ada = await new ResearcherBuilder("Ada Longnote").SaveAsync(factory);
        var client = await factory.SignInAsync((await factory.CreateResearcherAsync(ada.Id)).Email!);
        var paper = await new PublicationBuilder("A paper with a long note", ada).Owner().ShownOn(ada).SaveAsync(factory);

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/{paper.Id}", new Dictionary<string, string>
        {
            ["Input.Note"] = new string('n', PublicationLimits.Note + 1),
        });

        var page = await response.ReadDocumentAsync();
        Assert.Contains("The note is at most 500 characters.", page.QuerySelector("#Input_Note-error")?.CleanText() ?? page.Body!.TextContent, StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.Publications.SingleAsync(p => p.Id == paper.Id));
        Assert.Null(saved.Note);
    }
}
