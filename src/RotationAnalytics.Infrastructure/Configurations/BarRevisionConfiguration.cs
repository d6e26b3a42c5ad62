using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class BarRevisionConfiguration : IEntityTypeConfiguration<BarRevision>
{
    public void Configure(EntityTypeBuilder<BarRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.InstrumentId, r.Date });
        builder.HasOne<Instrument>().WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SourceBatch>().WithMany().HasForeignKey(r => r.OldSourceBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SourceBatch>().WithMany().HasForeignKey(r => r.NewSourceBatchId).OnDelete(DeleteBehavior.Restrict);
    }
}
