using System.Globalization;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Tests.Naive;

/// <summary>
/// Deliberately naive multi-horizon returns: the base rules written from the SPEC text with DateTime/ISOWeek
/// arithmetic and a linear LINQ scan per horizon (O(n) each), NaN when there is no base.
/// </summary>
public static class NaiveHorizons
{
    public static readonly string[] Codes = ["1D", "1W", "WTD", "MTD", "1M", "QTD", "3M", "6M", "YTD", "1Y", "3Y", "5Y", "10Y", "MAX"];

    public static (DateOnly? BaseDate, double Return) Measure(PriceBar[] bars, DateOnly asOf, string code)
    {
        var upTo = bars.Where(b => b.Date <= asOf).ToList();
        var end = upTo[^1];
        var e = end.Date.ToDateTime(TimeOnly.MinValue);
        PriceBar? baseBar = code switch
        {
            "1D" => upTo.Count > 1 ? upTo[^2] : null,
            "MAX" => upTo[0],
            "WTD" => LastBefore(upTo, ISOWeek.ToDateTime(ISOWeek.GetYear(e), ISOWeek.GetWeekOfYear(e), DayOfWeek.Monday)),
            "MTD" => LastBefore(upTo, new DateTime(e.Year, e.Month, 1)),
            "QTD" => LastBefore(upTo, new DateTime(e.Year, e.Month - ((e.Month - 1) % 3), 1)),
            "YTD" => LastBefore(upTo, new DateTime(e.Year, 1, 1)),
            "1W" => LastOnOrBefore(upTo, e.AddDays(-7)),
            _ when code.EndsWith('M') => LastOnOrBefore(upTo, e.AddMonths(-int.Parse(code[..^1], CultureInfo.InvariantCulture))),
            _ => LastOnOrBefore(upTo, e.AddYears(-int.Parse(code[..^1], CultureInfo.InvariantCulture))),
        };
        return baseBar is { } b ? (b.Date, (end.Close / b.Close) - 1) : (null, double.NaN);
    }

    private static PriceBar? LastBefore(List<PriceBar> bars, DateTime day) => LastOnOrBefore(bars, day.AddDays(-1));

    private static PriceBar? LastOnOrBefore(List<PriceBar> bars, DateTime day)
    {
        var matches = bars.Where(b => b.Date.ToDateTime(TimeOnly.MinValue) <= day).ToList();
        return matches.Count == 0 ? null : matches[^1];
    }
}
