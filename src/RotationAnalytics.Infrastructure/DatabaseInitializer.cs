using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RotationAnalytics.Infrastructure.Seeding;

namespace RotationAnalytics.Infrastructure;

/// <summary>
/// Applies migrations and seeds the default universe before the host starts serving (when enabled), so the API never
/// answers against a half-created schema. A database that is unreachable at start fails the start (fail fast): a
/// service that cannot migrate cannot answer correctly either.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopeFactory,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    /// <summary>"RAMIGRAT" in ASCII: the advisory lock around creating the migration history table.</summary>
    private const long HistoryTableLockId = 0x5241_4D49_4752_4154;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        await CreateHistoryTableAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var inserted = await UniverseSeeder.SeedAsync(db, cancellationToken);
        logger.LogInformation("Database migrated; {Inserted} default instruments inserted", inserted);
    }

    /// <summary>
    /// Creates the database and EF's migration history table (with EF's own script) when they do not exist yet. EF's
    /// migrator reads the history table before creating it and logs the failure it expects on a new database as an
    /// error ("Failed executing DbCommand … __ef_migrations_history"), which would greet every first start.
    /// </summary>
    private static async Task CreateHistoryTableAsync(RotationDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        // Hosts starting side by side on one database would race on CREATE TABLE IF NOT EXISTS (a unique violation in
        // pg_type); a transaction-scoped advisory lock lets one create the table while the other waits.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({HistoryTableLockId})", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
