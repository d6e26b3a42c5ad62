using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// An instrument's bars as a total-return index (<see cref="TotalReturnIndex"/>), with running counts of the days whose
/// growth had no dividend information and of those taken from a provider's adjusted close, so that any range is checked
/// in constant time.
/// </summary>
public sealed class TotalReturnImage
{
    private readonly TotalReturnSource[] _sources;
    private readonly int[] _unavailableThrough;
    private readonly int[] _adjustedThrough;
    private readonly int[] _dividendsThrough;

    public TotalReturnImage(TotalReturnIndex index)
    {
        Bars = index.Bars;
        _sources = index.Sources;
        _unavailableThrough = new int[Bars.Length];
        _adjustedThrough = new int[Bars.Length];
        _dividendsThrough = new int[Bars.Length];
        int unavailable = 0, adjusted = 0, dividends = 0;
        for (var i = 1; i < Bars.Length; i++)
        {
            unavailable += _sources[i] == TotalReturnSource.Unavailable ? 1 : 0;
            adjusted += _sources[i] == TotalReturnSource.AdjustedClose ? 1 : 0;
            dividends += _sources[i] == TotalReturnSource.Dividends ? 1 : 0;
            _unavailableThrough[i] = unavailable;
            _adjustedThrough[i] = adjusted;
            _dividendsThrough[i] = dividends;
        }
    }

    public PriceBar[] Bars { get; }

    /// <summary>The index bars dated on or before <paramref name="date"/> (all when null), without copying.</summary>
    public ArraySegment<PriceBar> Through(DateOnly? date) =>
        date is { } d ? new ArraySegment<PriceBar>(Bars, 0, DateIndex.LastOnOrBefore(Bars, d) + 1) : Bars;

    /// <summary>What the growth of the trading days in (<paramref name="after"/>, <paramref name="through"/>] rests on.</summary>
    public TotalReturnCoverage Coverage(DateOnly after, DateOnly through)
    {
        var first = DateIndex.LastOnOrBefore(Bars, after);
        var last = DateIndex.LastOnOrBefore(Bars, through);
        if (last <= first || last < 0)
        {
            return new TotalReturnCoverage(0, 0, null);
        }

        int Between(int[] running) => running[last] - (first >= 0 ? running[first] : 0);
        var unavailable = Between(_unavailableThrough);
        DateOnly? firstUnavailable = null;
        if (unavailable > 0)
        {
            var start = Math.Max(first + 1, 1);
            firstUnavailable = Bars[Array.FindIndex(_sources, start, last - start + 1, s => s == TotalReturnSource.Unavailable)].Date;
        }

        return new TotalReturnCoverage(Between(_dividendsThrough), Between(_adjustedThrough), firstUnavailable, unavailable);
    }
}

/// <summary>
/// How many days of a range took their total-return growth from stored dividends and from adjusted closes, and the
/// first of the <see cref="UnavailableDays"/> days without dividend information.
/// </summary>
public sealed record TotalReturnCoverage(int DividendDays, int AdjustedCloseDays, DateOnly? FirstUnavailable, int UnavailableDays = 0);
