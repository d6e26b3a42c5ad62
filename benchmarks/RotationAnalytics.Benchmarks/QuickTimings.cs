using System.Diagnostics;
using RotationAnalytics.Domain.Aftermath;
using RotationAnalytics.Domain.Correlation;
using RotationAnalytics.Domain.Horizons;
using RotationAnalytics.Domain.Indicators;
using RotationAnalytics.Domain.Rotation;
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
        Measure(
        [
            ("NaiveHistory", days, () => NaiveStreaks.All(pair, pair.Count - 1).OrderByDescending(s => s.Length).ThenByDescending(s => s.EndDate).Count()),
            ("StreakHistory", days, () => StreakAnalysis.Analyze(pair).Value.History.Length),
            ("StreakHistoryPage", days, () => StreakAnalysis.Analyze(pair, null, 1, 0, 50).Value.HistoryTotal),
            ("NaiveRsi14", spx.Length, () => NaiveRsi.Calculate(spx, 14).Length),
            ("WilderRsi14", spx.Length, () => WilderRsi.Calculate(spx).Value.Length),
            ("WilderRsi14Readings", spx.Length, () => WilderRsi.Readings(spx, new DateOnly(2025, 8, 22), new DateOnly(2026, 8, 21)).Value.Length),
        ]);
    }

    /// <summary>The analytics wave 2 entry points (issue 9), same method: --quick-wave2.</summary>
    public static void RunWave2()
    {
        var spy = MarketData.Load("SPY");
        var members = Wave2Inputs.Sectors.Select(s => new PerformanceMember(s, MarketData.Load(s))).ToArray();
        var asOf = new DateOnly(2026, 5, 1);
        var rutSpx = AlignedPair.Align(MarketData.Load("RUT"), MarketData.Load("SPX")).Value;
        var compSpx = AlignedPair.Align(MarketData.Load("COMP"), MarketData.Load("SPX")).Value;
        var sectorPairs = Wave2Inputs.Sectors.Select(s => AlignedPair.Align(MarketData.Load(s), spy).Value).ToArray();
        var bars = members.Sum(m => m.Bars.Count) + spy.Length;
        var validatedMembers = members.Select(m => m with { Bars = ValidatedSeries.Create(m.Bars).Value }).ToArray();
        var validatedSpy = ValidatedSeries.Create(spy).Value;
        Measure(
        [
            ("SectorTable (11 × 14 vs SPY)", bars, () => MultiHorizonPerformance.Table(members, spy, asOf).Value.Rows.Length),
            ("SectorTableValidated (11 × 14 vs SPY)", bars, () => MultiHorizonPerformance.Table(validatedMembers, validatedSpy, asOf).Value.Rows.Length),
            ("ValidateSectorSeries (12 series)", bars, () => members.Sum(m => PriceSeries.Validate(m.Bars, Domain.Errors.DomainInput.Members, out _) is null ? 1 : 0) + (PriceSeries.Validate(spy, Domain.Errors.DomainInput.Benchmark, out _) is null ? 1 : 0)),
            ("AftermathOutperform10 (RUT/SPX)", rutSpx.Count, () => StreakAftermath.Analyze(rutSpx, null, StreakDirection.Outperform, 10).Value.Events.Length),
            ("AftermathDefaults (RUT/SPX)", rutSpx.Count, () => StreakAftermath.Analyze(rutSpx).Value.Events.Length),
            ("AftermathDefaultsPage (RUT/SPX)", rutSpx.Count, () => StreakAftermath.Analyze(rutSpx, null, null, null, null, 0, 50).Value.EventsTotal),
            ("Rolling63Over10000Days (COMP/SPX)", 10_000, () => ReturnCorrelation.Compute(compSpx, compSpx.Dates[^10_000], compSpx.Dates[^1]).Value.Series.Count),
            ("Rolling63OneYear (COMP/SPX)", 252, () => ReturnCorrelation.Compute(compSpx, compSpx.Dates[^252], compSpx.Dates[^1]).Value.Series.Count),
            ("RotationWeeklyDefaults ×11", sectorPairs.Sum(p => p.Count), () => sectorPairs.Sum(p => RelativeRotation.Calculate(p, RotationParameters.Default).Value.Length)),
            ("RotationDaily63x21 ×11", sectorPairs.Sum(p => p.Count), () => sectorPairs.Sum(p => RelativeRotation.Calculate(p).Value.Length)),
        ]);
    }

    private static void Measure((string Name, int Inputs, Func<int> Call)[] cases)
    {
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
