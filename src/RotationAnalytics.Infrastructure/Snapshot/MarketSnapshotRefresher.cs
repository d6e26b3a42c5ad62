using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// Keeps this process' snapshot current. The first load happens before the host serves (a failure there is not
/// fatal: requests get 503 until a load succeeds). Then a dedicated connection LISTENs for the notification every data
/// change sends at commit and refreshes at once; a version check every <see cref="SnapshotOptions.PollIntervalSeconds"/>
/// covers a notification lost with a dropped connection, which is reconnected with exponential backoff.
/// </summary>
public sealed class MarketSnapshotRefresher(
    MarketSnapshotStore store,
    NpgsqlDataSource dataSource,
    IOptions<SnapshotOptions> options,
    TimeProvider time,
    ILogger<MarketSnapshotRefresher> logger) : BackgroundService
{
    /// <summary>The channel the data-version triggers notify (see the DataVersion migration).</summary>
    public const string Channel = "rotation_data_changed";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        var maxDelay = TimeSpan.FromSeconds(options.Value.MaxReconnectDelaySeconds);
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                delay = TimeSpan.FromSeconds(1);
                // Changes committed while no connection listened are caught up now. Then: true on a notification, false
                // when the poll interval passed without one — both refresh, and a refresh whose version has not moved
                // costs one query. A failed refresh means the database is gone: reconnect.
                while (await store.RefreshAsync(stoppingToken))
                {
                    await connection.WaitAsync(poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning(
                    "Data-change listener lost its connection ({Reason}); reconnecting in {Delay} s",
                    exception.GetBaseException().Message, delay.TotalSeconds);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
                // Without a listener the version check alone keeps the snapshot current, or the readiness check honest.
                await store.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, maxDelay.Ticks));
        }
    }
}
