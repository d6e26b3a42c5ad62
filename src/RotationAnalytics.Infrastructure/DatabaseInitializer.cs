using Microsoft.EntityFrameworkCore;
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
    private const long MigrationLockKey = 0x52414D4947524154;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        // Hosts starting together take turns: EF's own migration lock is released between migrations, so a second host
        // could otherwise re-run a migration the first has just applied.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
