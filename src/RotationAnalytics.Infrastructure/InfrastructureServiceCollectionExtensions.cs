using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    public const string ConnectionStringName = "Rotation";

    /// <summary>Registers the DbContext, the startup migrator and the database health check.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is not configured (set ConnectionStrings__{ConnectionStringName}, or start with scripts/run.sh).");
        services.AddDbContextPool<RotationDbContext>(options => ConfigureDbContext(options, connectionString));
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddDbContextCheck<RotationDbContext>("database", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The read path: the in-memory market snapshot, loaded before the host serves and kept current by LISTEN/NOTIFY.
    /// While a snapshot is served, an unreachable database degrades readiness instead of failing it.
    /// </summary>
    public static IServiceCollection AddMarketSnapshot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SnapshotOptions>().Bind(configuration.GetSection(SnapshotOptions.SectionName));
        var connectionString = configuration.GetConnectionString(ConnectionStringName)!;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "snapshot" };
            // Keepalives let the listening connection notice a database that vanished without closing it.
            if (builder.ConnectionStringBuilder.KeepAlive == 0)
            {
                builder.ConnectionStringBuilder.KeepAlive = 15;
            }
            return builder.Build();
        });
        services.AddMetrics();
        services.AddSingleton<MarketSnapshotLoader>();
        services.AddSingleton<MarketSnapshotStore>();
        services.AddHostedService<MarketSnapshotRefresher>();
        services.AddHealthChecks().AddCheck<MarketSnapshotHealthCheck>("snapshot", tags: ["ready"]);
        return services;
    }

    internal static void ConfigureDbContext(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
}
