using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Configurations;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Symbol).HasMaxLength(15);
        builder.HasIndex(i => i.Symbol).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Kind).HasMaxLength(10);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.Sector).HasMaxLength(60);
        builder.ToTable(t => t.HasCheckConstraint("ck_instruments_kind", "kind IN ('index','etf','stock')"));
        // GIN index: symbol lookups by alias use the array containment operator.
        builder.HasIndex(i => i.Aliases).HasMethod("gin");
        builder.HasMany(i => i.ProviderSymbols).WithOne().HasForeignKey(p => p.InstrumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
