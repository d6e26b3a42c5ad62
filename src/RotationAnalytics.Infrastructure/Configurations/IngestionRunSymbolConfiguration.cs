using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class IngestionRunSymbolConfiguration : IEntityTypeConfiguration<IngestionRunSymbol>
{
    public void Configure(EntityTypeBuilder<IngestionRunSymbol> builder)
    {
        builder.HasKey(s => new { s.IngestionRunId, s.Symbol });
        builder.Property(s => s.Symbol).HasMaxLength(15);
        builder.Property(s => s.Provider).HasMaxLength(20);
    }
}
