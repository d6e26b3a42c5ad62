using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Records;

/// <summary>
/// Record closes (SPEC §3.5). A record close on day t is C(t) &gt; max of all earlier closes; the first bar is
/// not a record (nothing precedes it). <see cref="RecordDates"/> are the records dated in [from, to].
/// <see cref="AllTimeHigh"/> is the highest close up to the last bar ≤ to (the first bar included), dated when it
/// was first reached — a later equal close is not a new high. <see cref="TradingDaysSinceHigh"/> counts bars after
/// it up to <see cref="End"/>, <see cref="CalendarDaysSinceHigh"/> calendar days; <see cref="Drawdown"/> =
/// C(end)/ATH − 1 (0 at a high, negative below it).
/// </summary>
public sealed record RecordCloseReport(
    PricePoint[] RecordDates,
    PricePoint AllTimeHigh,
    PricePoint End,
    int TradingDaysSinceHigh,
    int CalendarDaysSinceHigh,
    double Drawdown)
{
    public int RecordCount => RecordDates.Length;

    public static DomainResult<RecordCloseReport> Compute(IReadOnlyList<PriceBar> bars, DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            return DomainError.InvalidArgument(DomainInput.From, $"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }

        if (PriceSeries.Validate(bars, DomainInput.Series, out var span) is { } error)
        {
            return error;
        }

        var last = DateIndex.LastOnOrBefore(span, to);
        if (last < 0)
        {
            return DomainError.InsufficientData(DomainInput.To, $"No close on or before {to:yyyy-MM-dd}.");
        }

        var records = new List<PricePoint>();
        var high = 0;
        for (var t = 1; t <= last; t++)
        {
            if (span[t].Close > span[high].Close)
            {
                high = t;
                if (span[t].Date >= from)
                {
                    records.Add(new PricePoint(span[t].Date, span[t].Close));
                }
            }
        }

        var end = span[last];
        var allTimeHigh = span[high];
        return new RecordCloseReport(
            records.ToArray(),
            new PricePoint(allTimeHigh.Date, allTimeHigh.Close),
            new PricePoint(end.Date, end.Close),
            last - high,
            end.Date.DayNumber - allTimeHigh.Date.DayNumber,
            (end.Close / allTimeHigh.Close) - 1);
    }
}
