using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// The data version, re-read from the database at most once per <see cref="RefreshInterval"/>: under load a cached
/// answer then costs no database round trip at all. An ingestion commit is visible to ETags and caches within that
/// interval (1 s), which is far below how often the data changes (daily).
/// </summary>
public sealed class DataVersionSource(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long _version;
    private long _readAtTicks = long.MinValue;

    public async Task<long> GetAsync(CancellationToken cancellationToken)
    {
        if (IsFresh())
        {
            return Interlocked.Read(ref _version);
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed it while this one waited.
            if (!IsFresh())
            {
                await using var scope = scopes.CreateAsyncScope();
                var version = await scope.ServiceProvider.GetRequiredService<MarketDataReader>().GetDataVersionAsync(cancellationToken);
                Interlocked.Exchange(ref _version, version);
                Interlocked.Exchange(ref _readAtTicks, time.GetTimestamp());
            }

            return Interlocked.Read(ref _version);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool IsFresh()
    {
        var readAt = Interlocked.Read(ref _readAtTicks);
        return readAt != long.MinValue && time.GetElapsedTime(readAt) < RefreshInterval;
    }

    public void Dispose() => _refresh.Dispose();
}
