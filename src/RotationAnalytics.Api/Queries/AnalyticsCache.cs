using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace RotationAnalytics.Api.Queries;

/// <summary>
/// Computed answers keyed by the request and the data version: a repeated question costs a dictionary lookup and a copy
/// of already-serialised bytes, and a new version makes every older entry unreachable, so nothing stale is ever served.
/// Failures (404/422) are deterministic for a version and are cached too. The cache is bounded by the size of the
/// serialised answers, not their count: a breadth window or a long RSI series weighs a hundred small answers.
/// </summary>
public sealed class AnalyticsCache(IMemoryCache cache, IOptions<JsonOptions> json, IMeterFactory meters)
{
    /// <summary>Budget of the cache in KiB of serialised JSON (the DTOs held beside it weigh about as much again).</summary>
    public const long MaxKibibytes = 32 * 1024;

    public const string MeterName = "RotationAnalytics.Api";

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    private readonly Counter<long> _lookups = meters.Create(MeterName)
        .CreateCounter<long>("rotation.answer_cache.lookups", "{lookup}", "Answer-cache lookups by result: hit or miss (computed).");

    public CachedAnswer<T> GetOrCreate<T>(string key, long dataVersion, Func<QueryResult<T>> compute)
    {
        var fullKey = (typeof(T), key, dataVersion);
        if (cache.TryGetValue(fullKey, out CachedAnswer<T>? cached))
        {
            _lookups.Add(1, Hit);
            return cached!;
        }

        _lookups.Add(1, Miss);
        var result = compute();
        var bytes = result.Error is null ? JsonSerializer.SerializeToUtf8Bytes(result.Value, json.Value.JsonSerializerOptions) : [];
        var answer = new CachedAnswer<T>(result, dataVersion, bytes);
        cache.Set(fullKey, answer, new MemoryCacheEntryOptions
        {
            Size = 1 + (bytes.Length / 1024),
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });
        return answer;
    }
}

/// <summary>A computed answer, the data version it was computed from (its ETag) and its JSON bytes when it succeeded.</summary>
public sealed class CachedAnswer<T>(QueryResult<T> result, long dataVersion, byte[] json)
{
    public QueryResult<T> Result => result;

    public long DataVersion => dataVersion;

    public byte[] Json => json;
}
