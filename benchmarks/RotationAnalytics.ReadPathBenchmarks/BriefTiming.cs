using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using RotationAnalytics.Api.Briefs;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.ReadPathBenchmarks;

/// <summary>
/// The rotation brief computed from a loaded snapshot in process, every call uncached (a cache key never used before):
/// the answer as the API computes it (every domain call, the sentences of both languages, the JSON bytes), without
/// HTTP. The founding brief (RUT/SPX as of 2026-01-22, compare COMP) is timed alone, then random pairs and dates.
/// </summary>
internal static class BriefTiming
{
    private const int WarmUp = 200;

    public static async Task<int> RunAsync(string connectionString, int count)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var store = new MarketSnapshotStore(
            new MarketSnapshotLoader(dataSource, TimeProvider.System), TimeProvider.System, meters, NullLogger<MarketSnapshotStore>.Instance);
        await store.RefreshAsync(CancellationToken.None);
        var snapshot = store.Current ?? throw new InvalidOperationException("No snapshot loaded.");

        // The API's JSON settings (ApiServiceCollectionExtensions), so serialising costs what it costs there.
        var json = new JsonOptions();
        json.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        json.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        using var memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = AnalyticsCache.MaxKibibytes });
        var briefs = new BriefService(new QueryPipeline(store, new AnalyticsCache(memory, Options.Create(json), meters)), new BriefLanguages());

        var key = 0;
        double Time(BriefQuery query)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = briefs.Get(query, $"brief#{key++}");
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (answer.Result.Error is { } error)
            {
                throw new InvalidOperationException($"{query}: {error.Message}");
            }

            return ms;
        }

        var founding = new BriefQuery("RUT", "SPX", new DateOnly(2026, 1, 22), null, ["COMP"], "en");
        for (var i = 0; i < WarmUp; i++)
        {
            Time(founding with { Lang = i % 2 == 0 ? "en" : "zh" });
        }

        var foundingTimes = Enumerable.Range(0, count).Select(i => Time(founding with { Lang = i % 2 == 0 ? "en" : "zh" })).ToList();

        var random = new Random(20261202);
        var broad = new[] { "RUT", "SPX", "COMP", "DJI", "IWM", "SPY", "QQQ", "DIA" };
        var first = new DateOnly(2001, 1, 2);
        var last = new DateOnly(2026, 8, 20);
        var randomTimes = new List<double>();
        while (randomTimes.Count < count)
        {
            var pair = broad.OrderBy(_ => random.Next()).Take(3).ToArray();
            var asOf = first.AddDays(random.Next(last.DayNumber - first.DayNumber));
            randomTimes.Add(Time(new BriefQuery(pair[0], pair[1], asOf, null, [pair[2]], random.Next(2) == 0 ? "en" : "zh")));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{snapshot.Instruments.Count} instruments, {snapshot.BarCount:N0} bars; {count} uncached briefs per row after {WarmUp} warm-up calls, in process"));
        Console.WriteLine();
        Console.WriteLine("| briefs | count | min ms | median ms | p90 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("RUT vs SPX as of 2026-01-22, compare COMP (en/zh alternating)", foundingTimes);
        Row("random pair of 8 broad symbols, random asOf 2001–2026, one compare symbol", randomTimes);
        return 0;
    }

    private static void Row(string name, List<double> values) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {values.Count} | {values.Min():0.000} | {Percentile(values, 50):0.000} | {Percentile(values, 90):0.000} | {Percentile(values, 99):0.000} |"));

    private static double Percentile(List<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
