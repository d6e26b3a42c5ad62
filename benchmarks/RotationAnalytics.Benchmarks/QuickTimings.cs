using System.Diagnostics;
using RotationAnalytics.Domain.Indicators;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;
using RotationAnalytics.Domain.Tests.Naive;
using RotationAnalytics.Domain.Tests.Support;

namespace RotationAnalytics.Benchmarks;

/// <summary>
/// A Stopwatch cross-check of the BenchmarkDotNet figures for a shared (noisy) machine: after a warm-up, each
/// operation runs in 400 batches of 20 calls, the implementations interleaved batch by batch so they see the
/// same load; min, 10th percentile and median µs per call are reported. The minimum is the figure least
/// distorted by other processes preempting the benchmark; the median includes the garbage collections the
/// allocations cause. Run: dotnet run -c Release --project benchmarks/RotationAnalytics.Benchmarks -- --quick
/// </summary>
public static class QuickTimings
{
    public static void Run()
    {
        var rut = MarketData.Load("RUT");
        var spx = MarketData.Load("SPX");
        var pair = AlignedPair.Align(rut, spx).Value;
        var days = pair.Count;
        (string Name, int Inputs, Func<int> Call)[] cases =
        [
            ("NaiveHistory", days, () => NaiveStreaks.All(pair, pair.Count - 1).OrderByDescending(s => s.Length).ThenByDescending(s => s.EndDate).Count()),
            ("StreakHistory", days, () => StreakAnalysis.Analyze(pair).Value.History.Length),
            ("StreakHistoryPage", days, () => StreakAnalysis.Analyze(pair, null, 1, 0, 50).Value.HistoryTotal),
            ("NaiveRsi14", spx.Length, () => NaiveRsi.Calculate(spx, 14).Length),
            ("WilderRsi14", spx.Length, () => WilderRsi.Calculate(spx).Value.Length),
            ("WilderRsi14Readings", spx.Length, () => WilderRsi.Readings(spx, new DateOnly(2025, 8, 22), new DateOnly(2026, 8, 21)).Value.Length),
        ];

        const int Batches = 400, Calls = 20;
        var samples = cases.Select(_ => new List<double>(Batches)).ToArray();
        foreach (var (_, _, call) in cases)
        {
            for (var i = 0; i < 3000; i++)
            {
                call();
            }
        }

        for (var batch = 0; batch < Batches; batch++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var call = cases[c].Call;
                var stopwatch = Stopwatch.StartNew();
                for (var i = 0; i < Calls; i++)
                {
                    call();
                }

                samples[c].Add(stopwatch.Elapsed.TotalMicroseconds / Calls);
            }
        }

        Console.WriteLine($"load average: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        Console.WriteLine("| Case | Inputs | min µs | p10 µs | median µs | min ns / input |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            var sorted = samples[c].Order().ToArray();
            Console.WriteLine(
                $"| {cases[c].Name} | {cases[c].Inputs:N0} | {sorted[0]:F1} | {sorted[Batches / 10]:F1} | {sorted[Batches / 2]:F1} | {sorted[0] * 1000 / cases[c].Inputs:F2} |");
        }
    }
}
