using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace RotationAnalytics.Api.Queries;

/// <summary>
/// Computed answers keyed by the request and the data version: repeated dashboard queries cost a dictionary lookup
/// and a copy of already-serialised bytes, and a new version makes every older entry unreachable, so nothing stale is
/// ever served. Failures (404/422) are deterministic for a version and are cached too.
/// </summary>
public sealed class AnalyticsCache(IMemoryCache cache)
{
    public const int MaxEntries = 2_000;

    public CachedAnswer<T> GetOrCreate<T>(string key, long dataVersion, Func<QueryResult<T>> compute)
    {
        var fullKey = (typeof(T), key, dataVersion);
        if (cache.TryGetValue(fullKey, out CachedAnswer<T>? cached))
        {
            return cached!;
        }

        var answer = new CachedAnswer<T>(compute(), dataVersion);
        cache.Set(fullKey, answer, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return answer;
    }
}

/// <summary>
/// A computed answer, the data version it was computed from (its ETag) and, once first rendered, its JSON bytes
/// (serialising dominates the cost of a cache hit).
/// </summary>
public sealed class CachedAnswer<T>(QueryResult<T> result, long dataVersion)
{
    private byte[]? _json;

    public QueryResult<T> Result => result;

    public long DataVersion => dataVersion;

    public byte[] Json(JsonSerializerOptions options) => _json ??= JsonSerializer.SerializeToUtf8Bytes(result.Value, options);
}
