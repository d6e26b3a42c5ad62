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
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var inserted = await UniverseSeeder.SeedAsync(db, cancellationToken);
        logger.LogInformation("Database migrated; {Inserted} default instruments inserted", inserted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
