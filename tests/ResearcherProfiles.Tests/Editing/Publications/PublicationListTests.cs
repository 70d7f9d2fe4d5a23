using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

public sealed class PublicationListTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private async Task<(Researcher Researcher, HttpClient Client)> SignedInAsync(Action<ResearcherBuilder> build)
    {
        var builder = new ResearcherBuilder("Ada Moreau");
        build(builder);
        var researcher = await builder.SaveAsync(factory);
        var user = await factory.CreateResearcherAsync(researcher.Id);
        return (researcher, await factory.SignInAsync(user.Email!));
    }

    private Task<List<ProfilePublication>> EntriesAsync(int researcherId) => factory.QueryAsync(db => db.ProfilePublications
        .Include(pp => pp.Publication)
        .Where(pp => pp.ResearcherId == researcherId)
        .OrderBy(pp => pp.SortOrder)
        .ToListAsync());

    private static async Task PressAsync(HttpClient client, Researcher researcher, ProfilePublication entry, string operation)
    {
        var url = $"/edit/{researcher.Slug}/publications";
        using var response = await client.PressRowButtonAsync(url, "id", entry.Id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, string> { ["operation"] = operation });
        response.AssertRedirectTo(url);
    }

    [Fact]
    public async Task Publications_move_up_and_down_and_the_public_list_follows()
    {
        var (ada, client) = await SignedInAsync(b => b
            .WithPublication("First", p => p.Owner())
            .WithPublication("Second", p => p.Owner())
            .WithPublication("Third", p => p.Owner()));

        await PressAsync(client, ada, (await EntriesAsync(ada.Id))[2], "MoveUp");
        Assert.Equal(["First", "Third", "Second"], (await EntriesAsync(ada.Id)).Select(e => e.Publication!.Title));
        await PressAsync(client, ada, (await EntriesAsync(ada.Id))[0], "MoveDown");
        Assert.Equal(["Third", "First", "Second"], (await EntriesAsync(ada.Id)).Select(e => e.Publication!.Title));

        var page = await factory.CreateVisitor().GetPageAsync($"/people/{ada.Slug}/publications");
        Assert.Equal(["Third", "First", "Second"], page.TextsOf(".pub-title"));
    }

    [Fact]
    public async Task Hiding_and_highlighting_change_only_this_profiles_listing()
    {
        var bo = await new ResearcherBuilder("Bo Chen").SaveAsync(factory);
        var (ada, client) = await SignedInAsync(b => b
            .WithPublication("Shared paper", p => p.Owner().Author(bo).ShownOn(bo))
            .WithPublication("Other paper", p => p.Owner()));
        var shared = (await EntriesAsync(ada.Id))[0];

        await PressAsync(client, ada, shared, "Highlight");
        var profile = await factory.CreateVisitor().GetPageAsync($"/people/{ada.Slug}");
        Assert.Equal("Selected publications", profile.TextOf("#publications-heading"));
        Assert.Equal(["Shared paper"], profile.TextsOf(".pub-title"));

        await PressAsync(client, ada, shared, "Hide");
        var list = await factory.CreateVisitor().GetPageAsync($"/people/{ada.Slug}/publications");
        Assert.Equal(["Other paper"], list.TextsOf(".pub-title"));
        var onBo = await factory.CreateVisitor().GetPageAsync($"/people/{bo.Slug}/publications");
        Assert.Equal(["Shared paper"], onBo.TextsOf(".pub-title"));

        await PressAsync(client, ada, shared, "Show");
        await PressAsync(client, ada, shared, "Unhighlight");
        var entry = (await EntriesAsync(ada.Id))[0];
        Assert.True(entry.IsVisible);
        Assert.False(entry.IsHighlighted);
    }

    [Fact]
    public async Task Removing_a_shared_paper_takes_it_off_this_profile_only()
    {
        var bo = await new ResearcherBuilder("Bo Chen").SaveAsync(factory);
        var (ada, client) = await SignedInAsync(b => b.WithPublication("Shared and removed", p => p.Owner().Author(bo).ShownOn(bo)));

        await PressAsync(client, ada, (await EntriesAsync(ada.Id))[0], "Remove");

        Assert.Empty(await EntriesAsync(ada.Id));
        var publication = await factory.QueryAsync(db => db.Publications.Include(p => p.Authors).SingleAsync(p => p.Title == "Shared and removed"));
        Assert.Equal(2, publication.Authors.Count);
        Assert.Equal("Shared and removed", Assert.Single(await EntriesAsync(bo.Id)).Publication!.Title);
    }

    [Fact]
    public async Task Removing_a_paper_nobody_else_lists_deletes_it_and_the_history_page_restores_it_whole()
    {
        var (ada, client) = await SignedInAsync(b => b
            .WithPublication("Kept", p => p.Owner())
            .WithPublication("Removed then restored", p => p.Owner().Author("Li Wei", equal: true).Link(PublicationLinkKind.Pdf, "https://example.org/p.pdf"), highlighted: true));
        var entry = (await EntriesAsync(ada.Id))[1];

        await PressAsync(client, ada, entry, "Remove");
        Assert.False(await factory.QueryAsync(db => db.Publications.AnyAsync(p => p.Title == "Removed then restored")));
        Assert.False(await factory.QueryAsync(db => db.PublicationAuthors.AnyAsync(a => a.PublicationId == entry.PublicationId)));

        var history = await client.GetDocumentAsync($"/edit/{ada.Slug}/history");
        var latest = history.QuerySelector(".history-entry")!;
        Assert.Contains("Deleted Publication “Removed then restored”", latest.CleanText(), StringComparison.Ordinal);
        Assert.Equal("Restore", latest.QuerySelector("form button")!.CleanText());
        using var restore = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)latest.QuerySelector("form")!, $"/edit/{ada.Slug}/history", new Dictionary<string, string>());
        restore.AssertRedirectTo($"/edit/{ada.Slug}/history");

        var restored = await factory.QueryAsync(db => db.Publications.Include(p => p.Authors).Include(p => p.Links).Include(p => p.Profiles)
            .SingleAsync(p => p.Title == "Removed then restored"));
        Assert.Equal(entry.PublicationId, restored.Id);
        Assert.Equal(["Ada Moreau", "Li Wei"], restored.Authors.OrderBy(a => a.Position).Select(a => a.Name));
        Assert.Single(restored.Links);
        var listing = Assert.Single(restored.Profiles);
        Assert.True(listing.IsHighlighted);
        Assert.Equal(entry.SortOrder, listing.SortOrder);
        var page = await factory.CreateVisitor().GetPageAsync($"/people/{ada.Slug}/publications");
        Assert.Equal(["Kept", "Removed then restored"], page.TextsOf(".pub-title").Select(t => t.TrimStart('★', ' ').Replace("Selected: ", "", StringComparison.Ordinal)));
    }
}
