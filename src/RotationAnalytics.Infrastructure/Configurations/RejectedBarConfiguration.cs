using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class RejectedBarConfiguration : IEntityTypeConfiguration<RejectedBar>
{
    public void Configure(EntityTypeBuilder<RejectedBar> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Provider).HasMaxLength(20);
        builder.HasIndex(r => r.IngestionRunId);
        builder.HasOne<IngestionRun>().WithMany().HasForeignKey(r => r.IngestionRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
