using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Ingestion.Runs;

namespace RotationAnalytics.Ingestion.Scheduling;

/// <summary>
/// The online pull: a backfill on first start (empty bars table), then one incremental pull per NYSE trading day at the
/// configured local time. A run already held by another process is skipped, not queued: that process does the work.
/// </summary>
internal sealed class DailyPullWorker(
    IngestionRunner runner,
    IServiceScopeFactory scopes,
    IOptions<IngestionOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<DailyPullWorker> logger) : BackgroundService
{
    /// <summary>Explicit setting, else on unless data is loaded at startup or the host runs tests (no network in tests).</summary>
    public static bool IsEnabled(IngestionOptions options, IHostEnvironment environment) =>
        options.Schedule.Enabled ?? (string.IsNullOrWhiteSpace(options.CsvDirectory) && !options.Demo && !environment.IsEnvironment("Testing"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled(options.Value, environment))
        {
            logger.LogInformation("Daily online pull disabled (Ingestion:Schedule:Enabled)");
            return;
        }

        var settings = options.Value.Schedule;
        var schedule = new DailyPullSchedule(settings.TimeOfDay, TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone));
        if (settings.BackfillOnStart && !await AnyBarsAsync(stoppingToken))
        {
            // The backfill waits for the lock: at start another service may hold it for a moment (the run queue marking
            // runs a stopped process left behind), and skipping would leave an empty store until tomorrow.
            await RunAsync("backfill", waitForLock: true, stoppingToken);
            if (!await AnyBarsAsync(stoppingToken))
            {
                logger.LogWarning(
                    "No market data is stored and the online providers delivered none. Load data with scripts/run.sh --csv-dir DIR " +
                    "(a folder of SYMBOL.csv files, e.g. ../shared/data/market), try scripts/run.sh --demo (synthetic, in a database of its own), " +
                    "or configure a provider key (e.g. Ingestion__Providers__Tiingo__ApiKey; see docs/ingestion.md).");
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.NextRunAfter(time.GetUtcNow());
            logger.LogInformation("Next daily pull at {Next:u} ({TimeZone} {TimeOfDay})", next, settings.TimeZone, settings.TimeOfDay);
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            await RunAsync("scheduled", waitForLock: false, stoppingToken);
        }
    }

    private async Task RunAsync(string trigger, bool waitForLock, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(new IngestionRequest { Trigger = trigger, WaitForLock = waitForLock }, stoppingToken);
        }
        catch (ArgumentException e)
        {
            // The runner refused the request as a whole (e.g. this database holds the synthetic demo): the reason is the message.
            logger.LogError("Ingestion run ({Trigger}) refused: {Reason}", trigger, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One failed pull must not stop tomorrow's.
            logger.LogError(e, "Ingestion run ({Trigger}) failed", trigger);
        }
    }

    private async Task<bool> AnyBarsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RotationDbContext>().DailyBars.AnyAsync(cancellationToken);
    }
}
