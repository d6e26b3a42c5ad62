using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// Readiness of the read path: unhealthy until a snapshot is loaded (reads answer 503 then); degraded while the
/// snapshot cannot be refreshed (the previous one is served, its version and age are reported) or while the store
/// holds no bars at all (a first run without data); healthy otherwise.
/// </summary>
internal sealed class MarketSnapshotHealthCheck(MarketSnapshotStore store, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Current;
        var status = store.Status;
        if (snapshot is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"No market snapshot loaded yet{(status.Failure is { } f ? $": {f}" : ".")}"));
        }

        var verifiedAt = status.VerifiedAt ?? snapshot.LoadedAt;
        var data = new Dictionary<string, object>
        {
            ["version"] = snapshot.Version,
            ["instruments"] = snapshot.Instruments.Count,
            ["bars"] = snapshot.BarCount,
            ["loadedAt"] = snapshot.LoadedAt.ToString("O", CultureInfo.InvariantCulture),
            ["verifiedAt"] = verifiedAt.ToString("O", CultureInfo.InvariantCulture),
            ["ageSeconds"] = Math.Round((time.GetUtcNow() - verifiedAt).TotalSeconds, 1),
        };
        if (status.FailedAt is { } failedAt)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Serving snapshot version {snapshot.Version}, last confirmed current at {verifiedAt:O}; refreshing failed at {failedAt:O}: {status.Failure}",
                data: data));
        }

        if (snapshot.BarCount == 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                "The store holds no bars yet: load data with scripts/run.sh --csv-dir DIR (e.g. ../shared/data/market), " +
                "scripts/run.sh --demo, or configure a provider key and let the daily worker pull.",
                data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"Snapshot version {snapshot.Version}", data));
    }
}
