using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// One instrument's stored bars in memory. The prices every computation reads are one contiguous array of 40-byte
/// <see cref="PriceBar"/> structs (no object per bar), which the domain's span-based functions read in place and an
/// as-of cut slices without copying. What only the bars endpoint shows is kept in side columns: adjusted close and
/// volume (NaN for none; the column is absent when no bar has a value), flags sparsely, and the source batch of
/// every bar as runs of equal ids (a backfill is one batch, a daily pull one more run), with per run whether its batch
/// reports corporate actions and whether its prices are dividend-adjusted. Stored dividends are columns by ex-date; the
/// total-return image of the bars (SPEC §2) is built from them on first use.
/// </summary>
public sealed class InstrumentSeries
{
    public static readonly InstrumentSeries Empty = new([], null, null, [], [], [], []);

    private static readonly DividendColumns NoDividends = new([], [], []);

    private readonly double[]? _adjustedCloses;
    private readonly double[]? _volumes;
    private readonly int[] _flaggedIndexes;
    private readonly string[][] _flags;
    private readonly int[] _runStarts;
    private readonly long[] _runSources;
    private readonly bool[] _runReportsActions;
    private readonly bool[] _runAdjustedPrices;
    private readonly DividendColumns _dividends;
    private TotalReturnImage? _totalReturn;

    /// <param name="runStarts">First bar index of each run of equal source ids, ascending, starting at 0.</param>
    /// <param name="runReportsActions">Per run: its batch reports corporate actions (null: none does).</param>
    /// <param name="runAdjustedPrices">Per run: its batch's prices are dividend-adjusted (null: none is).</param>
    /// <param name="dividends">Stored dividends ascending by ex-date (null: none).</param>
    public InstrumentSeries(
        PriceBar[] bars,
        double[]? adjustedCloses,
        double[]? volumes,
        int[] flaggedIndexes,
        string[][] flags,
        int[] runStarts,
        long[] runSources,
        bool[]? runReportsActions = null,
        bool[]? runAdjustedPrices = null,
        DividendColumns? dividends = null)
    {
        _runReportsActions = runReportsActions ?? new bool[runStarts.Length];
        _runAdjustedPrices = runAdjustedPrices ?? new bool[runStarts.Length];
        _dividends = dividends ?? NoDividends;
        Bars = bars;
        _adjustedCloses = adjustedCloses;
        _volumes = volumes;
        _flaggedIndexes = flaggedIndexes;
        _flags = flags;
        _runStarts = runStarts;
        _runSources = runSources;
    }

    public PriceBar[] Bars { get; }

    public int Count => Bars.Length;

    public int FlaggedCount => _flaggedIndexes.Length;

    /// <summary>Bytes held by this series' arrays (object headers excluded): the snapshot's size report.</summary>
    public long Bytes =>
        (Bars.LongLength * 40) + ((_adjustedCloses?.LongLength ?? 0) * 8) + ((_volumes?.LongLength ?? 0) * 8) +
        (_flaggedIndexes.LongLength * 12) + (_runStarts.LongLength * 14) + (_dividends.ExDates.LongLength * 20) +
        ((_totalReturn?.Bars.LongLength ?? 0) * 53);

    /// <summary>Stored cash dividends ascending by ex-date.</summary>
    public DividendColumns Dividends => _dividends;

    /// <summary>
    /// The total-return image (SPEC §2), built once on first use: a request for price returns never pays for it.
    /// </summary>
    public TotalReturnImage TotalReturn => _totalReturn ?? Interlocked.CompareExchange(ref _totalReturn, BuildTotalReturn(), null) ?? _totalReturn!;

    /// <summary>The bars dated on or before <paramref name="date"/> (all when null), without copying.</summary>
    public ArraySegment<PriceBar> Through(DateOnly? date) =>
        date is { } d ? new ArraySegment<PriceBar>(Bars, 0, DateIndex.LastOnOrBefore(Bars, d) + 1) : Bars;

    public double? AdjustedClose(int index) => _adjustedCloses is { } a && !double.IsNaN(a[index]) ? a[index] : null;

    public double? Volume(int index) => _volumes is { } v && !double.IsNaN(v[index]) ? v[index] : null;

    public IReadOnlyList<string> Flags(int index)
    {
        var at = Array.BinarySearch(_flaggedIndexes, index);
        return at >= 0 ? _flags[at] : [];
    }

    public long SourceAt(int index) => _runSources[RunOf(index)];

    /// <summary>Adds the distinct source batches of the bars dated within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public void AddSources(ISet<long> into, DateOnly from, DateOnly to)
    {
        var first = DateIndex.LastOnOrBefore(Bars, from.AddDays(-1)) + 1;
        var last = DateIndex.LastOnOrBefore(Bars, to);
        if (first > last)
        {
            return;
        }

        for (var run = RunOf(first); run < _runStarts.Length && _runStarts[run] <= last; run++)
        {
            into.Add(_runSources[run]);
        }
    }

    private TotalReturnImage BuildTotalReturn()
    {
        var days = new TotalReturnDay[Bars.Length];
        var dividend = 0;
        for (var i = 0; i < Bars.Length; i++)
        {
            // A dividend whose ex-date is no trading day of the series is paid into the next one.
            var amount = 0.0;
            while (dividend < _dividends.ExDates.Length && _dividends.ExDates[dividend] <= Bars[i].Date)
            {
                amount += _dividends.Amounts[dividend++];
            }

            var run = RunOf(i);
            var adjusted = _runAdjustedPrices[run] ? Bars[i].Close : AdjustedClose(i) ?? double.NaN;
            days[i] = new TotalReturnDay(_runReportsActions[run], amount, adjusted);
        }

        return new TotalReturnImage(TotalReturnIndex.Build(Bars, days));
    }

    private int RunOf(int index)
    {
        var at = Array.BinarySearch(_runStarts, index);
        return at >= 0 ? at : ~at - 1;
    }
}
