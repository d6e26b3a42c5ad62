using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace RotationAnalytics.ReadPathBenchmarks;

/// <summary>
/// What a user asking new questions meets: random, never-repeated queries to the six analytics endpoints and the rotation brief, interleaved
/// in one run with repeats of queries already asked (answered from the cache), over one keep-alive connection. The
/// repeats are the baseline: uncached latency is reported as a multiple of the cached median of the same run.
/// </summary>
internal static class QueryMix
{
    private const int WarmUp = 300;

    public static async Task<int> RunAsync(Uri baseUrl, int uncachedCount, int seed)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl };
        var universe = await Universe.LoadAsync(client);
        var random = new Random(seed);
        var asked = new List<string>();
        var seen = new HashSet<string>();
        var uncached = new List<(string Endpoint, double Ms)>();
        var cached = new List<double>();
        var errors = new List<string>();

        // The warm-up (JIT, first cache entries) is not measured; then each step is a new query or a repeat, at random.
        for (var step = 0; uncached.Count < uncachedCount; step++)
        {
            var repeat = asked.Count > 0 && random.Next(2) == 0;
            var url = repeat ? asked[random.Next(asked.Count)] : NewQuery(universe, random, seen);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors.Add($"{(int)response.StatusCode} {url}");
            }

            if (!repeat)
            {
                asked.Add(url);
            }

            if (step < WarmUp)
            {
                continue;
            }

            if (repeat)
            {
                cached.Add(ms);
            }
            else
            {
                uncached.Add((url[..url.IndexOf('?', StringComparison.Ordinal)], ms));
            }
        }

        var cachedMedian = Percentile(cached, 50);
        Console.WriteLine($"{uncached.Count} never-repeated queries and {cached.Count} repeats (after {WarmUp} warm-up requests), seed {seed}, one keep-alive connection");
        Console.WriteLine();
        Console.WriteLine("| requests | count | median ms | p90 ms | p99 ms | max ms | median ÷ cached median | p99 ÷ cached median |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row("repeated (cached)", cached, cachedMedian);
        Row("never repeated (uncached)", uncached.Select(u => u.Ms).ToList(), cachedMedian);
        foreach (var endpoint in uncached.GroupBy(u => u.Endpoint).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row($"— uncached `{endpoint.Key}`", endpoint.Select(u => u.Ms).ToList(), cachedMedian);
        }

        Console.WriteLine();
        Console.WriteLine($"Errors (non-200): {errors.Count}");
        foreach (var error in errors.Take(10))
        {
            Console.WriteLine($"  {error}");
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static void Row(string name, List<double> values, double baseline) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {values.Count} | {Percentile(values, 50):0.000} | {Percentile(values, 90):0.000} | {Percentile(values, 99):0.000} | " +
            $"{values.Max():0.000} | {Percentile(values, 50) / baseline:0.00}× | {Percentile(values, 99) / baseline:0.00}× |"));

    private static double Percentile(List<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string NewQuery(Universe u, Random random, HashSet<string> seen)
    {
        while (true)
        {
            var url = random.Next(7) switch
            {
                0 => Pair(u, random, (a, b, asOf) => $"/streaks?symbol={a}&benchmark={b}&asOf={asOf}&minLength={random.Next(1, 12)}"),
                1 => Window(u, random, (from, to) =>
                    $"/relative-performance?symbols={string.Join(',', Pick(u.Broad, random, 3))}&benchmark=SPY&from={from}&to={to}&basis={(random.Next(2) == 0 ? "close" : "open")}"),
                2 => Window(u, random, (from, to) => $"/indicators/rsi?symbol={u.All[random.Next(u.All.Count)]}&period={random.Next(5, 30)}&from={from}&to={to}"),
                3 => Window(u, random, (from, to) => $"/breadth/sectors?from={from}&to={to}"),
                4 => Window(u, random, (from, to) => $"/highs?symbol={u.All[random.Next(u.All.Count)]}&from={from}&to={to}"),
                5 => Window(u, random, (_, to) =>
                    $"/rotation?benchmark=SPY&symbols={string.Join(',', Pick(u.Sectors, random, 4))}&asOf={to}&tail={random.Next(1, 15)}"),
                // The whole rotation brief: streaks twice, window returns on both bases, records, RSI, sector breadth for
                // the day and the window, the aftermath study — one uncached answer.
                _ => Pair(u, random, (a, b, asOf) =>
                    $"/briefs/rotation?symbol={a}&benchmark={b}&asOf={asOf}&compare={Pick(u.Broad, random, 1)[0]}&lang={(random.Next(2) == 0 ? "en" : "zh")}"),
            };
            if (seen.Add(url))
            {
                return url;
            }
        }
    }

    private static string Pair(Universe u, Random random, Func<string, string, string, string> format)
    {
        var pair = Pick(u.Broad, random, 2);
        return format(pair[0], pair[1], Date(u.From, u.To, random));
    }

    private static string Window(Universe u, Random random, Func<string, string, string> format)
    {
        var to = DateOnly.ParseExact(Date(u.From.AddDays(30), u.To, random), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = to.AddDays(-random.Next(5, 400));
        return format(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string Date(DateOnly from, DateOnly to, Random random) =>
        from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> Pick(IReadOnlyList<string> from, Random random, int count) =>
        from.OrderBy(_ => random.Next()).Take(count).ToList();

    /// <summary>The symbols to ask about and a date range every one of them covers (from /instruments).</summary>
    private sealed record Universe(IReadOnlyList<string> All, IReadOnlyList<string> Broad, IReadOnlyList<string> Sectors, DateOnly From, DateOnly To)
    {
        public static async Task<Universe> LoadAsync(HttpClient client)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/instruments", UriKind.Relative)));
            var instruments = json.RootElement.EnumerateArray()
                .Where(i => i.GetProperty("coverage").GetProperty("barCount").GetInt32() > 0)
                .Select(i => (
                    Symbol: i.GetProperty("symbol").GetString()!,
                    Sector: i.GetProperty("groups").EnumerateArray().Any(g => g.GetString() == "us-sectors"),
                    First: DateOnly.Parse(i.GetProperty("coverage").GetProperty("firstDate").GetString()!, CultureInfo.InvariantCulture),
                    Last: DateOnly.Parse(i.GetProperty("coverage").GetProperty("lastDate").GetString()!, CultureInfo.InvariantCulture)))
                .ToList();
            // Dates where every instrument has a year of history, so no question is unanswerable (0 errors expected).
            var from = instruments.Max(i => i.First).AddYears(1);
            var to = instruments.Min(i => i.Last);
            return new Universe(
                instruments.Select(i => i.Symbol).ToList(),
                instruments.Where(i => !i.Sector).Select(i => i.Symbol).ToList(),
                instruments.Where(i => i.Sector).Select(i => i.Symbol).ToList(),
                from,
                to);
        }
    }
}
