using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>Connecting a profile to its ORCID, DBLP and OpenAlex ids through the real form.</summary>
public sealed class ConnectionsTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    internal static string Url(string slug) => $"/edit/{slug}/publications/sources";

    internal static Task<HttpResponseMessage> SaveAsync(HttpClient owner, string slug, string orcid = "", string dblp = "", string openAlex = "", bool citations = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.OrcidId"] = orcid,
            ["Input.DblpPid"] = dblp,
            ["Input.OpenAlexAuthorId"] = openAlex,
        };
        if (citations)
        {
            fields["Input.ShowCitationCounts"] = "true";
        }
        return owner.SubmitFormAsync(Url(slug), fields, "form.sources-form");
    }

    [Fact]
    public async Task Ids_pasted_as_addresses_are_saved_as_ids_and_the_profile_is_scheduled_for_a_look()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Connie Connects"));
        var editor = await owner.GetDocumentAsync($"/edit/{profile.Slug}/publications");
        Assert.NotNull(editor.QuerySelector($"a[href='{Url(profile.Slug)}']"));

        using var saved = await SaveAsync(owner, profile.Slug, " https://orcid.org/0000-0002-1825-0097 ", "https://dblp.org/pid/31/1161.html", "https://openalex.org/a5023888391", citations: true);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.ResearcherAsync(profile.Id);
        Assert.Equal(("0000-0002-1825-0097", "31/1161", "A5023888391", true), (stored.OrcidId, stored.DblpPid, stored.OpenAlexAuthorId, stored.ShowCitationCounts));
        var state = await factory.ReadAsync(db => db.SourceSyncStates.SingleAsync(s => s.ResearcherId == profile.Id));
        Assert.True(state.DueAt <= DateTime.UtcNow);
        var page = await owner.GetDocumentAsync(Url(profile.Slug));
        Assert.Contains("New papers are looked for within a few minutes", page.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Import from ORCID", "Import from DBLP", "Import from OpenAlex"], page.QuerySelectorAll("form.import-source button").Select(b => b.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("form.check-now"));
    }

    [Theory]
    [InlineData("0000-0002-1825-0098", "", "", "Input.OrcidId", "its last digit must agree")]
    [InlineData("orcid", "", "", "Input.OrcidId", "This is not an ORCID iD")]
    [InlineData("", "https://dblp.org/search?q=someone", "", "Input.DblpPid", "This is not a DBLP person id")]
    [InlineData("", "", "W2741809807", "Input.OpenAlexAuthorId", "This is not an OpenAlex author id")]
    public async Task A_malformed_id_is_refused_next_to_its_field_and_nothing_is_saved(string orcid, string dblp, string openAlex, string field, string message)
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Mal Formed"));

        using var response = await SaveAsync(owner, profile.Slug, orcid, dblp, openAlex);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        var stored = await factory.ResearcherAsync(profile.Id);
        Assert.Equal((null, null, null), (stored.OrcidId, stored.DblpPid, stored.OpenAlexAuthorId));
        Assert.False(await factory.ReadAsync(db => db.SourceSyncStates.AnyAsync(s => s.ResearcherId == profile.Id)));
    }

    [Fact]
    public async Task The_ids_of_the_profiles_own_ORCID_and_DBLP_links_are_offered()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Lina Links")
            .With(r => r.Links.Add(new ProfileLink { Kind = ProfileLinkKind.Orcid, Url = "https://orcid.org/0000-0002-1825-0097" }))
            .With(r => r.Links.Add(new ProfileLink { Kind = ProfileLinkKind.Dblp, Url = "https://dblp.org/pid/h/LinaLinks.html" })));

        var page = await owner.GetDocumentAsync(Url(profile.Slug));

        Assert.Equal("0000-0002-1825-0097", page.QuerySelector("#Input_OrcidId")!.GetAttribute("value"));
        Assert.Equal("h/LinaLinks", page.QuerySelector("#Input_DblpPid")!.GetAttribute("value"));
        Assert.Contains("filled in from your profile's links", page.QuerySelector(".sources-form")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null((await factory.ResearcherAsync(profile.Id)).OrcidId);
    }

    [Fact]
    public async Task Disconnecting_every_source_stops_the_looks()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Dee Connected"));
        (await SaveAsync(owner, profile.Slug, "0000-0002-1825-0097")).Dispose();

        using var cleared = await SaveAsync(owner, profile.Slug);

        Assert.Null((await factory.ResearcherAsync(profile.Id)).OrcidId);
        var page = await owner.GetDocumentAsync(Url(profile.Slug));
        Assert.Contains("No source is watched for new papers now.", page.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form.import-source"));
    }

    [Fact]
    public async Task Another_researcher_can_neither_see_nor_change_the_connections()
    {
        var (profile, _) = await factory.OwnedProfileAsync(new ResearcherBuilder("Priya Private"));
        var (strangersOwn, stranger) = await factory.OwnedProfileAsync(new ResearcherBuilder("Sid Stranger"));
        using var read = await stranger.GetAsync(new Uri(Url(profile.Slug), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        var token = await stranger.TokenFromAsync(Url(strangersOwn.Slug));

        using var write = await stranger.PostAsync(Url(profile.Slug), [new("Input.OrcidId", "0000-0002-1825-0097"), new("Input.Version", "0")], token);

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Null((await factory.ResearcherAsync(profile.Id)).OrcidId);
    }
}
