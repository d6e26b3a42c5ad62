using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Tests.Support;

/// <summary>Builds small hand-worked series: consecutive weekdays from a start date, open = previous close.</summary>
public static class Bars
{
    public static readonly DateOnly Start = new(2024, 1, 1); // a Monday

    public static PriceBar[] FromCloses(params double[] closes) => FromCloses(Start, closes);

    public static PriceBar[] FromCloses(DateOnly start, params double[] closes)
    {
        var bars = new PriceBar[closes.Length];
        var date = start;
        for (var i = 0; i < closes.Length; i++)
        {
            bars[i] = Bar(date, closes[i]);
            date = NextWeekday(date);
        }

        return bars;
    }

    public static PriceBar Bar(DateOnly date, double close, double? open = null) =>
        new(date, open ?? close, close, close, close);

    public static DateOnly Day(int index)
    {
        var date = Start;
        for (var i = 0; i < index; i++)
        {
            date = NextWeekday(date);
        }

        return date;
    }

    private static DateOnly NextWeekday(DateOnly date)
    {
        var next = date.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }
}
