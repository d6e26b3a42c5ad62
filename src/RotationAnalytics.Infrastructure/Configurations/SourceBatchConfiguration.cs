using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class SourceBatchConfiguration : IEntityTypeConfiguration<SourceBatch>
{
    public void Configure(EntityTypeBuilder<SourceBatch> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Provider).HasMaxLength(20);
        builder.Property(b => b.ProviderSymbol).HasMaxLength(30);
        builder.Property(b => b.ContentSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(b => b.PriceKind).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(b => b.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IngestionRun>().WithMany().HasForeignKey(b => b.IngestionRunId).OnDelete(DeleteBehavior.SetNull);
        // Citations look up the batches of one instrument overlapping a date range.
        builder.HasIndex(b => new { b.InstrumentId, b.FirstDate, b.LastDate });
    }
}
