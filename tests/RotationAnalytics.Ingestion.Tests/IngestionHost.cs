using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Ingestion;
using RotationAnalytics.Ingestion.Runs;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>
/// The real ingestion stack (AddInfrastructure + AddIngestion, hosted services included) on a test database, without the
/// web layer. Starting it migrates and seeds the database and runs the startup load when one is configured.
/// </summary>
public sealed class IngestionHost : IAsyncDisposable
{
    private readonly IHost _host;

    private IngestionHost(IHost host, CapturedLogs logs)
    {
        _host = host;
        Logs = logs;
    }

    public IServiceProvider Services => _host.Services;

    public CapturedLogs Logs { get; }

    public IngestionRunner Runner => _host.Services.GetRequiredService<IngestionRunner>();

    public static async Task<IngestionHost> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:Rotation"] = connectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        builder.Services.AddInfrastructure(builder.Configuration);
        builder.Services.AddIngestion(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new IngestionHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
