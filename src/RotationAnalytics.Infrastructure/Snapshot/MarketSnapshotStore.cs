using Microsoft.Extensions.Logging;
using Npgsql;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// Holds the current <see cref="MarketSnapshot"/>. Readers take <see cref="Current"/> (one volatile read) and never
/// block; a refresh builds the next image aside and publishes it with one reference swap, so no reader sees a half-built
/// snapshot. A failed refresh keeps the previous image and records why, for the readiness check.
/// </summary>
public sealed class MarketSnapshotStore(MarketSnapshotLoader loader, TimeProvider time, ILogger<MarketSnapshotStore> logger) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile MarketSnapshot? _current;
    private volatile SnapshotRefreshStatus _status = new(null, null, null);

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
            var started = time.GetTimestamp();
            var next = await loader.LoadAsync(previous, cancellationToken);
            if (!ReferenceEquals(next, previous))
            {
                _current = next;
                logger.LogInformation(
                    "Market snapshot v{Version}: {Instruments} instruments, {Bars} bars, read in {Elapsed:0} ms ({Kind})",
                    next.Version, next.Instruments.Count, next.BarCount, time.GetElapsedTime(started).TotalMilliseconds,
                    previous is null ? "full" : "incremental");
            }

            _status = new SnapshotRefreshStatus(time.GetUtcNow(), null, null);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            var reason = exception.GetBaseException().Message;
            if (_status.FailedAt is null)
            {
                logger.LogWarning("Market snapshot refresh failed, serving version {Version}: {Reason}", _current?.Version, reason);
            }

            _status = _status with { FailedAt = time.GetUtcNow(), Failure = reason };
            return false;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}

/// <param name="VerifiedAt">When the snapshot was last confirmed to match the store.</param>
/// <param name="FailedAt">When the latest refresh failed; null when the latest refresh succeeded.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record SnapshotRefreshStatus(DateTimeOffset? VerifiedAt, DateTimeOffset? FailedAt, string? Failure);
