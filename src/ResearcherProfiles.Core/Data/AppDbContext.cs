using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Researcher> Researchers => Set<Researcher>();
    public DbSet<ProfileLink> ProfileLinks => Set<ProfileLink>();
    public DbSet<Education> Education => Set<Education>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<NewsItem> News => Set<NewsItem>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<PublicationAuthor> PublicationAuthors => Set<PublicationAuthor>();
    public DbSet<PublicationLink> PublicationLinks => Set<PublicationLink>();
    public DbSet<ProfilePublication> ProfilePublications => Set<ProfilePublication>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectLink> ProjectLinks => Set<ProjectLink>();
    public DbSet<ProjectPublication> ProjectPublications => Set<ProjectPublication>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<ServiceRole> ServiceRoles => Set<ServiceRole>();
    public DbSet<Talk> Talks => Set<Talk>();
    public DbSet<WritingItem> Writing => Set<WritingItem>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<PartialDate>().HaveConversion<PartialDateConverter>();
        // Enums are stored by name so that reordering an enum never changes stored data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
