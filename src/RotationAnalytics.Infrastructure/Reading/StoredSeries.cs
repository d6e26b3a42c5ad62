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
        var start = DateIndex.LastOnOrBefore(Bars, from.AddDays(-1)) + 1;
        for (var i = start; i < Bars.Length && Bars[i].Date <= to; i++)
        {
            if (seen.Add(SourceBatchIds[i]))
            {
                yield return SourceBatchIds[i];
            }
        }
    }
}
