using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Ingestion.Runs;

namespace RotationAnalytics.Ingestion;

/// <summary>
/// Loads <c>Ingestion:CsvDirectory</c> or the demo universe in StartAsync, i.e. after the database initializer and
/// before the server accepts requests, so the data is committed when the API starts answering. A failed load fails
/// the start: serving without the data the operator asked for would answer wrongly.
/// </summary>
internal sealed class StartupIngestionService(
    IngestionRunner runner,
    IOptions<IngestionOptions> options,
    IConfiguration configuration,
    ILogger<StartupIngestionService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.CsvDirectory) && !settings.Demo)
        {
            return;
        }

        if (settings.Demo)
        {
            var database = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(InfrastructureServiceCollectionExtensions.ConnectionStringName)).Database;
            logger.LogInformation("Demo: loading the synthetic universe into database {Database}, which holds no real data", database);
        }

        IngestionRunOutcome? outcome;
        try
        {
            outcome = await runner.RunAsync(
                new IngestionRequest { Trigger = "startup", CsvDirectory = NullIfBlank(settings.CsvDirectory), Demo = settings.Demo },
                cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new StartupIngestionException($"The startup load was refused: {e.Message}", e);
        }

        if (outcome is not { Status: IngestionRunStatus.Succeeded })
        {
            throw new StartupIngestionException($"The startup load (ingestion run {outcome?.RunId}) ended {outcome?.Status}; see the log above and ingestion_run_symbols for per-symbol errors.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>The data the operator asked to load at start (CSV folder, demo) could not be loaded; the host does not start.</summary>
public sealed class StartupIngestionException : Exception
{
    public StartupIngestionException()
    {
    }

    public StartupIngestionException(string message)
        : base(message)
    {
    }

    public StartupIngestionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
