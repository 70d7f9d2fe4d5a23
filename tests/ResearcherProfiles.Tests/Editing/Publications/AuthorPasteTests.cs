using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// The publication form's "Paste an author list" box: "Fill the author rows" without JavaScript, a
/// save with a list in the box, the on-site links that follow the names, and row buttons that land
/// at the row they acted on.
/// </summary>
public sealed class AuthorPasteTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private const string ElevenAuthors =
        "A. Moreau*, B. Jones*, C. Wu, D. Okafor, E. Lindqvist, F. Haddad, G. Rossi, H. Tanaka, I. Novak, J. Silva, and K. Mensah†";

    private Task<(Researcher Researcher, HttpClient Client)> SignedInAsync(string name = "Ada Moreau", Action<Researcher>? change = null) =>
        factory.OwnedProfileAsync(new ResearcherBuilder(name).With(change ?? (_ => { })));

    private Task<List<PublicationAuthor>> AuthorsOfAsync(string title) => factory.ReadAsync(db => db.Publications
        .Where(p => p.Title == title).SelectMany(p => p.Authors).OrderBy(a => a.Position).AsNoTracking().ToListAsync());

    private static List<string> RowNames(IHtmlDocument page) =>
        page.QuerySelectorAll("li.author-row input[name$='.Name']").OfType<IHtmlInputElement>().Select(i => i.Value).ToList();

    private static string? RowResearcher(IHtmlDocument page, int row) =>
        (page.QuerySelector($"select[name='Input.Authors[{row}].ResearcherId']") as IHtmlSelectElement)?.Value;

    [Fact]
    public async Task A_pasted_eleven_author_list_is_saved_in_one_post_in_order_with_its_marks()
    {
        var (ada, client) = await SignedInAsync();

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Eleven authors, one save",
            ["Input.AuthorPaste"] = ElevenAuthors,
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var authors = await AuthorsOfAsync("Eleven authors, one save");
        Assert.Equal(
            ["A. Moreau", "B. Jones", "C. Wu", "D. Okafor", "E. Lindqvist", "F. Haddad", "G. Rossi", "H. Tanaka", "I. Novak", "J. Silva", "K. Mensah"],
            authors.Select(a => a.Name));
        Assert.Equal(Enumerable.Range(0, 11), authors.Select(a => a.Position));
        Assert.Equal(ada.Id, authors[0].ResearcherId);
        Assert.All(authors.Skip(1), a => Assert.Null(a.ResearcherId));
        Assert.Equal([true, true, false], authors.Take(3).Select(a => a.EqualContribution));
        Assert.True(authors[10].Corresponding);
        Assert.Equal(1, authors.Count(a => a.Corresponding));
    }

    [Fact]
    public async Task A_pasted_list_longer_than_the_bound_is_refused_on_save_instead_of_cut()
    {
        var (ada, client) = await SignedInAsync();
        var title = "Too many authors " + TestNames.Unique();
        var names = string.Join(" and ", Enumerable.Range(1, 1_001).Select(i => $"Author{i} Person"));

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.AuthorPaste"] = names,
            ["Command"] = "save",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(
            "The pasted list has more than 1000 names, and a publication has at most 1000 authors here; shorten the list.",
            page.QuerySelector("#author-paste-error")?.TextContent.Trim());
        Assert.Equal(names, (page.QuerySelector("textarea[name='Input.AuthorPaste']") as IHtmlTextAreaElement)?.Value);
        Assert.False(await factory.ReadAsync(db => db.Publications.AnyAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Fill_without_javascript_returns_the_rows_filled_linked_and_unsaved_at_the_author_fieldset()
    {
        var (ada, client) = await SignedInAsync();
        var url = $"/edit/{ada.Slug}/publications/new";
        var form = await client.GetDocumentAsync(url);
        Assert.EndsWith($"{url}#author-fill-status", form.QuerySelector("button[value='fill-authors']")?.GetAttribute("formaction"), StringComparison.Ordinal);
        Assert.Equal("Paste an author list", form.QuerySelector("label[for='author-paste']")?.TextContent.Trim());

        using var response = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Command"] = "fill-authors",
            ["Input.Title"] = "Filled, not saved",
            ["Input.AuthorPaste"] = "Smith, A. and Moreau, Ada and Wu, C.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["A. Smith", "Ada Moreau", "C. Wu"], RowNames(page));
        Assert.Equal("", RowResearcher(page, 0));
        Assert.Equal(ada.Id.ToString(CultureInfo.InvariantCulture), RowResearcher(page, 1));
        Assert.StartsWith("Filled 3 author rows.", page.QuerySelector("#author-fill-status")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("", ((IHtmlTextAreaElement)page.QuerySelector("#author-paste")!).Value);
        Assert.Equal("Filled, not saved", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        Assert.Null(page.QuerySelector(".form-errors"));
        Assert.False(await factory.ReadAsync(db => db.Publications.AnyAsync(p => p.Title == "Filled, not saved")));
    }

    [Fact]
    public async Task The_owner_is_found_by_a_name_variant_and_the_prefilled_owner_link_does_not_stick_to_another_name()
    {
        var (ada, client) = await SignedInAsync(change: r => r.NameVariants = ["Ada Lindqvist-Moreau"]);

        // The form comes with the owner in row 1; the pasted list puts someone else there.
        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "The owner second",
            ["Input.AuthorPaste"] = "Bo Chen\nA. Lindqvist-Moreau",
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        var authors = await AuthorsOfAsync("The owner second");
        Assert.Equal([("Bo Chen", (int?)null), ("A. Lindqvist-Moreau", ada.Id)], authors.Select(a => (a.Name, a.ResearcherId)));
    }

    [Fact]
    public async Task A_co_author_on_the_site_is_linked_by_their_name()
    {
        var bo = await new ResearcherBuilder("Bo Chen").SaveAsync(factory);
        var (ada, client) = await SignedInAsync();
        await new PublicationBuilder("An earlier paper together", ada).Owner().Author(bo).ShownOn(ada).SaveAsync(factory);
        var url = $"/edit/{ada.Slug}/publications/new";

        using var response = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Command"] = "fill-authors",
            ["Input.AuthorPaste"] = "Moreau, A. and Chen, B. and Chen, Q.",
        });

        var page = await response.ReadDocumentAsync();
        Assert.Equal(
            [ada.Id.ToString(CultureInfo.InvariantCulture), bo.Id.ToString(CultureInfo.InvariantCulture), ""],
            Enumerable.Range(0, 3).Select(i => RowResearcher(page, i)));
    }

    [Theory]
    [InlineData("", "Paste the author list into the box first, then fill the rows.")]
    [InlineData(", ; * and", "No names were found in the pasted text. Separate the names with commas, “and” or new lines.")]
    public async Task A_fill_that_finds_no_names_says_so_next_to_the_box_and_keeps_the_rows(string pasted, string message)
    {
        var (ada, client) = await SignedInAsync();

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Command"] = "fill-authors",
            ["Input.AuthorPaste"] = pasted,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(message, page.QuerySelector("[data-valmsg-for='Input.AuthorPaste']")?.TextContent.Trim());
        Assert.Equal(["Ada Moreau", "", ""], RowNames(page));
    }

    [Fact]
    public async Task Saving_with_a_list_that_has_no_names_is_a_message_and_saves_nothing()
    {
        var (ada, client) = await SignedInAsync();

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Not with that list",
            ["Input.AuthorPaste"] = "* * *",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("No names were found", page.QuerySelector(".form-errors")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".form-errors a[href='#Input_AuthorPaste']"));
        Assert.NotNull(page.QuerySelector("#Input_AuthorPaste"));
        Assert.False(await factory.ReadAsync(db => db.Publications.AnyAsync(p => p.Title == "Not with that list")));
    }

    [Fact]
    public async Task Row_buttons_post_to_the_same_address_with_its_query_and_land_at_the_row_they_acted_on()
    {
        var (ada, client) = await SignedInAsync();
        var url = $"/edit/{ada.Slug}/publications/new?from=list";
        var page = await client.GetDocumentAsync(url);

        string? Action(string command) => page.QuerySelector($"button[name='Command'][value='{command}']")?.GetAttribute("formaction");
        // Each lands at the control to use next: the new row's name, the moved row's same button (its name when that button is now disabled).
        var here = $"/edit/{ada.Slug}/publications/new?from=list";
        Assert.Equal($"{here}#Input_Authors_3__Name", Action("add-author"));
        Assert.Equal($"{here}#Input_Authors_0__Name", Action("author-up-1"));
        Assert.Equal($"{here}#author-2-down", Action("author-down-0"));
        Assert.Equal($"{here}#Input_Authors_2__Name", Action("author-down-1"));
        Assert.Equal($"{here}#Input_Authors_1__Name", Action("author-remove-2"));
        Assert.Equal($"{here}#Input_Links_3__Kind", Action("add-link"));
        Assert.Equal($"{here}#Input_Links_1__Kind", Action("link-remove-1"));
        Assert.NotNull(page.QuerySelector("li#author-3"));

        var form = (IHtmlFormElement)page.QuerySelector("main form")!;
        form.SetAttribute("action", Action("add-author")!.Split('#')[0]);
        using var added = await client.SubmitAsync(form, url, new Dictionary<string, string> { ["Command"] = "add-author" });
        var after = await added.ReadDocumentAsync();
        Assert.Equal(4, RowNames(after).Count);
        Assert.NotNull(after.QuerySelector("#author-4 #Input_Authors_3__Name"));

        using var moved = await client.SubmitAsync((IHtmlFormElement)after.QuerySelector("main form")!, url, new Dictionary<string, string> { ["Command"] = "author-down-0" });
        var movedPage = await moved.ReadDocumentAsync();
        Assert.Equal(["", "Ada Moreau", "", ""], RowNames(movedPage));
        Assert.False(((IHtmlButtonElement)movedPage.QuerySelector("#author-2 #author-2-down")!).IsDisabled);
    }

    [Theory]
    [InlineData("author-up-99999999999999999999")]
    [InlineData("author-remove--1")]
    [InlineData("author-remove-")]
    [InlineData("author-sideways-1")]
    [InlineData("link-remove-abc")]
    [InlineData("link-remove-40")]
    [InlineData("add-author-now")]
    [InlineData("nonsense")]
    [InlineData("-")]
    public async Task Odd_commands_come_back_as_the_form_and_save_nothing(string command)
    {
        var (ada, client) = await SignedInAsync();

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Command"] = command,
            ["Input.Title"] = "Odd command " + command,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Ada Moreau", "", ""], RowNames(await response.ReadDocumentAsync()));
        Assert.False(await factory.ReadAsync(db => db.Publications.AnyAsync(p => p.Title.StartsWith("Odd command"))));
    }

    [Fact]
    public async Task A_huge_paste_is_a_message_not_an_error_page()
    {
        var (ada, client) = await SignedInAsync();
        var url = $"/edit/{ada.Slug}/publications/new";
        var token = await client.TokenFromAsync(url);

        using var response = await client.PostAsync(url,
        [
            new("Command", "fill-authors"),
            new("Input.AuthorPaste", string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"Author {i}"))),
        ], token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("A pasted author list is at most 100000 characters.", page.QuerySelector("[data-valmsg-for='Input.AuthorPaste']")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("save")]
    [InlineData("fill-authors")]
    public async Task A_pasted_name_longer_than_an_author_name_can_be_is_a_message_next_to_the_box_and_changes_nothing(string command)
    {
        var title = "Long pasted name " + TestNames.Unique();
        var (ada, client) = await factory.OwnedProfileAsync(new ResearcherBuilder("Ada Moreau").WithPublication(title, p => p.Owner().Author("B. Jones")));
        var id = await factory.ReadAsync(db => db.Publications.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        var url = $"/edit/{ada.Slug}/publications/{id.ToString(CultureInfo.InvariantCulture)}";
        var longName = string.Concat(Enumerable.Repeat("Long name ", 30));

        using var response = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Command"] = command,
            ["Input.AuthorPaste"] = $"C. Wu, {longName}",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(
            "The name “Long name Long name Long name Long name …” is longer than an author's name can be (200 characters). Separate the names with commas, “and” or new lines.",
            page.QuerySelector("[data-valmsg-for='Input.AuthorPaste']")?.TextContent.Trim());
        Assert.Equal(["Ada Moreau", "B. Jones"], RowNames(page).Where(n => n.Length > 0));
        Assert.Equal(["Ada Moreau", "B. Jones"], (await AuthorsOfAsync(title)).Select(a => a.Name));
    }

    [Fact]
    public async Task More_names_than_a_paper_takes_fill_the_rows_up_to_the_limit_and_say_so()
    {
        var (ada, client) = await SignedInAsync();
        var url = $"/edit/{ada.Slug}/publications/new";
        var token = await client.TokenFromAsync(url);

        using var response = await client.PostAsync(url,
        [
            new("Command", "fill-authors"),
            new("Input.AuthorPaste", string.Join("\n", Enumerable.Range(0, 1005).Select(i => $"Au {i}"))),
        ], token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(1000, RowNames(page).Count);
        Assert.Contains("at most 1000 authors", page.QuerySelector("#author-fill-status")?.TextContent, StringComparison.Ordinal);
    }
}
