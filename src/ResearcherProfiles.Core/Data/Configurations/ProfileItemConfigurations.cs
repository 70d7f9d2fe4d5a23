using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data.Configurations;

/// <summary>What every ordered profile list shares: its owner, cascade delete, and the (owner, order) index.</summary>
public abstract class ProfileItemConfiguration<T> : IEntityTypeConfiguration<T> where T : ProfileItem
{
    public virtual void Configure(EntityTypeBuilder<T> builder)
    {
        builder.HasIndex(i => new { i.ResearcherId, i.SortOrder });
    }
}

public sealed class ProfileLinkConfiguration : ProfileItemConfiguration<ProfileLink>
{
    public override void Configure(EntityTypeBuilder<ProfileLink> builder)
    {
        base.Configure(builder);
        builder.HasOne(l => l.Researcher).WithMany(r => r.Links).HasForeignKey(l => l.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Label).HasMaxLength(100);
        builder.Property(l => l.Url).HasMaxLength(2048);
    }
}

public sealed class EducationConfiguration : ProfileItemConfiguration<Education>
{
    public override void Configure(EntityTypeBuilder<Education> builder)
    {
        base.Configure(builder);
        builder.ToTable("Education");
        builder.HasOne(e => e.Researcher).WithMany(r => r.Education).HasForeignKey(e => e.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Degree).HasMaxLength(200);
        builder.Property(e => e.Field).HasMaxLength(200);
        builder.Property(e => e.Institution).HasMaxLength(200);
        builder.Property(e => e.Location).HasMaxLength(200);
        builder.Property(e => e.Advisors).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(2000);
    }
}

public sealed class PositionConfiguration : ProfileItemConfiguration<Position>
{
    public override void Configure(EntityTypeBuilder<Position> builder)
    {
        base.Configure(builder);
        builder.HasOne(p => p.Researcher).WithMany(r => r.Positions).HasForeignKey(p => p.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Employer).HasMaxLength(200);
        builder.Property(p => p.Location).HasMaxLength(200);
        builder.Property(p => p.DescriptionMarkdown).HasMaxLength(5000);
    }
}

public sealed class NewsItemConfiguration : ProfileItemConfiguration<NewsItem>
{
    public override void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        base.Configure(builder);
        builder.ToTable("News");
        builder.HasOne(n => n.Researcher).WithMany(r => r.News).HasForeignKey(n => n.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.BodyMarkdown).HasMaxLength(2000);
    }
}

public sealed class AwardConfiguration : ProfileItemConfiguration<Award>
{
    public override void Configure(EntityTypeBuilder<Award> builder)
    {
        base.Configure(builder);
        builder.HasOne(a => a.Researcher).WithMany(r => r.Awards).HasForeignKey(a => a.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Issuer).HasMaxLength(200);
        builder.Property(a => a.Note).HasMaxLength(300);
    }
}

public sealed class ServiceRoleConfiguration : ProfileItemConfiguration<ServiceRole>
{
    public override void Configure(EntityTypeBuilder<ServiceRole> builder)
    {
        base.Configure(builder);
        builder.HasOne(s => s.Researcher).WithMany(r => r.Service).HasForeignKey(s => s.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Role).HasMaxLength(100);
        builder.Property(s => s.Venue).HasMaxLength(200);
    }
}

public sealed class TalkConfiguration : ProfileItemConfiguration<Talk>
{
    public override void Configure(EntityTypeBuilder<Talk> builder)
    {
        base.Configure(builder);
        builder.HasOne(t => t.Researcher).WithMany(r => r.Talks).HasForeignKey(t => t.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.Property(t => t.Host).HasMaxLength(200);
        builder.Property(t => t.Location).HasMaxLength(200);
        builder.Property(t => t.Url).HasMaxLength(2048);
        builder.Property(t => t.SlidesUrl).HasMaxLength(2048);
        builder.Property(t => t.VideoUrl).HasMaxLength(2048);
    }
}

public sealed class WritingItemConfiguration : ProfileItemConfiguration<WritingItem>
{
    public override void Configure(EntityTypeBuilder<WritingItem> builder)
    {
        base.Configure(builder);
        builder.ToTable("Writing");
        builder.HasOne(w => w.Researcher).WithMany(r => r.Writing).HasForeignKey(w => w.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.ListTitle).HasMaxLength(200);
        builder.Property(w => w.Title).HasMaxLength(300);
        builder.Property(w => w.Url).HasMaxLength(2048);
        builder.Property(w => w.Description).HasMaxLength(500);
    }
}

public sealed class ProjectConfiguration : ProfileItemConfiguration<Project>
{
    public override void Configure(EntityTypeBuilder<Project> builder)
    {
        base.Configure(builder);
        builder.HasOne(p => p.Researcher).WithMany(r => r.Projects).HasForeignKey(p => p.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Role).HasMaxLength(300);
        builder.Property(p => p.Summary).HasMaxLength(500);
        builder.Property(p => p.NarrativeMarkdown).HasMaxLength(50_000);
        builder.Property(p => p.Mentors).HasMaxLength(300);
        builder.Property(p => p.Collaborators).HasMaxLength(500);
        builder.Property(p => p.Status).HasMaxLength(200);
        builder.Property(p => p.Popularity).HasMaxLength(100);
    }
}

public sealed class ProfilePublicationConfiguration : ProfileItemConfiguration<ProfilePublication>
{
    public override void Configure(EntityTypeBuilder<ProfilePublication> builder)
    {
        base.Configure(builder);
        builder.HasOne(p => p.Researcher).WithMany(r => r.Publications).HasForeignKey(p => p.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Publication).WithMany(p => p.Profiles).HasForeignKey(p => p.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ResearcherId, p.PublicationId }).IsUnique();
        builder.HasIndex(p => p.PublicationId);
    }
}
