using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// Holds the current <see cref="MarketSnapshot"/>. Readers take <see cref="Current"/> (one volatile read) and never
/// block; a refresh builds the next image aside and publishes it with one reference swap, so no reader sees a half-built
/// snapshot. A failed refresh keeps the previous image and records why, for the readiness check.
/// </summary>
public sealed class MarketSnapshotStore : IDisposable
{
    public const string MeterName = "RotationAnalytics.Snapshot";

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly MarketSnapshotLoader _loader;
    private readonly TimeProvider _time;
    private readonly ILogger<MarketSnapshotStore> _logger;
    private readonly Counter<long> _refreshes;
    private volatile MarketSnapshot? _current;
    private volatile SnapshotRefreshStatus _status = new(null, null, null);

    public MarketSnapshotStore(MarketSnapshotLoader loader, TimeProvider time, IMeterFactory meters, ILogger<MarketSnapshotStore> logger)
    {
        _loader = loader;
        _time = time;
        _logger = logger;
        var meter = meters.Create(MeterName);
        _refreshes = meter.CreateCounter<long>("rotation.snapshot.refreshes", "{refresh}", "Snapshot refreshes by result: changed, unchanged, failed.");
        // Before the first load there is nothing to report: no measurement rather than a misleading zero.
        meter.CreateObservableGauge("rotation.snapshot.data_version", () => Observe(s => s.Version), "{version}", "Data version the snapshot shows.");
        meter.CreateObservableGauge(
            "rotation.snapshot.age", () => Observe(s => (_time.GetUtcNow() - (_status.VerifiedAt ?? s.LoadedAt)).TotalSeconds),
            "s", "Seconds since the snapshot was last confirmed to match the store.");
        meter.CreateObservableGauge("rotation.snapshot.bars", () => Observe(s => s.BarCount), "{bar}", "Bars held by the snapshot.");
        meter.CreateObservableGauge("rotation.snapshot.size", () => Observe(s => s.SeriesBytes), "By", "Bytes of the snapshot's series arrays.");
    }

    /// <summary>The latest loaded image, or null before the first successful load.</summary>
    public MarketSnapshot? Current => _current;

    public SnapshotRefreshStatus Status => _status;

    /// <summary>Brings the snapshot to the store's current version; false (previous image kept) when the store cannot be read.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var previous = _current;
            var started = _time.GetTimestamp();
            var next = await _loader.LoadAsync(previous, cancellationToken);
            _refreshes.Add(1, new KeyValuePair<string, object?>("result", ReferenceEquals(next, previous) ? "unchanged" : "changed"));
            if (!ReferenceEquals(next, previous))
            {
                _current = next;
                _logger.LogInformation(
                    "Market snapshot v{Version}: {Instruments} instruments, {Bars} bars, read in {Elapsed:0} ms ({Kind})",
                    next.Version, next.Instruments.Count, next.BarCount, _time.GetElapsedTime(started).TotalMilliseconds,
                    previous is null ? "full" : "incremental");
            }

            _status = new SnapshotRefreshStatus(_time.GetUtcNow(), null, null);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            _refreshes.Add(1, new KeyValuePair<string, object?>("result", "failed"));
            var reason = exception.GetBaseException().Message;
            if (_status.FailedAt is null)
            {
                _logger.LogWarning("Market snapshot refresh failed, serving version {Version}: {Reason}", _current?.Version, reason);
            }

            _status = _status with { FailedAt = _time.GetUtcNow(), Failure = reason };
            return false;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private IEnumerable<Measurement<T>> Observe<T>(Func<MarketSnapshot, T> value)
        where T : struct => _current is { } snapshot ? [new Measurement<T>(value(snapshot))] : [];
}

/// <param name="VerifiedAt">When the snapshot was last confirmed to match the store.</param>
/// <param name="FailedAt">When the latest refresh failed; null when the latest refresh succeeded.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record SnapshotRefreshStatus(DateTimeOffset? VerifiedAt, DateTimeOffset? FailedAt, string? Failure);
