using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Pages.Edit;

namespace ResearcherProfiles.Tests.Editing.Publications;

/// <summary>
/// A paper is one record shared by its authors' profiles: the editor will not make a second record
/// with a DOI or arXiv id that one of the site's papers has already, and says which paper has it.
/// </summary>
public sealed class IdentifierTakenTests(ProfilesAppFactory factory) : IClassFixture<ProfilesAppFactory>
{
    [Fact]
    public async Task A_new_paper_with_the_DOI_of_one_on_the_profile_is_refused_next_to_the_field()
    {
        var t = Guid.NewGuid().ToString("N")[..8];
        var ada = await new ResearcherBuilder("Ada Twice").WithPublication($"Listed once {t}", p => p.Owner().With(x => x.Doi = $"10.5555/twice.{t}")).SaveAsync(factory);
        var client = await factory.SignInAsync((await factory.CreateResearcherAsync(ada.Id)).Email!);
        var before = await PapersAsync(ada.Id);

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = $"Listed twice {t}",
            ["Input.Doi"] = $"https://doi.org/10.5555/TWICE.{t}",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PublicationEditModel.TakenIdentifierMessage("DOI", $"Listed once {t}", listed: true),
            (await response.ReadDocumentAsync()).QuerySelector("#Input_Doi-error")?.TextContent.Trim());
        Assert.Equal(before, await PapersAsync(ada.Id));
    }

    [Fact]
    public async Task A_new_paper_with_the_arXiv_id_of_another_profiles_paper_points_to_it()
    {
        var t = Random.Shared.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bo = await new ResearcherBuilder("Bo Arxiv").WithPublication($"Bo's preprint {t}", p => p.Owner().With(x => x.ArxivId = $"2401.{t}")).SaveAsync(factory);
        var ada = await new ResearcherBuilder("Ada Arxiv").SaveAsync(factory);
        var client = await factory.SignInAsync((await factory.CreateResearcherAsync(ada.Id)).Email!);

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/new", new Dictionary<string, string>
        {
            ["Input.Title"] = $"My copy {t}",
            ["Input.ArxivId"] = $"arXiv:2401.{t}",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PublicationEditModel.TakenIdentifierMessage("arXiv id", $"Bo's preprint {t}", listed: false),
            (await response.ReadDocumentAsync()).QuerySelector("#Input_ArxivId-error")?.TextContent.Trim());
        Assert.Empty(await PapersAsync(ada.Id));
        Assert.Single(await PapersAsync(bo.Id));
    }

    [Fact]
    public async Task Two_records_that_shared_a_DOI_before_can_still_be_edited_and_a_paper_keeps_its_own()
    {
        var t = Guid.NewGuid().ToString("N")[..8];
        var doi = $"10.5555/pair.{t}";
        var ada = await new ResearcherBuilder("Ada Pair")
            .WithPublication($"First of the pair {t}", p => p.Owner().With(x => x.Doi = doi))
            .WithPublication($"Second of the pair {t}", p => p.Owner().With(x => x.Doi = doi))
            .SaveAsync(factory);
        var client = await factory.SignInAsync((await factory.CreateResearcherAsync(ada.Id)).Email!);
        var second = await factory.QueryAsync(db => db.Publications.Where(p => p.Title == $"Second of the pair {t}").Select(p => p.Id).SingleAsync());

        using var response = await client.SubmitFormAsync($"/edit/{ada.Slug}/publications/{second}", new Dictionary<string, string>
        {
            ["Input.Title"] = $"Second of the pair, renamed {t}",
        });

        response.AssertRedirectTo($"/edit/{ada.Slug}/publications");
        Assert.Contains($"Second of the pair, renamed {t}", await PapersAsync(ada.Id));
    }

    private Task<List<string>> PapersAsync(int researcherId) =>
        factory.QueryAsync(db => db.ProfilePublications.Where(pp => pp.ResearcherId == researcherId).OrderBy(pp => pp.PublicationId)
            .Select(pp => pp.Publication!.Title).ToListAsync());
}
