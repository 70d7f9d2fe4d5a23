using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Tests.Demo;

namespace ResearcherProfiles.Tests.History;

public sealed class RevisionHistoryTests : IAsyncLifetime
{
    private MigratedSqliteFile _file = null!;
    private int _researcherId;

    public async Task InitializeAsync()
    {
        _file = await MigratedSqliteFile.CreateAsync();
        await using var db = _file.NewContext();
        var researcher = new Researcher { Slug = "ada", DisplayName = "Ada Moreau", FamilyName = "Moreau" };
        db.Researchers.Add(researcher);
        await db.SaveChangesAsync();
        _researcherId = researcher.Id;
    }

    public async Task DisposeAsync() => await _file.DisposeAsync();

    private AppDbContext Editor()
    {
        var db = _file.NewContext();
        // As the app registers it: queries do not track unless asked to.
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        db.History = new HistoryScope(_researcherId, "user-1", "ada@example.org");
        return db;
    }

    private async Task<int> AddNewsAsync(string body)
    {
        await using var db = Editor();
        var item = new NewsItem { ResearcherId = _researcherId, Date = new PartialDate(2024, 5), BodyMarkdown = body };
        db.News.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    [Fact]
    public async Task Saves_without_a_history_scope_record_nothing()
    {
        await using (var db = _file.NewContext())
        {
            db.News.Add(new NewsItem { ResearcherId = _researcherId, Date = new PartialDate(2024), BodyMarkdown = "Seeded" });
            await db.SaveChangesAsync();
        }
        await using var check = _file.NewContext();
        Assert.Empty(await check.Revisions.ToListAsync());
    }

    [Fact]
    public async Task Creating_an_item_records_who_created_it_and_its_values()
    {
        var id = await AddNewsAsync("Paper accepted at ACL");

        await using var db = _file.NewContext();
        var revision = Assert.Single(await db.Revisions.ToListAsync());
        Assert.Equal(RevisionAction.Created, revision.Action);
        Assert.Equal(nameof(NewsItem), revision.EntityType);
        Assert.Equal(id, revision.EntityId);
        Assert.Equal("user-1", revision.UserId);
        Assert.Equal("Paper accepted at ACL", revision.Label);
        Assert.Null(revision.Before);
        Assert.Contains("Paper accepted at ACL", revision.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_records_the_changed_fields_and_bumps_the_version()
    {
        var id = await AddNewsAsync("Old text");
        await using (var db = Editor())
        {
            var item = await db.News.AsTracking().SingleAsync(n => n.Id == id);
            item.BodyMarkdown = "New text";
            await db.SaveChangesAsync();
        }

        await using var check = _file.NewContext();
        var update = await check.Revisions.SingleAsync(r => r.Action == RevisionAction.Updated);
        Assert.Equal("BodyMarkdown", update.ChangedFields);
        Assert.Contains("Old text", update.Before, StringComparison.Ordinal);
        Assert.Contains("New text", update.After, StringComparison.Ordinal);
        Assert.Equal(1, (await check.News.SingleAsync(n => n.Id == id)).Version);
    }

    [Fact]
    public async Task A_stale_version_is_rejected_and_changes_nothing()
    {
        var id = await AddNewsAsync("Original");
        await using (var first = Editor())
        {
            var item = await first.News.AsTracking().SingleAsync(n => n.Id == id);
            item.BodyMarkdown = "First edit";
            await first.SaveChangesAsync();
        }

        await using (var second = Editor())
        {
            var item = await second.News.AsTracking().SingleAsync(n => n.Id == id);
            second.Entry(item).Property(n => n.Version).OriginalValue = 0;
            item.BodyMarkdown = "Second edit from a stale form";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        }

        await using var check = _file.NewContext();
        Assert.Equal("First edit", (await check.News.SingleAsync(n => n.Id == id)).BodyMarkdown);
        Assert.Equal(1, await check.Revisions.CountAsync(r => r.Action == RevisionAction.Updated));
    }

    [Fact]
    public async Task Undoing_an_update_restores_the_earlier_version()
    {
        var id = await AddNewsAsync("Version one");
        await using (var db = Editor())
        {
            var item = await db.News.AsTracking().SingleAsync(n => n.Id == id);
            item.BodyMarkdown = "Version two";
            item.Date = new PartialDate(2025, 1, 15);
            await db.SaveChangesAsync();
        }
        Guid changeSet;
        await using (var db = _file.NewContext())
        {
            changeSet = (await db.Revisions.SingleAsync(r => r.Action == RevisionAction.Updated)).ChangeSet;
        }

        await using (var db = Editor())
        {
            Assert.Equal(UndoStatus.Undone, (await RevisionRestorer.UndoAsync(db, _researcherId, changeSet, administrator: false)).Status);
        }

        await using var check = _file.NewContext();
        var restored = await check.News.SingleAsync(n => n.Id == id);
        Assert.Equal("Version one", restored.BodyMarkdown);
        Assert.Equal(new PartialDate(2024, 5), restored.Date);
        // The undo is itself recorded, so it can be undone too.
        Assert.Equal(2, await check.Revisions.CountAsync(r => r.Action == RevisionAction.Updated));
    }

    [Fact]
    public async Task Undoing_a_deletion_brings_back_the_item_and_its_children()
    {
        int publicationId;
        await using (var db = Editor())
        {
            var publication = new Publication
            {
                Title = "Sparse attention at scale",
                Year = 2023,
                Authors = [new PublicationAuthor { Name = "Ada Moreau", Position = 0, ResearcherId = _researcherId }, new PublicationAuthor { Name = "Li Wei", Position = 1, EqualContribution = true }],
                Links = [new PublicationLink { Kind = PublicationLinkKind.Pdf, Url = "https://example.org/paper.pdf" }],
                Badges = ["Spotlight"],
            };
            db.ProfilePublications.Add(new ProfilePublication { ResearcherId = _researcherId, Publication = publication, IsHighlighted = true });
            await db.SaveChangesAsync();
            publicationId = publication.Id;
        }
        await using (var db = Editor())
        {
            var publication = await db.Publications.AsTracking().Include(p => p.Authors).Include(p => p.Links).Include(p => p.Profiles)
                .SingleAsync(p => p.Id == publicationId);
            db.Remove(publication);
            await db.SaveChangesAsync();
        }
        Guid deletion;
        await using (var db = _file.NewContext())
        {
            Assert.False(await db.Publications.AnyAsync());
            deletion = (await db.Revisions.FirstAsync(r => r.Action == RevisionAction.Deleted)).ChangeSet;
        }

        await using (var db = Editor())
        {
            Assert.Equal(UndoStatus.Undone, (await RevisionRestorer.UndoAsync(db, _researcherId, deletion, administrator: false)).Status);
        }

        await using var check = _file.NewContext();
        var restored = await check.Publications.Include(p => p.Authors).Include(p => p.Links).Include(p => p.Profiles).SingleAsync();
        Assert.Equal(publicationId, restored.Id);
        Assert.Equal(["Ada Moreau", "Li Wei"], restored.Authors.OrderBy(a => a.Position).Select(a => a.Name));
        Assert.True(restored.Authors.Single(a => a.Name == "Li Wei").EqualContribution);
        Assert.Equal(["Spotlight"], restored.Badges);
        Assert.Single(restored.Links);
        Assert.True(Assert.Single(restored.Profiles).IsHighlighted);
    }

    [Fact]
    public async Task Undo_of_an_unknown_change_set_or_another_profiles_change_does_nothing()
    {
        await AddNewsAsync("Mine");
        await using var db = Editor();
        var changeSet = (await db.Revisions.SingleAsync()).ChangeSet;
        Assert.Equal(UndoStatus.NotFound, (await RevisionRestorer.UndoAsync(db, _researcherId + 1, changeSet, administrator: false)).Status);
        Assert.Equal(UndoStatus.NotFound, (await RevisionRestorer.UndoAsync(db, _researcherId, Guid.NewGuid(), administrator: false)).Status);
    }
}
