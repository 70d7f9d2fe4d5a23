using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data.Configurations;

public sealed class ProfileRevisionConfiguration : IEntityTypeConfiguration<ProfileRevision>
{
    public void Configure(EntityTypeBuilder<ProfileRevision> builder)
    {
        builder.ToTable("Revisions");
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.EntityType).HasMaxLength(64);
        builder.Property(r => r.Label).HasMaxLength(200);
        builder.Property(r => r.ChangedFields).HasMaxLength(1000);
        // History outlives a purged profile's rows only until the purge itself: it cascades.
        builder.HasOne<Researcher>().WithMany().HasForeignKey(r => r.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ResearcherId, r.Id });
        builder.HasIndex(r => r.ChangeSet);
    }
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.TokenHash).HasMaxLength(128);
        builder.Property(i => i.InvitedById).HasMaxLength(450);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne(i => i.Researcher).WithMany().HasForeignKey(i => i.ResearcherId).OnDelete(DeleteBehavior.SetNull);
    }
}
