namespace RotationAnalytics.Domain.Series;

/// <summary>Binary searches over ascending dates (O(log n)), used to apply <c>asOf</c>, <c>from</c> and <c>to</c>.</summary>
public static class DateIndex
{
    /// <summary>Index of the last date ≤ <paramref name="date"/>, or −1 when every date is later.</summary>
    public static int LastOnOrBefore(ReadOnlySpan<DateOnly> dates, DateOnly date)
    {
        var index = dates.BinarySearch(date);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Index of the last bar dated ≤ <paramref name="date"/>, or −1 when every bar is later.</summary>
    public static int LastOnOrBefore(ReadOnlySpan<PriceBar> bars, DateOnly date)
    {
        int low = 0, high = bars.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (bars[middle].Date <= date)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return high;
    }
}
