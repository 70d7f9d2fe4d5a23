using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>An author row's on-site link follows the name typed in it: a name that is not the linked researcher's is a message, never a silent attribution.</summary>
public sealed class AuthorLinkTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private Task<(Researcher Researcher, HttpClient Client)> SignedInAsync(string name, Action<Researcher>? change = null) =>
        factory.OwnedProfileAsync(new ResearcherBuilder(name).With(change ?? (_ => { })));

    [Fact]
    public async Task Typing_another_name_over_the_prefilled_owner_is_a_message_next_to_the_row_and_saves_nothing()
    {
        var (ada, client) = await SignedInAsync("Ada Moreau");

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Someone else's paper",
            ["Input.Authors[0].Name"] = "Bo Chen",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("“Bo Chen” is linked to Ada Moreau's profile; choose the right profile or “not on this site”.",
            page.QuerySelector("[data-valmsg-for='Input.Authors[0].ResearcherId']")?.TextContent.Trim());
        Assert.False(await factory.ReadAsync(db => db.Publications.AnyAsync(p => p.Title == "Someone else's paper")));
    }

    [Theory]
    [InlineData("Ada Moreau")]
    [InlineData("ada moreau")]
    [InlineData("A. Moreau")]
    [InlineData("Moreau, Ada")]
    [InlineData("Moreau, A.")]
    [InlineData("Ada Móreau")]
    [InlineData("A. Lindqvist-Moreau")]
    public async Task A_name_that_is_a_way_of_writing_the_linked_researcher_keeps_the_link(string typed)
    {
        var (ada, client) = await SignedInAsync("Ada Moreau", r => r.NameVariants = ["Ada Lindqvist-Moreau"]);
        var title = string.Create(CultureInfo.InvariantCulture, $"Written as {typed}");

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Authors[0].Name"] = typed,
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var author = await factory.ReadAsync(db => db.Publications.Where(p => p.Title == title).SelectMany(p => p.Authors).SingleAsync());
        Assert.Equal(ada.Id, author.ResearcherId);
        Assert.Equal(typed, author.Name);
    }

    [Fact]
    public async Task Choosing_not_on_this_site_for_the_retyped_row_saves_the_author_unlinked()
    {
        var (ada, client) = await SignedInAsync("Ada Moreau");

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "A paper by Bo alone",
            ["Input.Authors[0].Name"] = "Bo Chen",
            ["Input.Authors[0].ResearcherId"] = "",
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var author = await factory.ReadAsync(db => db.Publications.Where(p => p.Title == "A paper by Bo alone").SelectMany(p => p.Authors).SingleAsync());
        Assert.Equal("Bo Chen", author.Name);
        Assert.Null(author.ResearcherId);
    }

    [Fact]
    public async Task One_profile_linked_on_two_author_rows_is_a_message_next_to_the_second_and_saves_nothing()
    {
        var (ada, client) = await SignedInAsync("Ada Moreau");
        var id = ada.Id.ToString(CultureInfo.InvariantCulture);

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ada twice over",
            ["Input.Authors[0].Name"] = "Ada Moreau",
            ["Input.Authors[0].ResearcherId"] = id,
            ["Input.Authors[1].Name"] = "A. Moreau",
            ["Input.Authors[1].ResearcherId"] = id,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Ada Moreau is author 1 already; link their profile to one row only, or choose “not on this site” here.",
            page.QuerySelector("[data-valmsg-for='Input.Authors[1].ResearcherId']")?.TextContent.Trim());
        Assert.False(await factory.ReadAsync(db => db.Publications.AnyAsync(p => p.Title == "Ada twice over")));
    }
}
