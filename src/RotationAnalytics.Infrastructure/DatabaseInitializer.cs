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
    /// <summary>Advisory lock key of schema migration ("RAMIGRAT" in ASCII); the ingestion lock uses another key.</summary>
    private const long MigrationLockKey = 0x5241_4D49_4752_4154;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        await CreateDatabaseAsync(db, cancellationToken);
        // Hosts starting together take turns: EF's own migration lock is released between migrations, so a second host
        // could otherwise re-run a migration the first has just applied (or race on creating the history table).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                // EF's migrator reads the history table before creating it and logs the failure it expects on a new
                // database as an error ("Failed executing DbCommand … __ef_migrations_history"), which would greet every
                // first start: the table is created first, with EF's own script.
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var inserted = await UniverseSeeder.SeedAsync(db, cancellationToken);
        logger.LogInformation("Database migrated; {Inserted} default instruments inserted", inserted);
    }

    /// <summary>Creates the database when it does not exist yet (a first start, or the demo's own database).</summary>
    private static async Task CreateDatabaseAsync(RotationDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
