using Microsoft.EntityFrameworkCore;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure;

public class RotationDbContext(DbContextOptions<RotationDbContext> options) : DbContext(options)
{
    public DbSet<Instrument> Instruments => Set<Instrument>();

    public DbSet<ProviderSymbol> ProviderSymbols => Set<ProviderSymbol>();

    public DbSet<DailyBar> DailyBars => Set<DailyBar>();

    public DbSet<SourceBatch> SourceBatches => Set<SourceBatch>();

    public DbSet<BarRevision> BarRevisions => Set<BarRevision>();

    public DbSet<CorporateAction> CorporateActions => Set<CorporateAction>();

    public DbSet<CorporateActionRevision> CorporateActionRevisions => Set<CorporateActionRevision>();

    public DbSet<RejectedBar> RejectedBars => Set<RejectedBar>();

    public DbSet<IngestionRun> IngestionRuns => Set<IngestionRun>();

    public DbSet<IngestionRunSymbol> IngestionRunSymbols => Set<IngestionRunSymbol>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RotationDbContext).Assembly);
}
