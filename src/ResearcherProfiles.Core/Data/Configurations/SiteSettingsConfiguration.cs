using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data.Configurations;

public sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        // Always the one row: two administrators saving for the first time at once collide on its key.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.ToTable(t => t.HasCheckConstraint("CK_SiteSettings_Singleton", $"\"Id\" = {SiteSettings.SingletonId}"));
        // A purged profile leaves the home page to the directory.
        builder.HasOne(s => s.HomeProfile).WithMany().HasForeignKey(s => s.HomeProfileId).OnDelete(DeleteBehavior.SetNull);
    }
}
