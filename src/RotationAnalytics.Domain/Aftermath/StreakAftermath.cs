using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Domain.Aftermath;

/// <summary>
/// What followed similar streaks (SPEC §3.8). The streaks are those of <see cref="StreakAnalysis"/> on the pair's
/// common dates up to asOf (one pass: the default minimum length depends on the current streak, which the analysis
/// finds before it builds the history). Events = streaks of the direction with length ≥ minLength that ended before
/// asOf; for event end e and horizon h, the forward returns run from the close of e to the close of the h-th
/// common date after e, and only when that date is ≤ asOf.
/// </summary>
public static class StreakAftermath
{
    /// <summary>Minimum length when none is given and the current streak has another direction (or there is none).</summary>
    public const int DefaultMinLength = 10;

    /// <summary>Forward horizons in common trading days when none are given: a week, a month, a quarter, half a year.</summary>
    public static IReadOnlyList<int> DefaultHorizons { get; } = [5, 21, 63, 126];

    /// <summary>
    /// <paramref name="direction"/> defaults to the current streak's (outperform when there is none);
    /// <paramref name="minLength"/> to the current streak's length when it has that direction, else
    /// <see cref="DefaultMinLength"/>; <paramref name="horizons"/> to <see cref="DefaultHorizons"/>.
    /// </summary>
    public static DomainResult<AftermathReport> Analyze(
        AlignedPair pair,
        DateOnly? asOf = null,
        StreakDirection? direction = null,
        int? minLength = null,
        IReadOnlyList<int>? horizons = null)
    {
        if (direction is { } given && !Enum.IsDefined(given))
        {
            return DomainError.InvalidArgument(DomainInput.Direction, "direction must be outperform or underperform.");
        }

        if (minLength < 1)
        {
            return DomainError.InvalidArgument(DomainInput.MinLength, "minLength must be at least 1.");
        }

        var chosenHorizons = ValidateHorizons(horizons ?? DefaultHorizons);
        if (!chosenHorizons.IsSuccess)
        {
            return chosenHorizons.Error;
        }

        var usedDirection = StreakDirection.Outperform;
        var usedMinLength = DefaultMinLength;
        var analysis = StreakAnalysis.Analyze(pair, asOf, 1, current =>
        {
            usedDirection = direction ?? current?.Streak.Direction ?? StreakDirection.Outperform;
            usedMinLength = minLength ?? (current is { } c && c.Streak.Direction == usedDirection ? c.Streak.Length : DefaultMinLength);
            return usedMinLength;
        }, 0, int.MaxValue);
        if (!analysis.IsSuccess)
        {
            return analysis.Error;
        }

        var report = analysis.Value;
        var end = report.CommonDates.Count - 1;
        var events = Events(pair, report, usedDirection, chosenHorizons.Value, end);
        return new AftermathReport(
            report.AsOf, usedDirection, usedMinLength, chosenHorizons.Value, report.Current, events, Summarize(events, chosenHorizons.Value), report.CommonDates);
    }

    private static DomainResult<int[]> ValidateHorizons(IReadOnlyList<int> horizons)
    {
        if (horizons.Count == 0)
        {
            return DomainError.InvalidArgument(DomainInput.Horizons, "horizons must list at least one horizon.");
        }

        var copy = horizons.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] < 1)
            {
                return DomainError.InvalidArgument(DomainInput.Horizons, $"Each horizon must be at least 1 trading day; {copy[i]} is not.");
            }

            if (Array.IndexOf(copy, copy[i]) < i)
            {
                return DomainError.InvalidArgument(DomainInput.Horizons, $"horizons lists {copy[i]} more than once.");
            }
        }

        return copy;
    }

    /// <summary>The completed streaks of the direction (the history holds only those ≥ minLength), oldest first.</summary>
    private static AftermathEvent[] Events(AlignedPair pair, StreakReport report, StreakDirection direction, int[] horizons, int end)
    {
        var selected = Array.FindAll(report.History, s => s.Direction == direction && s.EndDate < report.AsOf);
        var keys = Array.ConvertAll(selected, s => s.EndDate.DayNumber);
        Array.Sort(keys, selected);

        var events = new AftermathEvent[selected.Length];
        for (var k = 0; k < selected.Length; k++)
        {
            var e = DateIndex.LastOnOrBefore(pair.Dates, selected[k].EndDate);
            var forward = new ForwardReturn?[horizons.Length];
            for (var i = 0; i < horizons.Length; i++)
            {
                // h ≤ end − e rather than e + h ≤ end: a huge horizon must not overflow.
                if (horizons[i] <= end - e)
                {
                    var t = e + horizons[i];
                    var symbol = (pair.ClosesA[t] / pair.ClosesA[e]) - 1;
                    var benchmark = (pair.ClosesB[t] / pair.ClosesB[e]) - 1;
                    forward[i] = new ForwardReturn(pair.Dates[t], symbol, benchmark, symbol - benchmark);
                }
            }

            events[k] = new AftermathEvent(selected[k], e, forward);
        }

        return events;
    }

    private static AftermathSummary[] Summarize(AftermathEvent[] events, int[] horizons)
    {
        var summary = new AftermathSummary[horizons.Length];
        var excess = new double[events.Length];
        for (var i = 0; i < horizons.Length; i++)
        {
            int count = 0, positive = 0;
            double sumExcess = 0, sumReturn = 0;
            foreach (var item in events)
            {
                if (item.Forward[i] is { } forward)
                {
                    excess[count++] = forward.ExcessReturn;
                    sumExcess += forward.ExcessReturn;
                    sumReturn += forward.Return;
                    positive += forward.ExcessReturn > 0 ? 1 : 0;
                }
            }

            if (count == 0)
            {
                summary[i] = new AftermathSummary(horizons[i], 0, null, null, null, null, null, null);
                continue;
            }

            var sorted = excess.AsSpan(0, count);
            sorted.Sort();
            var median = count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) / 2;
            summary[i] = new AftermathSummary(
                horizons[i], count, sumExcess / count, median, (double)positive / count, sorted[0], sorted[count - 1], sumReturn / count);
        }

        return summary;
    }
}
