using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Infrastructure.Reading;

/// <summary>
/// The stored closes of one instrument as the domain consumes them, with the source batch of each bar alongside
/// (same index), so a result can cite exactly the batches whose bars entered it.
/// </summary>
public sealed record StoredSeries(int InstrumentId, PriceBar[] Bars, long[] SourceBatchIds)
{
    /// <summary>Distinct source batches of the bars dated within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IEnumerable<long> SourcesBetween(DateOnly from, DateOnly to)
    {
        var seen = new HashSet<long>();
        var start = LowerBound(from);
        for (var i = start; i < Bars.Length && Bars[i].Date <= to; i++)
        {
            if (seen.Add(SourceBatchIds[i]))
            {
                yield return SourceBatchIds[i];
            }
        }
    }

    private int LowerBound(DateOnly date)
    {
        int lo = 0, hi = Bars.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Bars[mid].Date < date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
