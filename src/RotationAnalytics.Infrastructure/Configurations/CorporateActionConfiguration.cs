using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class CorporateActionConfiguration : IEntityTypeConfiguration<CorporateAction>
{
    public void Configure(EntityTypeBuilder<CorporateAction> builder)
    {
        // One dividend and one split per instrument and ex-date; the key is also the snapshot's read order.
        builder.HasKey(a => new { a.InstrumentId, a.ExDate, a.Kind });
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(a => a.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SourceBatch>().WithMany().HasForeignKey(a => a.SourceBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.SourceBatchId);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_corporate_actions_dividend_non_negative", "kind <> 'Dividend' OR value >= 0");
            t.HasCheckConstraint("ck_corporate_actions_split_positive", "kind <> 'Split' OR value > 0");
        });
    }
}
