using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Domain.Tests.Naive;

/// <summary>
/// Deliberately naive second implementation of streak finding, written differently from the domain one: for
/// every day it walks back to the start of the run that day belongs to (O(n²) in the worst case) and compounds
/// daily returns instead of using closes. Shared with the benchmark project to measure the speed-up.
/// </summary>
public static class NaiveStreaks
{
    /// <summary>All streaks ending on or before index <paramref name="end"/>, in chronological order.</summary>
    public static List<OutperformanceStreak> All(AlignedPair pair, int end)
    {
        var streaks = new List<OutperformanceStreak>();
        for (var last = 1; last <= end; last++)
        {
            var sign = Sign(pair, last);
            if (sign == 0 || (last < end && Sign(pair, last + 1) == sign))
            {
                continue; // not the last day of a run
            }

            var first = last;
            while (first > 1 && Sign(pair, first - 1) == sign)
            {
                first--;
            }

            double growthA = 1, growthB = 1, excess = 0;
            for (var t = first; t <= last; t++)
            {
                var returnA = (pair.ClosesA[t] / pair.ClosesA[t - 1]) - 1;
                var returnB = (pair.ClosesB[t] / pair.ClosesB[t - 1]) - 1;
                growthA *= 1 + returnA;
                growthB *= 1 + returnB;
                excess += returnA - returnB;
            }

            var length = last - first + 1;
            streaks.Add(new OutperformanceStreak(
                sign > 0 ? StreakDirection.Outperform : StreakDirection.Underperform,
                length,
                pair.Dates[first],
                pair.Dates[last],
                (growthA - 1) - (growthB - 1),
                excess / length));
        }

        return streaks;
    }

    private static int Sign(AlignedPair pair, int t) =>
        ((pair.ClosesA[t] / pair.ClosesA[t - 1]) - 1).CompareTo((pair.ClosesB[t] / pair.ClosesB[t - 1]) - 1);
}
