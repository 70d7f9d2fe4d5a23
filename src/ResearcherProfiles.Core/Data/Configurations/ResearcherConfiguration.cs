using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data.Configurations;

public sealed class ResearcherConfiguration : IEntityTypeConfiguration<Researcher>
{
    public const int SlugMaxLength = 64;

    public void Configure(EntityTypeBuilder<Researcher> builder)
    {
        builder.Property(r => r.Slug).HasMaxLength(SlugMaxLength);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.DisplayName).HasMaxLength(200);
        builder.Property(r => r.GivenName).HasMaxLength(100);
        builder.Property(r => r.FamilyName).HasMaxLength(100);
        builder.Property(r => r.Pronouns).HasMaxLength(40);
        builder.Property(r => r.Headline).HasMaxLength(300);
        builder.Property(r => r.Affiliation).HasMaxLength(300);
        builder.Property(r => r.Location).HasMaxLength(200);
        builder.Property(r => r.AboutMarkdown).HasMaxLength(20_000);
        builder.Property(r => r.PhotoPath).HasMaxLength(300);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.Phone).HasMaxLength(50);
        builder.Property(r => r.Website).HasMaxLength(2048);
        builder.Property(r => r.PublicationsNote).HasMaxLength(500);
        builder.Property(r => r.OrcidId).HasMaxLength(Text.ResearcherIds.MaxLength);
        builder.Property(r => r.DblpPid).HasMaxLength(Text.ResearcherIds.MaxLength);
        builder.Property(r => r.OpenAlexAuthorId).HasMaxLength(Text.ResearcherIds.MaxLength);
        // The directory lists visible profiles alphabetically.
        builder.HasIndex(r => new { r.IsHidden, r.FamilyName, r.GivenName });
        builder.HasOne(r => r.Owner).WithOne(u => u.Profile)
            .HasForeignKey<Researcher>(r => r.OwnerId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
