using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class CorporateActionRevisionConfiguration : IEntityTypeConfiguration<CorporateActionRevision>
{
    public void Configure(EntityTypeBuilder<CorporateActionRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(r => new { r.InstrumentId, r.ExDate });
        builder.HasOne<Instrument>().WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SourceBatch>().WithMany().HasForeignKey(r => r.OldSourceBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SourceBatch>().WithMany().HasForeignKey(r => r.NewSourceBatchId).OnDelete(DeleteBehavior.Restrict);
    }
}
