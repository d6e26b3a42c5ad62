using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.Api.Queries;

/// <summary>
/// The one query pipeline of the analytics endpoints: take the current snapshot once, answer from the cache for its
/// version or compute from it. The answer carries that version, which becomes its ETag.
/// </summary>
public sealed class QueryPipeline(MarketSnapshotStore store, AnalyticsCache cache)
{
    /// <exception cref="MarketSnapshotUnavailableException">No snapshot has been loaded yet (503).</exception>
    public CachedAnswer<T> Answer<T>(string cacheKey, Func<MarketQuery, QueryResult<T>> compute)
    {
        var snapshot = store.Current ?? throw new MarketSnapshotUnavailableException();
        return cache.GetOrCreate(cacheKey, snapshot.Version, () => compute(new MarketQuery(snapshot)));
    }
}

/// <summary>Nothing to answer from yet: the store has not been read since the process started.</summary>
public sealed class MarketSnapshotUnavailableException()
    : Exception("The market data has not been loaded yet (the database was unreachable at start).");
