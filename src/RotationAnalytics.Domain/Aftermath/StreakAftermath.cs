using System.Buffers;
using System.Numerics;
using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Domain.Aftermath;

/// <summary>
/// What followed similar streaks (SPEC §3.8). The streaks are those of <see cref="StreakAnalysis"/> on the pair's
/// common dates up to asOf, in one pass: the defaults depend on the current streak, so the analysis is handed the
/// choice and returns the completed streaks it selects in day order, with their end indexes. Events = streaks of the direction with length ≥ minLength that ended before
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
        IReadOnlyList<int>? horizons = null) =>
        Analyze(pair, asOf, direction, minLength, horizons, 0, int.MaxValue);

    /// <summary>
    /// The same study with only one page of the events materialised: <see cref="AftermathReport.Events"/> holds the
    /// events at positions [eventOffset, eventOffset + eventCount) of the full oldest-first list and
    /// <see cref="AftermathReport.EventsTotal"/> their number; the summaries always cover every event. With a short
    /// current streak the defaults select thousands of one- or two-day streaks, and building them all is most of
    /// the cost.
    /// </summary>
    public static DomainResult<AftermathReport> Analyze(
        AlignedPair pair,
        DateOnly? asOf,
        StreakDirection? direction,
        int? minLength,
        IReadOnlyList<int>? horizons,
        int eventOffset,
        int eventCount)
    {
        if (eventOffset < 0)
        {
            return DomainError.InvalidArgument(DomainInput.HistoryOffset, "The event offset must not be negative.");
        }

        if (eventCount < 0)
        {
            return DomainError.InvalidArgument(DomainInput.HistoryCount, "The event count must not be negative.");
        }

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

        var analysis = StreakAnalysis.Analyze(
            pair,
            asOf,
            current =>
            {
                var used = direction ?? current?.Streak.Direction ?? StreakDirection.Outperform;
                return new CompletedStreakFilter(
                    used, minLength ?? (current is { } c && c.Streak.Direction == used ? c.Streak.Length : DefaultMinLength));
            },
            eventOffset,
            eventCount,
            out var completed);
        if (!analysis.IsSuccess)
        {
            return analysis.Error;
        }

        var report = analysis.Value;
        var end = report.CommonDates.Count - 1;
        var total = completed!.EndIndexes.Length;
        return new AftermathReport(
            report.AsOf,
            completed.Filter.Direction,
            completed.Filter.MinLength,
            chosenHorizons.Value,
            report.Current,
            Events(pair, completed, chosenHorizons.Value, end),
            Summarize(pair, completed.EndIndexes, chosenHorizons.Value, end),
            report.CommonDates)
        {
            EventsTotal = total,
        };
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

    /// <summary>The materialised page of the events.</summary>
    private static AftermathEvent[] Events(AlignedPair pair, CompletedStreaks completed, int[] horizons, int end)
    {
        var events = new AftermathEvent[completed.Streaks.Length];
        for (var k = 0; k < events.Length; k++)
        {
            var e = completed.EndIndexes[completed.FirstListed + k];
            var forward = new ForwardReturn?[horizons.Length];
            for (var i = 0; i < horizons.Length; i++)
            {
                // h ≤ end − e rather than e + h ≤ end: a huge horizon must not overflow.
                if (horizons[i] <= end - e)
                {
                    var t = e + horizons[i];
                    var symbol = Forward(pair.ClosesA, e, t);
                    var benchmark = Forward(pair.ClosesB, e, t);
                    forward[i] = new ForwardReturn(pair.Dates[t], symbol, benchmark, symbol - benchmark);
                }
            }

            events[k] = new AftermathEvent(completed.Streaks[k], e, forward);
        }

        return events;
    }

    /// <summary>C(t)/C(e) − 1, the one expression both the events and the summaries use (so they agree to the bit).</summary>
    private static double Forward(double[] closes, int e, int t) => (closes[t] / closes[e]) - 1;

    /// <summary>Every event's forward figures, straight from the closes (no per-event objects).</summary>
    private static AftermathSummary[] Summarize(AlignedPair pair, int[] endIndexes, int[] horizons, int end)
    {
        var summary = new AftermathSummary[horizons.Length];
        var excess = ArrayPool<double>.Shared.Rent(Math.Max(1, endIndexes.Length));
        try
        {
            for (var i = 0; i < horizons.Length; i++)
            {
                int count = 0, positive = 0;
                double sumExcess = 0, sumReturn = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
                foreach (var e in endIndexes)
                {
                    if (horizons[i] <= end - e)
                    {
                        var t = e + horizons[i];
                        var symbol = Forward(pair.ClosesA, e, t);
                        var value = symbol - Forward(pair.ClosesB, e, t);
                        excess[count++] = value;
                        sumExcess += value;
                        sumReturn += symbol;
                        positive += value > 0 ? 1 : 0;
                        min = Math.Min(min, value);
                        max = Math.Max(max, value);
                    }
                }

                summary[i] = count == 0
                    ? new AftermathSummary(horizons[i], 0, null, null, null, null, null, null)
                    : new AftermathSummary(
                        horizons[i], count, sumExcess / count, Median(excess.AsSpan(0, count)), (double)positive / count, min, max, sumReturn / count);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(excess);
        }

        return summary;
    }

    /// <summary>
    /// The middle value, or the mean of the two middle values of an even count, found by selection (expected O(n),
    /// reorders <paramref name="values"/>) rather than a full sort: with short minimum lengths there are thousands of
    /// events per horizon, and four sorts dominated the study.
    /// </summary>
    internal static double Median(Span<double> values)
    {
        var half = values.Length / 2;
        var upper = Select(values, half);
        if (values.Length % 2 == 1)
        {
            return upper;
        }

        // After selection every value left of `half` is ≤ the upper middle: the lower middle is their maximum.
        var lower = double.NegativeInfinity;
        foreach (var value in values[..half])
        {
            lower = Math.Max(lower, value);
        }

        return (lower + upper) / 2;
    }

    /// <summary>
    /// Hoare's quickselect with a median-of-three pivot: afterwards values[k] is the k-th smallest, everything left of
    /// it ≤ it and everything right ≥ it. Falls back to sorting the remaining range if partitioning degenerates.
    /// </summary>
    private static double Select(Span<double> values, int k)
    {
        int low = 0, high = values.Length - 1, budget = 2 * (BitOperations.Log2((uint)values.Length) + 1);
        while (high > low)
        {
            if (budget-- == 0)
            {
                values[low..(high + 1)].Sort();
                break;
            }

            var middle = low + ((high - low) / 2);
            if (values[middle] < values[low])
            {
                (values[middle], values[low]) = (values[low], values[middle]);
            }

            if (values[high] < values[low])
            {
                (values[high], values[low]) = (values[low], values[high]);
            }

            if (values[high] < values[middle])
            {
                (values[high], values[middle]) = (values[middle], values[high]);
            }

            var pivot = values[middle];
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // Now [low, j] ≤ pivot ≤ [i, high], and any index strictly between j and i holds the pivot value.
            if (k <= j)
            {
                high = j;
            }
            else if (k >= i)
            {
                low = i;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }
}
