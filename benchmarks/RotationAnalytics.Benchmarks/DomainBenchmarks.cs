using BenchmarkDotNet.Attributes;
using RotationAnalytics.Domain.Breadth;
using RotationAnalytics.Domain.Indicators;
using RotationAnalytics.Domain.Rotation;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;
using RotationAnalytics.Domain.Tests.Naive;
using RotationAnalytics.Domain.Tests.Support;

namespace RotationAnalytics.Benchmarks;

/// <summary>
/// Full streak analysis of RUT vs SPX on real data (9,811 common dates) from the already aligned pair (alignment is
/// measured separately), against the brute-force version.
/// </summary>
[MemoryDiagnoser]
public class StreakBenchmarks
{
    private PriceBar[] _rut = [];
    private PriceBar[] _spx = [];
    private AlignedPair _pair = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rut = MarketData.Load("RUT");
        _spx = MarketData.Load("SPX");
        _pair = AlignedPair.Align(_rut, _spx).Value;
    }

    [Benchmark(Baseline = true)]
    public int NaiveHistory() =>
        NaiveStreaks.All(_pair, _pair.Count - 1).OrderByDescending(s => s.Length).ThenByDescending(s => s.EndDate).Count();

    /// <summary>The full analysis from the aligned pair, whole history materialised (the original contract).</summary>
    [Benchmark]
    public int StreakHistory() => StreakAnalysis.Analyze(_pair).Value.History.Length;

    /// <summary>The same analysis with one 50-streak page of the history materialised (what the API serves).</summary>
    [Benchmark]
    public int StreakHistoryPage() => StreakAnalysis.Analyze(_pair, null, 1, 0, 50).Value.HistoryTotal;

    [Benchmark]
    public int AlignRutSpx() => AlignedPair.Align(_rut, _spx).Value.Count;
}

/// <summary>Wilder RSI(14) over the whole SPX history (24,777 bars), against the naive list/LINQ version.</summary>
[MemoryDiagnoser]
public class RsiBenchmarks
{
    private PriceBar[] _spx = [];

    [GlobalSetup]
    public void Setup() => _spx = MarketData.Load("SPX");

    [Benchmark(Baseline = true)]
    public int NaiveRsi14() => NaiveRsi.Calculate(_spx, 14).Length;

    /// <summary>Whole-history points from the bars array (validation included), the original contract.</summary>
    [Benchmark]
    public int WilderRsi14() => WilderRsi.Calculate(_spx).Value.Length;

    /// <summary>The same whole-history computation, returning only one year of readings (what the API serves).</summary>
    [Benchmark]
    public int WilderRsi14Readings() => WilderRsi.Readings(_spx, new DateOnly(2025, 8, 22), new DateOnly(2026, 8, 21)).Value.Length;
}

/// <summary>The 11 SPDR sector ETFs over the 20-year window 2006-05-01..2026-05-01, and their RRG paths vs SPY.</summary>
[MemoryDiagnoser]
public class GroupBenchmarks
{
    private static readonly (string Symbol, string Sector)[] Sectors =
    [
        ("XLB", "Materials"), ("XLC", "Communication Services"), ("XLE", "Energy"), ("XLF", "Financials"),
        ("XLI", "Industrials"), ("XLK", "Information Technology"), ("XLP", "Consumer Staples"), ("XLRE", "Real Estate"),
        ("XLU", "Utilities"), ("XLV", "Health Care"), ("XLY", "Consumer Discretionary"),
    ];

    private BreadthMember[] _group = [];
    private AlignedPair[] _pairs = [];

    [GlobalSetup]
    public void Setup()
    {
        _group = Sectors.Select(s => new BreadthMember(s.Symbol, s.Sector, MarketData.Load(s.Symbol))).ToArray();
        var spy = MarketData.Load("SPY");
        _pairs = Sectors.Select(s => AlignedPair.Align(MarketData.Load(s.Symbol), spy).Value).ToArray();
    }

    [Benchmark]
    public int Breadth20Years() =>
        SectorBreadth.ForWindow(_group, new DateOnly(2006, 5, 1), new DateOnly(2026, 5, 1)).Value.AdvanceDeclineLine.Length;

    [Benchmark]
    public int Rotation11Members()
    {
        var points = 0;
        foreach (var pair in _pairs)
        {
            points += RelativeRotation.Calculate(pair).Value.Length;
        }

        return points;
    }

    [Benchmark]
    public int NaiveRotation11Members()
    {
        var points = 0;
        foreach (var pair in _pairs)
        {
            points += NaiveRotation.Calculate(pair, 63, 21).Ratio.Length;
        }

        return points;
    }
}
