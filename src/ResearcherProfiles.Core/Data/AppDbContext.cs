using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Core.History;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Core.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Set by the profile editor before it saves: the profile and the person the next saves are
    /// recorded under in the profile's history. Without it (seeding, migrations) nothing is recorded.
    /// </summary>
    public HistoryScope? History { get; set; }

    public DbSet<Researcher> Researchers => Set<Researcher>();
    public DbSet<ProfileLink> ProfileLinks => Set<ProfileLink>();
    public DbSet<Education> Education => Set<Education>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<NewsItem> News => Set<NewsItem>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<PublicationAuthor> PublicationAuthors => Set<PublicationAuthor>();
    public DbSet<PublicationLink> PublicationLinks => Set<PublicationLink>();
    public DbSet<ProfilePublication> ProfilePublications => Set<ProfilePublication>();
    public DbSet<PublicationSuggestion> PublicationSuggestions => Set<PublicationSuggestion>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectLink> ProjectLinks => Set<ProjectLink>();
    public DbSet<ProjectPublication> ProjectPublications => Set<ProjectPublication>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<ServiceRole> ServiceRoles => Set<ServiceRole>();
    public DbSet<Talk> Talks => Set<Talk>();
    public DbSet<WritingItem> Writing => Set<WritingItem>();
    public DbSet<ProfileSection> ProfileSections => Set<ProfileSection>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ProfileRevision> Revisions => Set<ProfileRevision>();
    public DbSet<SourceSyncState> SourceSyncStates => Set<SourceSyncState>();
    public DbSet<FoundWork> FoundWorks => Set<FoundWork>();
    public DbSet<CitationCount> CitationCounts => Set<CitationCount>();
    public DbSet<WorkerLease> WorkerLeases => Set<WorkerLease>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    /// <summary>The key ring that signs cookies and antiforgery tokens, shared by every app instance on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Bulk inserts switch automatic detection off for speed; respect that here too. Otherwise
        // changes are detected once, here: every Entries() call and the base save below would scan
        // the whole change tracker again, which on a large import costs more than the inserts.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect)
        {
            ChangeTracker.DetectChanges();
        }
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            // Through the entry, so the new version is saved without another scan for changes.
            entry.Property(nameof(IVersioned.Version)).CurrentValue = entry.Entity.Version + 1;
        }
        StoredMarkdown.RenderChanged(ChangeTracker);
        if (History is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The content change and its history land together or not at all. The first save accepts
        // its changes whatever the caller asked, or the second would insert the same rows again.
        var pending = RevisionRecorder.Capture(this);
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // A shared paper's change goes into the history of every profile listing it, including
            // the listings this save removes (read before it) and adds (read after it).
            var listings = await RevisionRecorder.ListingsAsync(this, RevisionRecorder.SharedRecordIds(pending), cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (pending.Count > 0)
            {
                foreach (var (publicationId, profiles) in await RevisionRecorder.ListingsAsync(this, RevisionRecorder.SharedRecordIds(pending), cancellationToken))
                {
                    if (listings.TryGetValue(publicationId, out var before))
                    {
                        before.UnionWith(profiles);
                    }
                    else
                    {
                        listings[publicationId] = profiles;
                    }
                }
                Revisions.AddRange(RevisionRecorder.Complete(pending, History, DateTimeOffset.UtcNow, listings));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<PartialDate>().HaveConversion<PartialDateConverter>();
        // Enums are stored by name so that reordering an enum never changes stored data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
