using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class DailyBarConfiguration : IEntityTypeConfiguration<DailyBar>
{
    public void Configure(EntityTypeBuilder<DailyBar> builder)
    {
        // The primary key is the uniqueness rule (one bar per instrument and date) and the range-scan index.
        builder.HasKey(b => new { b.InstrumentId, b.Date });
        builder.HasOne<Instrument>().WithMany().HasForeignKey(b => b.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SourceBatch>().WithMany().HasForeignKey(b => b.SourceBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.SourceBatchId);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_daily_bars_close_positive", "close > 0");
            t.HasCheckConstraint("ck_daily_bars_prices_non_negative", "open >= 0 AND high >= 0 AND low >= 0");
            t.HasCheckConstraint("ck_daily_bars_volume_non_negative", "volume IS NULL OR volume >= 0");
        });
    }
}
