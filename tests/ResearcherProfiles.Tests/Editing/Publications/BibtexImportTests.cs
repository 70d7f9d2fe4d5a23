using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// The BibTeX import through its real forms: preview, choose, import. The test database is shared,
/// so every test makes up its own surnames and titles; otherwise papers and people of other tests
/// would be found as duplicates and namesakes.
/// </summary>
public sealed class BibtexImportTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    private sealed record Owner(Researcher Profile, HttpClient Client, string Surname)
    {
        public string ImportUrl => $"/edit/{Profile.Slug}/publications/import";
    }

    private async Task<Owner> OwnerAsync(string given = "Mira", Action<Researcher>? change = null)
    {
        var surname = "Castellanos" + TestNames.Unique();
        var builder = new ResearcherBuilder($"{given} {surname}");
        if (change is not null)
        {
            builder.With(change);
        }
        var (profile, client) = await factory.OwnedProfileAsync(builder);
        return new Owner(profile, client, surname);
    }

    private static async Task<IHtmlDocument> PreviewAsync(Owner owner, string bibtex)
    {
        using var response = await owner.Client.SubmitFormAsync(owner.ImportUrl, new Dictionary<string, string> { ["Bibtex"] = bibtex }, "form.import-source");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    private static async Task<HttpResponseMessage> ImportAsync(Owner owner, IHtmlDocument preview, Func<int, bool>? choose = null)
    {
        var form = (IHtmlFormElement)preview.QuerySelector("form.import-form")!;
        if (choose is not null)
        {
            foreach (var box in form.QuerySelectorAll<IHtmlInputElement>("input[name=Chosen]"))
            {
                box.IsChecked = choose(int.Parse(box.Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return await owner.Client.SubmitAsync(form, owner.ImportUrl, new Dictionary<string, string>());
    }

    private static string State(IHtmlDocument preview, int index) => preview.QuerySelector($"#entry-{index} .import-state")!.CleanText();

    private Task<List<Publication>> ListedOnAsync(int researcherId) => factory.ReadAsync(db => db.Publications
        .Include(p => p.Authors).Include(p => p.Links).Include(p => p.Profiles)
        .Where(p => p.Profiles.Any(pp => pp.ResearcherId == researcherId))
        .OrderBy(p => p.Id)
        .AsSplitQuery()
        .ToListAsync());

    [Fact]
    public async Task Imported_papers_join_the_list_where_their_dates_put_them_in_file_order_for_equal_dates()
    {
        var owner = await OwnerAsync();
        await factory.ReadAsync(async db =>
        {
            foreach (var (title, year, order) in new[] { ("Kept 2024", 2024, 0), ("Kept 2020", 2020, 1) })
            {
                var paper = new Publication { Title = title, Year = year, CreatedAt = DateTimeOffset.UtcNow };
                paper.Profiles.Add(new ProfilePublication { ResearcherId = owner.Profile.Id, SortOrder = order, IsVisible = true });
                db.Publications.Add(paper);
            }
            return await db.SaveChangesAsync();
        });
        var t = TestNames.Unique();
        var preview = await PreviewAsync(owner, $$$"""
            @article{a, title = {Undated {{{t}}}}, author = {Mira {{{owner.Surname}}}}, journal = {J}}
            @article{b, title = {First of 2022 {{{t}}}}, author = {Mira {{{owner.Surname}}}}, journal = {J}, year = 2022}
            @article{c, title = {Second of 2022 {{{t}}}}, author = {Mira {{{owner.Surname}}}}, journal = {J}, year = 2022}
            @article{d, title = {Newest {{{t}}}}, author = {Mira {{{owner.Surname}}}}, journal = {J}, year = 2025, month = mar}
            """);

        (await ImportAsync(owner, preview)).Dispose();

        var order = await factory.ReadAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == owner.Profile.Id)
            .OrderBy(pp => pp.SortOrder).ThenBy(pp => pp.Id).Select(pp => pp.Publication!.Title).ToListAsync());
        Assert.Equal([$"Newest {t}", "Kept 2024", $"First of 2022 {t}", $"Second of 2022 {t}", "Kept 2020", $"Undated {t}"], order);
    }

    [Fact]
    public async Task Preview_shows_each_entry_as_it_will_appear_and_saves_nothing()
    {
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var preview = await PreviewAsync(owner, $$$"""
            @inproceedings{castellanos2023{{{t}}},
              title = {{Sparse} Attention for {Long} Documents {{{t}}}},
              author = {Castellanos, Mira and Wei, Li and Ortiz, Sam},
              booktitle = {International Conference on Learning Representations},
              abbr = {ICLR},
              year = {2023},
              month = may,
              award = {Spotlight},
              code = {https://github.com/example/sparse},
            }
            """.Replace("Castellanos, Mira", $"{owner.Surname}, Mira", StringComparison.Ordinal));

        Assert.Equal("New", State(preview, 0));
        var pub = preview.QuerySelector("#entry-0 .pub")!;
        Assert.Equal($"Sparse Attention for Long Documents {t}", pub.QuerySelector(".pub-title")!.CleanText());
        Assert.Equal($"Mira {owner.Surname}", pub.QuerySelector("strong.author-self")!.CleanText());
        Assert.Equal($"Mira {owner.Surname}, Li Wei, and Sam Ortiz", pub.QuerySelector(".pub-authors")!.CleanText());
        Assert.Contains("ICLR", pub.QuerySelector(".pub-venue")!.CleanText(), StringComparison.Ordinal);
        Assert.Contains("May 2023", pub.QuerySelector(".pub-venue")!.CleanText(), StringComparison.Ordinal);
        Assert.Equal("Spotlight", pub.QuerySelector(".badge")!.CleanText());
        Assert.True(((IHtmlInputElement)preview.QuerySelector("#choose-0")!).IsChecked);
        Assert.Empty(await ListedOnAsync(owner.Profile.Id));
    }

    [Fact]
    public async Task A_coauthor_written_twice_in_an_entry_is_linked_on_the_first_row_only()
    {
        var bo = await new ResearcherBuilder("Bo Chen" + TestNames.Unique()).SaveAsync(factory);
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var preview = await PreviewAsync(owner, $$"""
            @article{twice,
              title = {Bo Written Twice {{t}}},
              author = {Mira {{owner.Surname}} and {{bo.DisplayName}} and B. {{bo.DisplayName["Bo ".Length..]}}},
              journal = {Journal of Repeats},
              year = 2024,
            }
            """);

        using var response = await ImportAsync(owner, preview);

        response.AssertRedirectsTo($"/edit/{owner.Profile.Slug}/publications");
        var paper = (await ListedOnAsync(owner.Profile.Id)).Single(p => p.Title == $"Bo Written Twice {t}");
        Assert.Equal([owner.Profile.Id, bo.Id, (int?)null], paper.Authors.OrderBy(a => a.Position).Select(a => a.ResearcherId));
        // The paper opens in the editor and saves as it is: no row is refused for linking Bo a second time.
        var url = $"/edit/{owner.Profile.Slug}/publications/{paper.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        using var saved = await owner.Client.SubmitFormAsync(url, new Dictionary<string, string> { ["Command"] = "save" }, "form.publication-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task Importing_saves_the_chosen_entries_with_authors_links_and_selection_and_the_public_profile_shows_them()
    {
        var bo = await new ResearcherBuilder("Bo Chen" + TestNames.Unique()).SaveAsync(factory);
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var preview = await PreviewAsync(owner, $$"""
            @inproceedings{first,
              title = {Graph Priors {{t}}},
              author = {M. {{owner.Surname}}* and {{bo.DisplayName}}* and Sam Ortiz},
              booktitle = {Proceedings of ACL},
              year = 2024,
              selected = {true},
              pdf = {https://example.org/graph.pdf},
              doi = {https://doi.org/10.1234/GRAPH.{{t}}},
            }

            @article{second,
              title = {A {{t}} Journal Paper},
              author = {{{owner.Surname}}, Mira and others},
              journal = {Journal of Things},
              year = {2021}, volume = {12}, number = {3}, pages = {1--20},
            }
            """);
        Assert.Equal(["New", "New"], [State(preview, 0), State(preview, 1)]);

        using var response = await ImportAsync(owner, preview);

        response.AssertRedirectsTo($"/edit/{owner.Profile.Slug}/publications");
        var saved = await ListedOnAsync(owner.Profile.Id);
        Assert.Equal(2, saved.Count);
        var graph = saved.Single(p => p.Title == $"Graph Priors {t}");
        Assert.Equal($"10.1234/graph.{t}", graph.Doi);
        Assert.Equal("first", graph.CitationKey);
        var authors = graph.Authors.OrderBy(a => a.Position).ToList();
        Assert.Equal([$"M. {owner.Surname}", bo.DisplayName, "Sam Ortiz"], authors.Select(a => a.Name));
        Assert.Equal([owner.Profile.Id, bo.Id, (int?)null], authors.Select(a => a.ResearcherId));
        Assert.Equal([true, true, false], authors.Select(a => a.EqualContribution));
        Assert.Equal(PublicationLinkKind.Pdf, Assert.Single(graph.Links).Kind);
        Assert.True(graph.Profiles.Single(pp => pp.ResearcherId == owner.Profile.Id).IsHighlighted);
        // The linked co-author is asked first, as in the publication editor: the paper waits among their suggestions.
        Assert.DoesNotContain(graph.Profiles, pp => pp.ResearcherId == bo.Id);
        Assert.True(await factory.ReadAsync(db => db.PublicationSuggestions.AnyAsync(s => s.ResearcherId == bo.Id && s.PublicationId == graph.Id)));

        var journal = saved.Single(p => p.Title == $"A {t} Journal Paper");
        Assert.Equal(PublicationType.Journal, journal.Type);
        Assert.Equal(("12", "3", "1–20"), (journal.Volume, journal.Number, journal.Pages));

        var page = await factory.CreateVisitor().GetPageAsync($"/people/{owner.Profile.Slug}/publications");
        var article = page.Document.QuerySelector($"#pub-{graph.Id}")!;
        Assert.Equal($"M. {owner.Surname}", article.QuerySelector("strong.author-self")!.CleanText());
        Assert.Equal($"M. {owner.Surname}*, {bo.DisplayName}*, and Sam Ortiz", article.QuerySelector(".pub-authors")!.CleanText());
        Assert.Equal($"Mira {owner.Surname} et al.", page.Document.QuerySelector($"#pub-{journal.Id} .pub-authors")!.CleanText());
        var profile = await factory.CreateVisitor().GetPageAsync($"/people/{owner.Profile.Slug}");
        Assert.NotNull(profile.Document.QuerySelector($"#pub-{graph.Id}"));
        Assert.Null(profile.Document.QuerySelector($"#pub-{journal.Id}"));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_creates_no_duplicates()
    {
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var bibtex = $$"""
            @misc{a, title = {Preprint {{t}}}, author = {Mira {{owner.Surname}}}, eprint = {2403.16952}, archivePrefix = {arXiv}, year = 2024}
            @article{b, title = {Untitled {{t}} Study}, author = {Mira {{owner.Surname}}}, journal = {J}, year = 2020}
            """;
        using (var first = await ImportAsync(owner, await PreviewAsync(owner, bibtex)))
        {
            first.AssertRedirectsTo($"/edit/{owner.Profile.Slug}/publications");
        }

        var again = await PreviewAsync(owner, bibtex.Replace("2403.16952", "arXiv:2403.16952v3", StringComparison.Ordinal).Replace($"Untitled {t} Study", $"{{UNTITLED}} {t} study", StringComparison.Ordinal));

        Assert.Equal(["Already on your profile", "Already on your profile"], [State(again, 0), State(again, 1)]);
        Assert.Contains("arXiv id 2403.16952", again.QuerySelector("#entry-0 .import-match")!.CleanText(), StringComparison.Ordinal);
        Assert.Contains("title and year 2020", again.QuerySelector("#entry-1 .import-match")!.CleanText(), StringComparison.Ordinal);
        Assert.Empty(again.QuerySelectorAll("input[name=Chosen]"));

        // Even a hand-made post of every index imports nothing.
        var token = await owner.Client.TokenFromAsync(owner.ImportUrl);
        using var forced = await owner.Client.PostAsync(owner.ImportUrl + "?handler=Import",
            [new("Bibtex", bibtex), new("Chosen", "0"), new("Chosen", "1")], token);
        forced.AssertRedirectsTo($"/edit/{owner.Profile.Slug}/publications");
        Assert.Equal(2, (await ListedOnAsync(owner.Profile.Id)).Count);
    }

    [Fact]
    public async Task A_paper_already_on_a_coauthors_profile_is_joined_not_copied()
    {
        var t = TestNames.Unique();
        var owner = await OwnerAsync();
        var bo = await new ResearcherBuilder("Bo Chen" + TestNames.Unique())
            .WithPublication($"Shared Work {t}", p => p.Owner().Author($"Mira {owner.Surname}").With(x => x.Doi = $"10.5555/{t}"))
            .SaveAsync(factory);
        var before = await factory.ReadAsync(db => db.Publications.CountAsync());

        var preview = await PreviewAsync(owner, $$"""
            @inproceedings{x, title = {Shared work {{t}} (extended)}, author = {Chen, Bo and {{owner.Surname}}, Mira}, doi = {10.5555/{{t.ToUpperInvariant()}}}, year = 2022}
            """);

        Assert.Equal("Already on the site", State(preview, 0));
        var match = preview.QuerySelector("#entry-0 .import-match")!.CleanText();
        Assert.Contains($"Shared Work {t}", match, StringComparison.Ordinal);
        Assert.Contains($"DOI 10.5555/{t}", match, StringComparison.Ordinal);
        Assert.Contains(bo.DisplayName, match, StringComparison.Ordinal);

        using var response = await ImportAsync(owner, preview);

        response.AssertRedirectsTo($"/edit/{owner.Profile.Slug}/publications");
        Assert.Equal(before, await factory.ReadAsync(db => db.Publications.CountAsync()));
        var shared = Assert.Single(await ListedOnAsync(owner.Profile.Id));
        Assert.Equal($"Shared Work {t}", shared.Title);
        Assert.Equal(new[] { bo.Id, owner.Profile.Id }.Order(), shared.Profiles.Select(pp => pp.ResearcherId).Order());
        Assert.Equal(owner.Profile.Id, shared.Authors.Single(a => a.Name == $"Mira {owner.Surname}").ResearcherId);
    }

    [Fact]
    public async Task Malformed_entries_are_shown_with_their_line_and_the_good_ones_still_import()
    {
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var preview = await PreviewAsync(owner, $$"""
            @article{good1, title = {Good One {{t}}}, author = {Mira {{owner.Surname}}}, journal = {J}, year = 2020}

            @article{notitle, author = {Mira {{owner.Surname}}}, year = 2020}

            @article{broken, title = {Unclosed {{t}}, author = {X}
            @article{good2, title = {Good Two {{t}}}, author = {Mira {{owner.Surname}}}, journal = {J}, year = 2021}
            """);

        var states = preview.QuerySelectorAll(".import-state").Select(s => s.CleanText()).ToList();
        Assert.Equal(2, states.Count(s => s == "New"));
        Assert.Equal(2, states.Count(s => s == "Error"));
        var errors = preview.QuerySelectorAll(".import-entry .field-error").Select(e => e.CleanText()).ToList();
        Assert.Contains("Line 3: The entry has no title.", errors);
        Assert.Contains(errors, e => e.StartsWith("Line 5:", StringComparison.Ordinal));

        using var response = await ImportAsync(owner, preview);

        response.AssertRedirectsTo($"/edit/{owner.Profile.Slug}/publications");
        Assert.Equal([$"Good One {t}", $"Good Two {t}"], (await ListedOnAsync(owner.Profile.Id)).Select(p => p.Title).Order());
    }

    [Fact]
    public async Task Only_ticked_entries_are_imported_and_repeats_within_the_file_import_once()
    {
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var preview = await PreviewAsync(owner, $$"""
            @article{a, title = {Keep {{t}}}, author = {Mira {{owner.Surname}}}, journal = {J}, year = 2020}
            @article{b, title = {Leave {{t}}}, author = {Mira {{owner.Surname}}}, journal = {J}, year = 2020}
            @article{c, title = {KEEP {{t}}}, author = {Mira {{owner.Surname}}}, journal = {J}, year = 2020}
            """);
        Assert.Equal("Repeated", State(preview, 2));
        Assert.Contains("entry 1", preview.QuerySelector("#entry-2 .import-match")!.CleanText(), StringComparison.Ordinal);

        using var response = await ImportAsync(owner, preview, index => index != 1);

        response.AssertRedirectsTo($"/edit/{owner.Profile.Slug}/publications");
        Assert.Equal([$"Keep {t}"], (await ListedOnAsync(owner.Profile.Id)).Select(p => p.Title));
    }

    [Fact]
    public async Task Importing_with_nothing_ticked_says_so_and_saves_nothing()
    {
        var owner = await OwnerAsync();
        var preview = await PreviewAsync(owner, $"@article{{a, title = {{Nothing {TestNames.Unique()}}}, author = {{Mira {owner.Surname}}}, year = 2020}}");

        using var response = await ImportAsync(owner, preview, _ => false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Tick at least one entry to import.", page.QuerySelector("#Chosen")!.CleanText());
        Assert.Empty(await ListedOnAsync(owner.Profile.Id));
    }

    [Fact]
    public async Task The_owners_name_is_found_through_name_variants_accents_and_initials()
    {
        var owner = await OwnerAsync("José", r => r.NameVariants = ["Pepe Q. Smithers"]);
        var t = TestNames.Unique();
        var plainSurname = owner.Surname;
        var preview = await PreviewAsync(owner, $$"""
            @article{a, title = {Accents {{t}}}, author = {Jos{\'e} {{plainSurname}} and Bo Other}, year = 2020}
            @article{b, title = {Initials {{t}}}, author = {Other, Bo and {{plainSurname}}, J.}, year = 2020}
            @article{c, title = {Variant {{t}}}, author = {Bo Other and Smithers, Pepe}, year = 2020}
            @article{d, title = {Stranger {{t}}}, author = {Bo Other and Jane {{plainSurname}}}, year = 2020}
            """);

        Assert.Equal($"José {plainSurname}", preview.QuerySelector("#entry-0 strong.author-self")!.CleanText());
        Assert.Equal($"J. {plainSurname}", preview.QuerySelector("#entry-1 strong.author-self")!.CleanText());
        Assert.Equal("Pepe Smithers", preview.QuerySelector("#entry-2 strong.author-self")!.CleanText());
        Assert.Null(preview.QuerySelector("#entry-3 strong.author-self"));
        Assert.Contains("Your name was not found among the authors", preview.QuerySelector("#entry-3 .import-warnings")!.CleanText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_file_is_read_as_text_and_a_binary_file_is_refused()
    {
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var latin1 = Encoding.Latin1.GetBytes($"@article{{a, title = {{Überraschung {t}}}, author = {{Mira {owner.Surname}}}, year = 2020}}");

        using var upload = await UploadAsync(owner, latin1, "refs.bib");
        var preview = await upload.ReadDocumentAsync();
        Assert.Equal($"Überraschung {t}", preview.QuerySelector("#entry-0 .pub-title")!.CleanText());
        Assert.Contains("read as Latin-1", preview.QuerySelector(".status-message")!.CleanText(), StringComparison.Ordinal);

        using var binary = await UploadAsync(owner, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "photo.bib");
        var refused = await binary.ReadDocumentAsync();
        Assert.Equal("The file is not a text file; BibTeX files are plain text.", refused.QuerySelector("#Upload-error")!.CleanText());
        Assert.Empty(await ListedOnAsync(owner.Profile.Id));
    }

    [Fact]
    public async Task Control_characters_in_an_uploaded_file_are_dropped_like_in_typed_text()
    {
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var bytes = Encoding.UTF8.GetBytes($"@article{{a, title = {{Bell\u0007ed \u001bTitle {t}}}, author = {{Mira {owner.Surname}}}, year = 2020}}");

        using var upload = await UploadAsync(owner, bytes, "refs.bib");

        var preview = await upload.ReadDocumentAsync();
        Assert.Equal($"Belled Title {t}", preview.QuerySelector("#entry-0 .pub-title")!.CleanText());
        Assert.DoesNotContain('\u0007', preview.QuerySelector("input[name=Bibtex]")!.GetAttribute("value")!);
    }

    private static async Task<HttpResponseMessage> UploadAsync(Owner owner, byte[] bytes, string fileName)
    {
        var token = await owner.Client.TokenFromAsync(owner.ImportUrl);
        using var content = new MultipartFormDataContent { { new StringContent(token), Editing.EditorClient.TokenField }, { new StringContent(""), "Bibtex" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Upload", fileName);
        return await owner.Client.PostAsync(new Uri(owner.ImportUrl + "?handler=Preview", UriKind.Relative), content);
    }

    [Theory]
    [InlineData("", "Paste BibTeX entries or choose a .bib file.")]
    [InlineData("Just some notes, no entries.", "No BibTeX entries were found. Entries begin with @, e.g. @article{key, title = {...}, ...}.")]
    public async Task Empty_or_entryless_text_gets_a_message_next_to_the_field(string text, string message)
    {
        var owner = await OwnerAsync();

        using var response = await owner.Client.SubmitFormAsync(owner.ImportUrl, new Dictionary<string, string> { ["Bibtex"] = text }, "form.import-source");

        var page = await response.ReadDocumentAsync();
        Assert.Equal(message, page.QuerySelector("#Bibtex-error")!.CleanText());
        Assert.Equal("true", page.QuerySelector("#Bibtex")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task An_import_is_one_history_entry_that_undo_takes_back()
    {
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var preview = await PreviewAsync(owner, $$"""
            @article{a, title = {Undo One {{t}}}, author = {Mira {{owner.Surname}} and Ann Else}, year = 2020, code = {https://example.org/code} }
            @article{b, title = {Undo Two {{t}}}, author = {Mira {{owner.Surname}}}, year = 2021}
            """);
        using (var response = await ImportAsync(owner, preview))
        {
            response.AssertRedirectsTo($"/edit/{owner.Profile.Slug}/publications");
        }
        var changeSets = await factory.ReadAsync(db => db.Revisions.Where(r => r.ResearcherId == owner.Profile.Id).Select(r => r.ChangeSet).Distinct().ToListAsync());
        Assert.Single(changeSets);

        var history = $"/edit/{owner.Profile.Slug}/history";
        using var undo = await owner.Client.UndoThroughConfirmationAsync(history, (IHtmlFormElement)(await owner.Client.GetDocumentAsync(history)).QuerySelector("form.history-undo")!);

        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Empty(await ListedOnAsync(owner.Profile.Id));
        Assert.Equal(0, await factory.ReadAsync(db => db.Publications.CountAsync(p => p.Title.Contains(t))));
    }

    [Fact]
    public async Task A_two_thousand_entry_file_previews_and_imports_completely()
    {
        var owner = await OwnerAsync();
        var t = TestNames.Unique();
        var bibtex = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            bibtex.Append($$"""
                @inproceedings{key{{i}},
                  title = {Generated Paper {{i}} on {{t}}},
                  author = {{{owner.Surname}}, Mira and Coauthor{{i % 17}}, Ann and Third, Tom},
                  booktitle = {Conference {{i % 40}}},
                  year = {{2000 + i % 25}},
                  doi = {10.9999/{{t}}.{{i}}},
                  pdf = {https://example.org/{{i}}.pdf},
                }

                """);
        }

        var preview = await PreviewAsync(owner, bibtex.ToString());
        Assert.Equal(2000, preview.QuerySelectorAll("input[name=Chosen]").Length);
        using var response = await ImportAsync(owner, preview);

        response.AssertRedirectsTo($"/edit/{owner.Profile.Slug}/publications");
        Assert.Equal(2000, await factory.ReadAsync(db => db.ProfilePublications.CountAsync(pp => pp.ResearcherId == owner.Profile.Id)));
        Assert.Equal(2000, await factory.ReadAsync(db => db.PublicationAuthors.CountAsync(a => a.ResearcherId == owner.Profile.Id)));
    }
}
