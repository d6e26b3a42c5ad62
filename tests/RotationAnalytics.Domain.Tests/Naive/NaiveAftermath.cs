using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Domain.Tests.Naive;

/// <summary>
/// Deliberately naive event study: streaks from the brute-force <see cref="NaiveStreaks"/>, forward returns looked
/// up by scanning the dates, summaries with LINQ (OrderBy for the median).
/// </summary>
public static class NaiveAftermath
{
    public sealed record Event(OutperformanceStreak Streak, (DateOnly Date, double Return, double Excess)?[] Forward);

    public static List<Event> Events(AlignedPair pair, int end, StreakDirection direction, int minLength, int[] horizons)
    {
        var dates = pair.Dates.Take(end + 1).ToList();
        return NaiveStreaks.All(pair, end)
            .Where(s => s.Direction == direction && s.Length >= minLength && s.EndDate < dates[^1])
            .Select(s =>
            {
                var e = dates.IndexOf(s.EndDate);
                var forward = horizons.Select(h => e + h < dates.Count
                    ? ((DateOnly, double, double)?)(dates[e + h], (pair.ClosesA[e + h] / pair.ClosesA[e]) - 1,
                        ((pair.ClosesA[e + h] / pair.ClosesA[e]) - 1) - ((pair.ClosesB[e + h] / pair.ClosesB[e]) - 1))
                    : null).ToArray();
                return new Event(s, forward);
            })
            .ToList();
    }

    public static (int Count, double Mean, double Median, double Share, double Min, double Max, double MeanReturn) Summary(List<Event> events, int i)
    {
        var complete = events.Where(e => e.Forward[i] is not null).Select(e => e.Forward[i]!.Value).ToList();
        if (complete.Count == 0)
        {
            return (0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = complete.Select(f => f.Excess).OrderBy(x => x).ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return (complete.Count, complete.Average(f => f.Excess), median, complete.Count(f => f.Excess > 0) / (double)complete.Count,
            sorted[0], sorted[^1], complete.Average(f => f.Return));
    }
}
