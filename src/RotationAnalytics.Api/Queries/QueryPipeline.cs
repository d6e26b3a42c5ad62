using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.Api.Queries;

/// <summary>
/// The one query pipeline of the analytics endpoints: take the current snapshot once, answer from the cache for its
/// version or compute from it. The answer carries that version, which becomes its ETag.
/// </summary>
public sealed class QueryPipeline(MarketSnapshotStore store, AnalyticsCache cache)
{
    /// <exception cref="MarketSnapshotUnavailableException">No snapshot has been loaded yet (503).</exception>
    public CachedAnswer<T> Answer<T>(string cacheKey, Func<MarketQuery, QueryResult<T>> compute) => Answer(cacheKey, null, compute);

    /// <summary>
    /// An answer of an endpoint with a return type: a total return whose cited data lacks dividend information is the
    /// 422 naming the instrument, whatever the computation produced.
    /// </summary>
    /// <exception cref="MarketSnapshotUnavailableException">No snapshot has been loaded yet (503).</exception>
    public CachedAnswer<T> Answer<T>(string cacheKey, ReturnType? returnType, Func<MarketQuery, QueryResult<T>> compute)
    {
        var snapshot = store.Current ?? throw new MarketSnapshotUnavailableException();
        return cache.GetOrCreate(cacheKey, snapshot.Version, () =>
        {
            var market = new MarketQuery(snapshot, returnType);
            var result = compute(market);
            return result.Error is null && market.TotalReturnGap is { } gap ? gap : result;
        });
    }
}

/// <summary>Nothing to answer from yet: the store has not been read since the process started.</summary>
public sealed class MarketSnapshotUnavailableException()
    : Exception("The market data has not been loaded yet (the database was unreachable at start).");
