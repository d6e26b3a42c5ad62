using System.Buffers;
using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Streaks;

/// <summary>
/// Outperformance/underperformance streaks of A (first series of the pair) against B (SPEC §3.2). Day t is a win
/// when rA(t) &gt; rB(t), a loss when rA(t) &lt; rB(t); an exact tie ends any streak and starts none. One pass
/// over the returns finds every streak; the history is ordered by a counting sort on length, so the whole
/// analysis is O(n) and allocates only the reported streaks.
/// </summary>
public static class StreakAnalysis
{
    public static DomainResult<StreakReport> Analyze(AlignedPair pair, DateOnly? asOf = null, int minLength = 1)
    {
        if (minLength < 1)
        {
            return DomainError.InvalidArgument(nameof(minLength), "minLength must be at least 1.");
        }

        if (pair.Count < 2)
        {
            return DomainError.InsufficientData(nameof(pair), "Streaks need at least two common trading dates.");
        }

        var end = asOf is { } date ? DateIndex.LastOnOrBefore(pair.Dates, date) : pair.Count - 1;
        if (end < 1)
        {
            return DomainError.InsufficientData(
                nameof(asOf), $"Streaks need at least two common trading dates up to asOf; the first two are {pair.Dates[0]:yyyy-MM-dd} and {pair.Dates[1]:yyyy-MM-dd}.");
        }

        // At most one streak per day; the scratch buffer is pooled so only the reported streaks are allocated.
        var buffer = ArrayPool<OutperformanceStreak>.Shared.Rent(end);
        try
        {
            var count = FindStreaks(pair, end, buffer, out var currentIsOpen);
            var streaks = buffer.AsSpan(0, count);
            return new StreakReport(
                pair.Dates[end],
                currentIsOpen ? Place(streaks) : null,
                Longest(streaks, StreakDirection.Outperform),
                Longest(streaks, StreakDirection.Underperform),
                History(streaks, minLength),
                pair.DescribeThrough(end));
        }
        finally
        {
            ArrayPool<OutperformanceStreak>.Shared.Return(buffer);
        }
    }

    private static int FindStreaks(AlignedPair pair, int end, OutperformanceStreak[] streaks, out bool lastIsOpen)
    {
        var dates = pair.Dates;
        var closesA = pair.ClosesA;
        var closesB = pair.ClosesB;
        var count = 0;
        var runSign = 0;
        var runStart = 0;
        var excessSum = 0.0;
        for (var t = 1; t <= end; t++)
        {
            var returnA = DailyReturn.Between(closesA[t - 1], closesA[t]);
            var returnB = DailyReturn.Between(closesB[t - 1], closesB[t]);
            var sign = returnA > returnB ? 1 : returnA < returnB ? -1 : 0;
            if (sign != runSign)
            {
                if (runSign != 0)
                {
                    streaks[count++] = Streak(dates, closesA, closesB, runSign, runStart, t - 1, excessSum);
                }

                runSign = sign;
                runStart = t;
                excessSum = 0;
            }

            excessSum += returnA - returnB;
        }

        lastIsOpen = runSign != 0;
        if (lastIsOpen)
        {
            streaks[count++] = Streak(dates, closesA, closesB, runSign, runStart, end, excessSum);
        }

        return count;
    }

    private static OutperformanceStreak Streak(DateOnly[] dates, double[] closesA, double[] closesB, int sign, int start, int end, double excessSum)
    {
        var length = end - start + 1;
        var compoundedA = (closesA[end] / closesA[start - 1]) - 1;
        var compoundedB = (closesB[end] / closesB[start - 1]) - 1;
        return new OutperformanceStreak(
            sign > 0 ? StreakDirection.Outperform : StreakDirection.Underperform,
            length,
            dates[start],
            dates[end],
            compoundedA - compoundedB,
            excessSum / length);
    }

    /// <summary>Ranks the last streak (the one running on asOf) among the earlier streaks of its direction.</summary>
    private static CurrentStreak Place(ReadOnlySpan<OutperformanceStreak> streaks)
    {
        var current = streaks[^1];
        var longerCount = 0;
        var longestEarlier = 0;
        OutperformanceStreak? previousAtLeastAsLong = null;
        for (var k = streaks.Length - 2; k >= 0; k--)
        {
            var earlier = streaks[k];
            if (earlier.Direction != current.Direction)
            {
                continue;
            }

            if (earlier.Length > current.Length)
            {
                longerCount++;
            }

            if (earlier.Length >= current.Length && previousAtLeastAsLong is null)
            {
                previousAtLeastAsLong = earlier;
            }

            longestEarlier = Math.Max(longestEarlier, earlier.Length);
        }

        return new CurrentStreak(
            current,
            1 + longerCount,
            current.Length > longestEarlier,
            longestEarlier > 0 && current.Length == longestEarlier,
            previousAtLeastAsLong);
    }

    private static OutperformanceStreak? Longest(ReadOnlySpan<OutperformanceStreak> streaks, StreakDirection direction)
    {
        OutperformanceStreak? longest = null;
        for (var k = streaks.Length - 1; k >= 0; k--)
        {
            if (streaks[k].Direction == direction && streaks[k].Length > (longest?.Length ?? 0))
            {
                longest = streaks[k];
            }
        }

        return longest;
    }

    /// <summary>Streaks ≥ minLength, longest first, equal lengths most recent first (counting sort, stable).</summary>
    private static OutperformanceStreak[] History(ReadOnlySpan<OutperformanceStreak> streaks, int minLength)
    {
        var maxLength = 0;
        var selected = 0;
        foreach (var streak in streaks)
        {
            maxLength = Math.Max(maxLength, streak.Length);
            selected += streak.Length >= minLength ? 1 : 0;
        }

        var history = new OutperformanceStreak[selected];
        if (selected == 0)
        {
            return history;
        }

        // slot[L] = first free position of length L; lengths are bounded by the number of days.
        var slot = ArrayPool<int>.Shared.Rent(maxLength + 1);
        try
        {
            Array.Clear(slot, 0, maxLength + 1);
            foreach (var streak in streaks)
            {
                if (streak.Length >= minLength)
                {
                    slot[streak.Length]++;
                }
            }

            var position = 0;
            for (var length = maxLength; length >= minLength; length--)
            {
                var lengthCount = slot[length];
                slot[length] = position;
                position += lengthCount;
            }

            for (var k = streaks.Length - 1; k >= 0; k--)
            {
                if (streaks[k].Length >= minLength)
                {
                    history[slot[streaks[k].Length]++] = streaks[k];
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slot);
        }

        return history;
    }
}
