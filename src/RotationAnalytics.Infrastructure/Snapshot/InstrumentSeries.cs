using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// One instrument's stored bars in memory. The prices every computation reads are one contiguous array of 40-byte
/// <see cref="PriceBar"/> structs (no object per bar), which the domain's span-based functions read in place and an
/// as-of cut slices without copying. What only the bars endpoint shows is kept in side columns: adjusted close and
/// volume (NaN for none; the column is absent when no bar has a value), flags sparsely, and the source batch of
/// every bar as runs of equal ids (a backfill is one batch, a daily pull one more run).
/// </summary>
public sealed class InstrumentSeries
{
    public static readonly InstrumentSeries Empty = new([], null, null, [], [], [], []);

    private readonly double[]? _adjustedCloses;
    private readonly double[]? _volumes;
    private readonly int[] _flaggedIndexes;
    private readonly string[][] _flags;
    private readonly int[] _runStarts;
    private readonly long[] _runSources;

    /// <param name="runStarts">First bar index of each run of equal source ids, ascending, starting at 0.</param>
    public InstrumentSeries(
        PriceBar[] bars, double[]? adjustedCloses, double[]? volumes, int[] flaggedIndexes, string[][] flags, int[] runStarts, long[] runSources)
    {
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
        (_flaggedIndexes.LongLength * 12) + (_runStarts.LongLength * 12);

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

    private int RunOf(int index)
    {
        var at = Array.BinarySearch(_runStarts, index);
        return at >= 0 ? at : ~at - 1;
    }
}
