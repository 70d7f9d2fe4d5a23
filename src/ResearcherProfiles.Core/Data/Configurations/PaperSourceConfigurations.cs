using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data.Configurations;

public sealed class SourceSyncStateConfiguration : IEntityTypeConfiguration<SourceSyncState>
{
    public const int ProblemMaxLength = 2000;

    public void Configure(EntityTypeBuilder<SourceSyncState> builder)
    {
        builder.HasKey(s => s.ResearcherId);
        builder.HasOne(s => s.Researcher).WithOne().HasForeignKey<SourceSyncState>(s => s.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.LastProblem).HasMaxLength(ProblemMaxLength);
        // The sync asks for the profiles that are due, oldest first.
        builder.HasIndex(s => s.DueAt);
    }
}

public sealed class FoundWorkConfiguration : IEntityTypeConfiguration<FoundWork>
{
    public const int BibtexMaxLength = 100_000;

    public void Configure(EntityTypeBuilder<FoundWork> builder)
    {
        builder.HasOne(w => w.Researcher).WithMany().HasForeignKey(w => w.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.SourceKey).HasMaxLength(300);
        // "title:" and a title key at most.
        builder.Property(w => w.MatchKey).HasMaxLength(520);
        builder.Property(w => w.Doi).HasMaxLength(200);
        builder.Property(w => w.ArxivId).HasMaxLength(50);
        builder.Property(w => w.TitleKey).HasMaxLength(500);
        builder.Property(w => w.Title).HasMaxLength(500);
        builder.Property(w => w.Authors).HasMaxLength(1000);
        builder.Property(w => w.Venue).HasMaxLength(300);
        builder.Property(w => w.Bibtex).HasMaxLength(BibtexMaxLength);
        builder.HasIndex(w => new { w.ResearcherId, w.MatchKey }).IsUnique();
        builder.HasIndex(w => new { w.ResearcherId, w.Status });
    }
}

public sealed class CitationCountConfiguration : IEntityTypeConfiguration<CitationCount>
{
    public void Configure(EntityTypeBuilder<CitationCount> builder)
    {
        builder.HasKey(c => c.PublicationId);
        builder.HasOne(c => c.Publication).WithOne().HasForeignKey<CitationCount>(c => c.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Source).HasMaxLength(40);
    }
}

public sealed class WorkerLeaseConfiguration : IEntityTypeConfiguration<WorkerLease>
{
    public void Configure(EntityTypeBuilder<WorkerLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
