using BenchmarkDotNet.Attributes;
using RotationAnalytics.Domain.Aftermath;
using RotationAnalytics.Domain.Correlation;
using RotationAnalytics.Domain.Horizons;
using RotationAnalytics.Domain.Rotation;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;
using RotationAnalytics.Domain.Tests.Naive;
using RotationAnalytics.Domain.Tests.Support;

namespace RotationAnalytics.Benchmarks;

/// <summary>
/// The 11 SPDR sectors × 14 horizons against SPY as of 2026-05-01 (SPEC §3.7), from the bars arrays (validation of
/// all 12 series included), against the naive linear scan per cell.
/// </summary>
[MemoryDiagnoser]
public class HorizonBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 5, 1);
    private PerformanceMember[] _members = [];
    private PerformanceMember[] _validatedMembers = [];
    private PriceBar[] _spy = [];
    private ValidatedSeries _validatedSpy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _members = Wave2Inputs.Sectors.Select(s => new PerformanceMember(s, MarketData.Load(s))).ToArray();
        _validatedMembers = _members.Select(m => m with { Bars = ValidatedSeries.Create(m.Bars).Value }).ToArray();
        _spy = MarketData.Load("SPY");
        _validatedSpy = ValidatedSeries.Create(_spy).Value;
    }

    [Benchmark(Baseline = true)]
    public int NaiveSectorTable()
    {
        var cells = 0;
        foreach (var member in _members.Append(new PerformanceMember("SPY", _spy)))
        {
            foreach (var code in NaiveHorizons.Codes)
            {
                cells += double.IsNaN(NaiveHorizons.Measure((PriceBar[])member.Bars, AsOf, code).Return) ? 0 : 1;
            }
        }

        return cells;
    }

    /// <summary>From plain arrays: the 12 series (62,966 bars) are validated on every call.</summary>
    [Benchmark]
    public int SectorTable() => MultiHorizonPerformance.Table(_members, _spy, AsOf).Value.Rows.Length;

    /// <summary>From <see cref="ValidatedSeries"/> kept across calls (validated once): the table's own work.</summary>
    [Benchmark]
    public int SectorTableValidated() => MultiHorizonPerformance.Table(_validatedMembers, _validatedSpy, AsOf).Value.Rows.Length;
}

/// <summary>RUT vs SPX over the whole common history (9,811 dates): the aftermath study, against the naive one.</summary>
[MemoryDiagnoser]
public class AftermathBenchmarks
{
    private static readonly int[] Horizons = [5, 21, 63, 126];
    private AlignedPair _pair = null!;

    [GlobalSetup]
    public void Setup() => _pair = AlignedPair.Align(MarketData.Load("RUT"), MarketData.Load("SPX")).Value;

    [Benchmark(Baseline = true)]
    public int NaiveAftermathOutperform10()
    {
        var events = NaiveAftermath.Events(_pair, _pair.Count - 1, StreakDirection.Outperform, 10, Horizons);
        return events.Count + Enumerable.Range(0, Horizons.Length).Sum(i => NaiveAftermath.Summary(events, i).Count);
    }

    /// <summary>Explicit direction and minLength 10 (8 events).</summary>
    [Benchmark]
    public int AftermathOutperform10() => StreakAftermath.Analyze(_pair, null, StreakDirection.Outperform, 10).Value.Events.Length;

    /// <summary>
    /// All defaults: the current streak is 1 day, so minLength 1 and 2,434 events, all materialised.
    /// </summary>
    [Benchmark]
    public int AftermathDefaults() => StreakAftermath.Analyze(_pair).Value.Events.Length;

    /// <summary>All defaults, one 50-event page materialised, summaries over all 2,434 events.</summary>
    [Benchmark]
    public int AftermathDefaultsPage() => StreakAftermath.Analyze(_pair, null, null, null, null, 0, 50).Value.EventsTotal;
}

/// <summary>Trailing 63-day correlation and beta over the last 10,000 common dates of COMP vs SPX, against the naive per-window sums.</summary>
[MemoryDiagnoser]
public class CorrelationBenchmarks
{
    private AlignedPair _pair = null!;
    private AlignedPair _last10000 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pair = AlignedPair.Align(MarketData.Load("COMP"), MarketData.Load("SPX")).Value;
        var from = _pair.Count - 10_000;
        _last10000 = _pair with
        {
            Dates = _pair.Dates[from..], OpensA = [], ClosesA = _pair.ClosesA[from..], OpensB = [], ClosesB = _pair.ClosesB[from..], SkippedDates = [],
        };
    }

    [Benchmark(Baseline = true)]
    public int NaiveRolling63() => NaiveCorrelation.Trailing(_last10000, 63).Length;

    /// <summary>10,000 dates → 9,999 returns and points, plus the whole-window figures.</summary>
    [Benchmark]
    public int Rolling63Over10000Days() => ReturnCorrelation.Compute(_pair, _pair.Dates[^10_000], _pair.Dates[^1]).Value.Series.Count;

    /// <summary>The API's default-sized answer: one year of points (the windows reach back before it).</summary>
    [Benchmark]
    public int Rolling63OneYear() => ReturnCorrelation.Compute(_pair, _pair.Dates[^252], _pair.Dates[^1]).Value.Series.Count;
}

/// <summary>Rotation paths of the 11 sectors vs SPY with the new defaults (weekly 52/13, lag 5) and the daily form.</summary>
[MemoryDiagnoser]
public class RotationIntervalBenchmarks
{
    private AlignedPair[] _pairs = [];

    [GlobalSetup]
    public void Setup()
    {
        var spy = MarketData.Load("SPY");
        _pairs = Wave2Inputs.Sectors.Select(s => AlignedPair.Align(MarketData.Load(s), spy).Value).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Daily63x21Lag1() => _pairs.Sum(p => RelativeRotation.Calculate(p).Value.Length);

    [Benchmark]
    public int WeeklyDefaults() => _pairs.Sum(p => RelativeRotation.Calculate(p, RotationParameters.Default).Value.Length);
}

internal static class Wave2Inputs
{
    public static readonly string[] Sectors = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"];
}
