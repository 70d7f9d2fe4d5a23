using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data.Configurations;

/// <summary>What every ordered profile list shares: its owner, cascade delete, and the (owner, order) index.</summary>
public abstract class ProfileItemConfiguration<T>(Expression<Func<Researcher, IEnumerable<T>?>> list) : IEntityTypeConfiguration<T>
    where T : ProfileItem
{
    public virtual void Configure(EntityTypeBuilder<T> builder)
    {
        builder.HasOne(i => i.Researcher).WithMany(list).HasForeignKey(i => i.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ResearcherId, i.SortOrder });
    }
}

public sealed class ProfileLinkConfiguration() : ProfileItemConfiguration<ProfileLink>(r => r.Links)
{
    public override void Configure(EntityTypeBuilder<ProfileLink> builder)
    {
        base.Configure(builder);
        builder.Property(l => l.Label).HasMaxLength(100);
        builder.Property(l => l.Url).HasMaxLength(2048);
    }
}

public sealed class EducationConfiguration() : ProfileItemConfiguration<Education>(r => r.Education)
{
    public override void Configure(EntityTypeBuilder<Education> builder)
    {
        base.Configure(builder);
        builder.ToTable("Education");
        builder.Property(e => e.Degree).HasMaxLength(200);
        builder.Property(e => e.Field).HasMaxLength(200);
        builder.Property(e => e.Institution).HasMaxLength(200);
        builder.Property(e => e.Location).HasMaxLength(200);
        builder.Property(e => e.Advisors).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(2000);
    }
}

public sealed class PositionConfiguration() : ProfileItemConfiguration<Position>(r => r.Positions)
{
    public override void Configure(EntityTypeBuilder<Position> builder)
    {
        base.Configure(builder);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Employer).HasMaxLength(200);
        builder.Property(p => p.Location).HasMaxLength(200);
        builder.Property(p => p.DescriptionMarkdown).HasMaxLength(5000);
    }
}

public sealed class NewsItemConfiguration() : ProfileItemConfiguration<NewsItem>(r => r.News)
{
    public const int BodyMaxLength = 2000;

    public override void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        base.Configure(builder);
        builder.ToTable("News");
        builder.Property(n => n.BodyMarkdown).HasMaxLength(BodyMaxLength);
    }
}

public sealed class AwardConfiguration() : ProfileItemConfiguration<Award>(r => r.Awards)
{
    public const int TitleMaxLength = 300;
    public const int IssuerMaxLength = 200;
    public const int NoteMaxLength = 300;

    public override void Configure(EntityTypeBuilder<Award> builder)
    {
        base.Configure(builder);
        builder.Property(a => a.Title).HasMaxLength(TitleMaxLength);
        builder.Property(a => a.Issuer).HasMaxLength(IssuerMaxLength);
        builder.Property(a => a.Note).HasMaxLength(NoteMaxLength);
    }
}

public sealed class ServiceRoleConfiguration() : ProfileItemConfiguration<ServiceRole>(r => r.Service)
{
    public const int RoleMaxLength = 100;
    public const int VenueMaxLength = 200;

    public override void Configure(EntityTypeBuilder<ServiceRole> builder)
    {
        base.Configure(builder);
        builder.Property(s => s.Role).HasMaxLength(RoleMaxLength);
        builder.Property(s => s.Venue).HasMaxLength(VenueMaxLength);
    }
}

public sealed class TalkConfiguration() : ProfileItemConfiguration<Talk>(r => r.Talks)
{
    public override void Configure(EntityTypeBuilder<Talk> builder)
    {
        base.Configure(builder);
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.Property(t => t.Host).HasMaxLength(200);
        builder.Property(t => t.Location).HasMaxLength(200);
        builder.Property(t => t.Url).HasMaxLength(2048);
        builder.Property(t => t.SlidesUrl).HasMaxLength(2048);
        builder.Property(t => t.VideoUrl).HasMaxLength(2048);
    }
}

public sealed class WritingItemConfiguration() : ProfileItemConfiguration<WritingItem>(r => r.Writing)
{
    public override void Configure(EntityTypeBuilder<WritingItem> builder)
    {
        base.Configure(builder);
        builder.ToTable("Writing");
        builder.Property(w => w.ListTitle).HasMaxLength(200);
        builder.Property(w => w.Title).HasMaxLength(300);
        builder.Property(w => w.Url).HasMaxLength(2048);
        builder.Property(w => w.Description).HasMaxLength(500);
    }
}

public sealed class ProjectConfiguration() : ProfileItemConfiguration<Project>(r => r.Projects)
{
    public override void Configure(EntityTypeBuilder<Project> builder)
    {
        base.Configure(builder);
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Role).HasMaxLength(300);
        builder.Property(p => p.Group).HasMaxLength(ProjectLimits.GroupLength);
        builder.Property(p => p.Institution).HasMaxLength(ProjectLimits.InstitutionLength);
        builder.Property(p => p.Summary).HasMaxLength(500);
        builder.Property(p => p.NarrativeMarkdown).HasMaxLength(50_000);
        builder.Property(p => p.Mentors).HasMaxLength(300);
        builder.Property(p => p.Collaborators).HasMaxLength(500);
        builder.Property(p => p.Status).HasMaxLength(200);
        builder.Property(p => p.Popularity).HasMaxLength(100);
    }
}

public sealed class ProfilePublicationConfiguration() : ProfileItemConfiguration<ProfilePublication>(r => r.Publications)
{
    public override void Configure(EntityTypeBuilder<ProfilePublication> builder)
    {
        base.Configure(builder);
        builder.HasOne(p => p.Publication).WithMany(p => p.Profiles).HasForeignKey(p => p.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ResearcherId, p.PublicationId }).IsUnique();
        builder.HasIndex(p => p.PublicationId);
    }
}

public sealed class ProfileSectionConfiguration() : ProfileItemConfiguration<ProfileSection>(r => r.Sections)
{
    public override void Configure(EntityTypeBuilder<ProfileSection> builder)
    {
        base.Configure(builder);
        builder.Property(s => s.Title).HasMaxLength(ProfileSectionLimits.TitleLength);
        builder.Property(s => s.IntroMarkdown).HasMaxLength(ProfileSectionLimits.IntroLength);
        // One row per kind of section: the layout form saves them all at once.
        builder.HasIndex(s => new { s.ResearcherId, s.Kind }).IsUnique();
    }
}
