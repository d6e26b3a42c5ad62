using Microsoft.Extensions.Caching.Memory;

namespace RotationAnalytics.Api.Services;

/// <summary>
/// Computed answers keyed by the request and the data version: repeated dashboard queries cost a dictionary lookup,
/// and an ingestion commit (new version) makes every older entry unreachable, so nothing stale is ever served.
/// Failures (404/422) are deterministic for a version and are cached too.
/// </summary>
public sealed class AnalyticsCache(IMemoryCache cache)
{
    public const int MaxEntries = 2_000;

    public async Task<QueryResult<T>> GetOrCreateAsync<T>(string key, long dataVersion, Func<Task<QueryResult<T>>> compute)
    {
        var fullKey = (typeof(T), key, dataVersion);
        if (cache.TryGetValue(fullKey, out QueryResult<T> cached))
        {
            return cached;
        }

        var result = await compute();
        cache.Set(fullKey, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return result;
    }
}
