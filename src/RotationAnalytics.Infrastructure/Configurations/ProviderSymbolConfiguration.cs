using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class ProviderSymbolConfiguration : IEntityTypeConfiguration<ProviderSymbol>
{
    public void Configure(EntityTypeBuilder<ProviderSymbol> builder)
    {
        builder.HasKey(p => new { p.InstrumentId, p.Provider });
        builder.Property(p => p.Provider).HasMaxLength(20);
        builder.Property(p => p.Symbol).HasMaxLength(30);
    }
}
