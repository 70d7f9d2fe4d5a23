using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// The researcher list of each author row offers this profile's co-authors, not every researcher
/// on the site; anyone else is linked by typing their profile address.
/// </summary>
public sealed class CoauthorPickerTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private async Task<(Researcher Researcher, HttpClient Client)> SignedInResearcherAsync(Action<ResearcherBuilder>? build = null)
    {
        var builder = new ResearcherBuilder("Ada Moreau");
        build?.Invoke(builder);
        var researcher = await builder.SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(researcher.Id);
        return (researcher, await factory.SignInAsync(user.Email!));
    }

    private Task<Publication?> FindAsync(string title) => factory.QueryAsync(db => db.Publications
        .Include(p => p.Authors).Include(p => p.Profiles)
        .SingleOrDefaultAsync(p => p.Title == title));

    [Fact]
    public async Task The_researcher_list_offers_the_owner_and_co_authors_but_not_everyone_on_the_site()
    {
        var coauthor = await new ResearcherBuilder("Kai Coauthor").SaveAsync(factory);
        var strangers = new List<Researcher>();
        for (var i = 0; i < 30; i++)
        {
            strangers.Add(await new ResearcherBuilder($"Stranger Number{i}").SaveAsync(factory));
        }
        var (ada, client) = await SignedInResearcherAsync(b => b.WithPublication("Written together", p => p.Owner().Author(coauthor)));

        var document = await client.GetDocumentAsync($"/edit/{ada.Slug}/publications/new");

        var options = document.QuerySelectorAll("select[name='Input.Authors[0].ResearcherId'] option").Select(o => o.CleanText()).ToList();
        Assert.Equal(["— not on this site —", "Ada Moreau", "Kai Coauthor"], options);
        Assert.DoesNotContain(strangers, s => document.Body!.TextContent.Contains(s.DisplayName, StringComparison.Ordinal));
        Assert.NotNull(document.QuerySelector("input[name='Input.Authors[1].ProfileAddress']"));
        Assert.Equal("Or their profile address on this site (author 2)", document.QuerySelector("label[for='Input_Authors_1__ProfileAddress']")?.CleanText());
    }

    [Theory]
    [InlineData("{slug}")]
    [InlineData("  {slug}/ ")]
    [InlineData("https://profiles.example.org/people/{slug}")]
    public async Task A_profile_address_links_the_author_and_suggests_the_paper_to_them(string address)
    {
        var bo = await new ResearcherBuilder("Bo Faraway").SaveAsync(factory);
        var (ada, client) = await SignedInResearcherAsync();
        var title = $"Linked by address {Guid.NewGuid():N}";

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Authors[1].ProfileAddress"] = address.Replace("{slug}", bo.Slug, StringComparison.Ordinal),
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var saved = (await FindAsync(title))!;
        Assert.Equal([("Ada Moreau", (int?)ada.Id), ("Bo Faraway", bo.Id)], saved.Authors.OrderBy(a => a.Position).Select(a => (a.Name, a.ResearcherId)));
        Assert.DoesNotContain(saved.Profiles, p => p.ResearcherId == bo.Id);
        Assert.True(await factory.QueryAsync(db => db.PublicationSuggestions.AnyAsync(s => s.ResearcherId == bo.Id && s.PublicationId == saved.Id)));
    }

    [Fact]
    public async Task An_unknown_profile_address_is_explained_next_to_the_field_and_nothing_is_saved()
    {
        var (ada, client) = await SignedInResearcherAsync();

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Never saved",
            ["Input.Authors[1].Name"] = "Somebody Else",
            ["Input.Authors[1].ProfileAddress"] = "no-such-person",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Equal(
            "No profile on this site has the address “no-such-person”. Enter the last part of their profile's address (for /people/ada-lovelace, ada-lovelace), or leave this empty.",
            document.QuerySelector("[data-valmsg-for='Input.Authors[1].ProfileAddress']")?.CleanText());
        Assert.Equal("no-such-person", ((IHtmlInputElement)document.QuerySelector("input[name='Input.Authors[1].ProfileAddress']")!).Value);
        Assert.Null(await FindAsync("Never saved"));
    }

    [Fact]
    public async Task A_researcher_linked_by_address_is_then_chosen_in_the_rows_list()
    {
        var bo = await new ResearcherBuilder("Bo Listed").SaveAsync(factory);
        var (ada, client) = await SignedInResearcherAsync();
        var url = $"/edit/{ada.Slug}/publications/new";

        using var response = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Authors[1].ProfileAddress"] = bo.Slug,
            ["Command"] = "add-author",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        var chosen = document.QuerySelector("select[name='Input.Authors[1].ResearcherId'] option[selected]");
        Assert.Equal(("Bo Listed", bo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (chosen?.CleanText(), chosen?.GetAttribute("value")));
        Assert.Equal("", ((IHtmlInputElement)document.QuerySelector("input[name='Input.Authors[1].ProfileAddress']")!).Value);
    }
}
