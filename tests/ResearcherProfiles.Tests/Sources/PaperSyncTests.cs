using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.Sources;
using ResearcherProfiles.Core.Text;
using ResearcherProfiles.Tests.Editing;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Data;

namespace ResearcherProfiles.Tests.Sources;

/// <summary>The look at a profile's connected sources, through "Look for new papers now", against the local fakes.</summary>
public sealed class PaperSyncTests(SourcesAppFactory factory) : IClassFixture<SourcesAppFactory>
{
    private static async Task<IHtmlDocument> CheckNowAsync(HttpClient owner, string slug)
    {
        var queue = await owner.GetDocumentAsync(ReviewQueueTests.Url(slug));
        using var checkedNow = await owner.SubmitAsync((IHtmlFormElement)queue.QuerySelector("form.check-now")!, ReviewQueueTests.Url(slug), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, checkedNow.StatusCode);
        return await owner.GetDocumentAsync(ReviewQueueTests.Url(slug));
    }

    private Task<List<FoundWork>> FoundAsync(int researcherId) =>
        factory.ReadAsync(db => db.FoundWorks.Where(w => w.ResearcherId == researcherId).OrderBy(w => w.Id).ToListAsync());

    [Fact]
    public async Task Every_source_is_asked_and_each_new_work_is_queued_once()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Josiah Carberry"));
        (await ConnectionsTests.SaveAsync(owner, profile.Slug, FakeSources.OrcidId, FakeSources.DblpPid, FakeSources.OpenAlexAuthorId)).Dispose();

        var queue = await CheckNowAsync(owner, profile.Slug);

        var found = await FoundAsync(profile.Id);
        Assert.NotEmpty(found);
        Assert.Contains(found, w => w.Source == WorkSource.Orcid);
        Assert.Contains(found, w => w.Source == WorkSource.Dblp || w.Source == WorkSource.OpenAlex);
        Assert.All(found, w => Assert.Equal(FoundWorkStatus.Pending, w.Status));
        // One paper listed by several sources (the fixtures share DOIs and arXiv ids) is one entry.
        Assert.Equal(found.Count, found.Where(w => w.Doi is not null).Select(w => w.Doi).Distinct().Count() + found.Count(w => w.Doi is null));
        Assert.Equal(found.Count(w => w.ArxivId is not null), found.Where(w => w.ArxivId is not null).Select(w => w.ArxivId).Distinct().Count());
        Assert.Equal(found.Count, found.Select(w => w.TitleKey).Distinct().Count());
        Assert.Contains($"Looked at ORCID and DBLP and OpenAlex: {found.Count} new papers.", queue.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(found.Count, queue.QuerySelectorAll(".found-list > li").Length);
        var state = await factory.ReadAsync(db => db.SourceSyncStates.SingleAsync(s => s.ResearcherId == profile.Id));
        Assert.Equal(found.Count, state.LastFoundCount);
        Assert.Null(state.LastProblem);
        Assert.True(state.DueAt > DateTime.UtcNow.AddHours(23));

        var again = await CheckNowAsync(owner, profile.Slug);
        Assert.Contains("no new papers", again.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(found.Count, (await FoundAsync(profile.Id)).Count);
    }

    [Fact]
    public async Task Papers_already_on_the_profile_are_not_suggested_and_a_rejected_work_never_comes_back()
    {
        var orcid = factory.Fake.AddGeneratedOrcidRecord(4, "Petra Present");
        var onProfile = FakeSources.GeneratedDoi(orcid, 0);
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Petra Present")
            .WithPublication("Already here under another title", p => p.Owner().With(x => x.Doi = onProfile)));
        (await ConnectionsTests.SaveAsync(owner, profile.Slug, orcid)).Dispose();

        var queue = await CheckNowAsync(owner, profile.Slug);
        var found = await FoundAsync(profile.Id);
        Assert.Equal(3, found.Count);
        Assert.DoesNotContain(found, w => w.Doi == onProfile);

        using (await owner.SubmitAsync((IHtmlFormElement)queue.QuerySelector(".found-list form.reject")!, ReviewQueueTests.Url(profile.Slug), new Dictionary<string, string>()))
        {
        }
        await CheckNowAsync(owner, profile.Slug);
        var after = await FoundAsync(profile.Id);
        Assert.Equal(3, after.Count);
        Assert.Single(after, w => w.Status == FoundWorkStatus.Rejected);
    }

    [Fact]
    public async Task A_source_that_fails_is_reported_while_the_others_still_count()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Fay Failing"));
        (await ConnectionsTests.SaveAsync(owner, profile.Slug, FakeSources.BusyOrcidId, FakeSources.DblpPid)).Dispose();

        var queue = await CheckNowAsync(owner, profile.Slug);

        var found = await FoundAsync(profile.Id);
        Assert.NotEmpty(found);
        Assert.All(found, w => Assert.Equal(WorkSource.Dblp, w.Source));
        var problems = queue.QuerySelector(".sync-problems")!.TextContent;
        Assert.Contains("ORCID", problems, StringComparison.Ordinal);
        Assert.Contains("too many requests", problems, StringComparison.Ordinal);
        Assert.Contains("ORCID is receiving too many requests", queue.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citation_counts_are_read_for_papers_with_a_DOI_when_the_owner_opted_in()
    {
        var cited = FakeSources.GeneratedCitedDoiPrefix + "42";
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Cita Counted")
            .WithPublication("A Much Cited Paper", p => p.Owner().With(x => x.Doi = cited))
            .WithPublication("A Paper Without Identifiers", p => p.Owner()));
        (await ConnectionsTests.SaveAsync(owner, profile.Slug, citations: true)).Dispose();

        await CheckNowAsync(owner, profile.Slug);

        var counts = await factory.ReadAsync(db => db.CitationCounts
            .Where(c => db.ProfilePublications.Any(pp => pp.ResearcherId == profile.Id && pp.PublicationId == c.PublicationId))
            .Select(c => new { c.Publication!.Title, c.Count, c.Source, c.ReadAt }).ToListAsync());
        var count = Assert.Single(counts);
        Assert.Equal(("A Much Cited Paper", 42, "OpenAlex"), (count.Title, count.Count, count.Source));
        Assert.True(DateTimeOffset.UtcNow - count.ReadAt < TimeSpan.FromMinutes(1));
        Assert.NotNull((await factory.ReadAsync(db => db.SourceSyncStates.SingleAsync(s => s.ResearcherId == profile.Id))).CitationsReadAt);
    }

    [Fact]
    public async Task Without_a_connection_nothing_is_asked()
    {
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Nora Nothing"));
        var before = factory.Fake.Requests.Count;

        var queue = await owner.GetDocumentAsync(ReviewQueueTests.Url(profile.Slug));
        Assert.Null(queue.QuerySelector("form.check-now"));
        Assert.Contains("No source is connected.", queue.QuerySelector(".sync-state")!.TextContent, StringComparison.Ordinal);
        var token = await owner.TokenFromAsync(ReviewQueueTests.Url(profile.Slug));
        using (await owner.PostAsync($"{ReviewQueueTests.Url(profile.Slug)}?handler=Check", [], token))
        {
        }

        queue = await owner.GetDocumentAsync(ReviewQueueTests.Url(profile.Slug));
        Assert.Contains("No source is connected; connect your ORCID, DBLP or OpenAlex id first.", queue.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, factory.Fake.Requests.Count);
        Assert.Empty(await FoundAsync(profile.Id));
    }

    [Fact]
    public async Task Control_characters_in_a_source_record_are_dropped_and_its_works_still_queued()
    {
        // JSON may carry any character as an escape: a NUL (which PostgreSQL refuses in text) and
        // a bell in an author's name must not make the whole look fail to save.
        var orcid = factory.Fake.AddGeneratedOrcidRecord(3, "Nora\u0000 Nul\u0007");
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Nora Nul"));
        (await ConnectionsTests.SaveAsync(owner, profile.Slug, orcid, "", "")).Dispose();

        var queue = await CheckNowAsync(owner, profile.Slug);

        var found = await FoundAsync(profile.Id);
        Assert.Equal(3, found.Count);
        Assert.All(found, w => Assert.StartsWith("Nora Nul,", w.Authors, StringComparison.Ordinal));
        Assert.All(found, w => Assert.DoesNotContain(w.Bibtex, c => c is '\0' or '\a'));
        Assert.Contains("3 new papers", queue.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, queue.QuerySelectorAll(".found-list > li").Length);
    }

    [Fact]
    public async Task Works_the_database_refuses_are_reported_not_claimed_and_the_next_look_keeps_them()
    {
        var orcid = factory.Fake.AddGeneratedOrcidRecord(3, "Rita Refused");
        var (profile, owner) = await factory.OwnedProfileAsync(new ResearcherBuilder("Rita Refused"));
        (await ConnectionsTests.SaveAsync(owner, profile.Slug, orcid, "", "")).Dispose();
        // A failure that is not a race with another look: the database refuses this profile's found works.
        await factory.ChangeDataAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.Provider == DatabaseProvider.Postgres
            ? $$"""
              CREATE FUNCTION refuse_found_works() RETURNS trigger LANGUAGE plpgsql AS $f$
              BEGIN IF NEW."ResearcherId" = {{profile.Id}} THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $f$;
              CREATE TRIGGER refuse_found_works BEFORE INSERT ON "FoundWorks" FOR EACH ROW EXECUTE FUNCTION refuse_found_works();
              """
            : $"CREATE TRIGGER refuse_found_works BEFORE INSERT ON FoundWorks WHEN NEW.ResearcherId = {profile.Id} BEGIN SELECT RAISE(ABORT, 'refused'); END;"));
        IHtmlDocument refused;
        try
        {
            refused = await CheckNowAsync(owner, profile.Slug);
        }
        finally
        {
            await factory.ChangeDataAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.Provider == DatabaseProvider.Postgres
                ? "DROP TRIGGER refuse_found_works ON \"FoundWorks\"; DROP FUNCTION refuse_found_works();"
                : "DROP TRIGGER refuse_found_works;"));
        }

        Assert.Empty(await FoundAsync(profile.Id));
        var status = refused.QuerySelector("#status")!.TextContent;
        Assert.Contains("Looked at ORCID: no new papers.", status, StringComparison.Ordinal);
        Assert.Contains("The new papers found could not be saved", status, StringComparison.Ordinal);
        var state = await factory.ReadAsync(db => db.SourceSyncStates.SingleAsync(s => s.ResearcherId == profile.Id));
        Assert.Equal(0, state.LastFoundCount);
        Assert.Contains("The new papers found could not be saved", state.LastProblem, StringComparison.Ordinal);

        var queue = await CheckNowAsync(owner, profile.Slug);

        Assert.Equal(3, (await FoundAsync(profile.Id)).Count);
        Assert.Contains("3 new papers", queue.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await factory.ReadAsync(db => db.SourceSyncStates.SingleAsync(s => s.ResearcherId == profile.Id))).LastProblem);
    }

    [Fact]
    public void Works_are_matched_by_DOI_arXiv_id_or_a_telling_title()
    {
        var known = new WorkMatching();
        known.Add("10.5555/A", null, ScholarlyIds.TitleKey("Learning Long Dependencies"));
        known.Add(null, "2401.00001", ScholarlyIds.TitleKey("Introduction"));

        Assert.True(known.Contains("10.5555/a", null, null));
        Assert.True(known.Contains(null, "2401.00001", null));
        Assert.True(known.Contains(null, null, ScholarlyIds.TitleKey("Learning long dependencies.")));
        // "Introduction" says too little to recognise a paper by.
        Assert.False(known.Contains(null, null, ScholarlyIds.TitleKey("Introduction")));
        Assert.False(known.Contains("10.5555/b", "2401.00002", ScholarlyIds.TitleKey("Something Else Entirely")));
    }
}
