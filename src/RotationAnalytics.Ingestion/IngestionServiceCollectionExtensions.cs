using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Ingestion.Providers;
using RotationAnalytics.Ingestion.Runs;
using RotationAnalytics.Ingestion.Scheduling;

namespace RotationAnalytics.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Registers providers, the run pipeline, the startup load (CSV folder / demo), the admin run queue and the daily pull worker. Call after
    /// <c>AddInfrastructure</c>: hosted services start in registration order, and the startup load needs the migrated
    /// database.
    /// </summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(IngestionOptions.SectionName);
        services.AddOptions<IngestionOptions>().Bind(section);
        var connectionString = configuration.GetConnectionString(InfrastructureServiceCollectionExtensions.ConnectionStringName)
            ?? throw new InvalidOperationException($"Connection string '{InfrastructureServiceCollectionExtensions.ConnectionStringName}' is not configured.");

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<BarBatchWriter>();
        services.AddSingleton(new IngestionLock(connectionString));
        services.AddHttpDailyBarProviders(section.GetSection(nameof(IngestionOptions.Providers)).Get<ProvidersOptions>() ?? new ProvidersOptions());
        services.AddSingleton<DailyBarProviderChain>();
        services.AddMetrics();
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<IngestionRunner>();
        services.AddHostedService<StartupIngestionService>();
        services.AddSingleton<IngestionRunQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<IngestionRunQueue>());
        services.AddHostedService<DailyPullWorker>();
        return services;
    }
}
