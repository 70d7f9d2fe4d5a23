using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data.Configurations;

public sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(500);
        builder.Property(p => p.VenueName).HasMaxLength(300);
        builder.Property(p => p.VenueShort).HasMaxLength(50);
        builder.Property(p => p.Doi).HasMaxLength(200);
        builder.Property(p => p.ArxivId).HasMaxLength(50);
        builder.Property(p => p.Url).HasMaxLength(2048);
        builder.Property(p => p.Summary).HasMaxLength(Bibtex.BibtexPublicationMapper.MaxSummaryLength);
        builder.Property(p => p.Abstract).HasMaxLength(10_000);
        builder.Property(p => p.Volume).HasMaxLength(PublicationLimits.Volume);
        builder.Property(p => p.Number).HasMaxLength(PublicationLimits.Number);
        builder.Property(p => p.Pages).HasMaxLength(PublicationLimits.Pages);
        builder.Property(p => p.Publisher).HasMaxLength(PublicationLimits.Publisher);
        builder.Property(p => p.Note).HasMaxLength(PublicationLimits.Note);
        builder.Property(p => p.CitationKey).HasMaxLength(200);
        builder.Property(p => p.TitleKey).HasMaxLength(500);
        builder.HasIndex(p => p.Doi);
        builder.HasIndex(p => p.TitleKey);
        builder.HasIndex(p => p.ArxivId);
        builder.HasIndex(p => p.Year);
    }
}

public sealed class PublicationAuthorConfiguration : IEntityTypeConfiguration<PublicationAuthor>
{
    public void Configure(EntityTypeBuilder<PublicationAuthor> builder)
    {
        builder.HasOne(a => a.Publication).WithMany(p => p.Authors).HasForeignKey(a => a.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Researcher).WithMany().HasForeignKey(a => a.ResearcherId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => new { a.PublicationId, a.Position }).IsUnique();
        builder.HasIndex(a => a.ResearcherId);
    }
}

public sealed class PublicationLinkConfiguration : IEntityTypeConfiguration<PublicationLink>
{
    public void Configure(EntityTypeBuilder<PublicationLink> builder)
    {
        builder.HasOne(l => l.Publication).WithMany(p => p.Links).HasForeignKey(l => l.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Label).HasMaxLength(100);
        builder.Property(l => l.Url).HasMaxLength(2048);
        builder.HasIndex(l => new { l.PublicationId, l.SortOrder });
    }
}

public sealed class ProjectLinkConfiguration : IEntityTypeConfiguration<ProjectLink>
{
    public void Configure(EntityTypeBuilder<ProjectLink> builder)
    {
        builder.HasOne(l => l.Project).WithMany(p => p.Links).HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Label).HasMaxLength(100);
        builder.Property(l => l.Url).HasMaxLength(2048);
        builder.HasIndex(l => new { l.ProjectId, l.SortOrder });
    }
}

public sealed class ProjectPublicationConfiguration : IEntityTypeConfiguration<ProjectPublication>
{
    public void Configure(EntityTypeBuilder<ProjectPublication> builder)
    {
        builder.HasKey(p => new { p.ProjectId, p.PublicationId });
        builder.HasOne(p => p.Project).WithMany(p => p.RelatedPublications).HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Publication).WithMany().HasForeignKey(p => p.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PublicationId);
    }
}

public sealed class PublicationSuggestionConfiguration : IEntityTypeConfiguration<PublicationSuggestion>
{
    public void Configure(EntityTypeBuilder<PublicationSuggestion> builder)
    {
        builder.HasOne(s => s.Researcher).WithMany().HasForeignKey(s => s.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Publication).WithMany().HasForeignKey(s => s.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.SuggestedByResearcher).WithMany().HasForeignKey(s => s.SuggestedByResearcherId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(s => s.SuggestedByUserName).HasMaxLength(256);
        builder.HasIndex(s => new { s.ResearcherId, s.PublicationId }).IsUnique();
        builder.HasIndex(s => s.PublicationId);
    }
}
