using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class IngestionRunConfiguration : IEntityTypeConfiguration<IngestionRun>
{
    public void Configure(EntityTypeBuilder<IngestionRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Trigger).HasMaxLength(20);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.HasIndex(r => r.StartedAt);
        builder.HasMany(r => r.Symbols).WithOne().HasForeignKey(s => s.IngestionRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
