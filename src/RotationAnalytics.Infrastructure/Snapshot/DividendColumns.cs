namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>An instrument's stored cash dividends as columns, ascending by ex-date, each with its source batch.</summary>
public sealed record DividendColumns(DateOnly[] ExDates, double[] Amounts, long[] Sources)
{
    /// <summary>Adds the source batches of the dividends going ex in (<paramref name="after"/>, <paramref name="through"/>].</summary>
    public void AddSources(ISet<long> into, DateOnly after, DateOnly through)
    {
        for (var i = FirstAfter(after); i < ExDates.Length && ExDates[i] <= through; i++)
        {
            into.Add(Sources[i]);
        }
    }

    private int FirstAfter(DateOnly date)
    {
        var at = Array.BinarySearch(ExDates, date);
        return at >= 0 ? at + 1 : ~at;
    }
}
