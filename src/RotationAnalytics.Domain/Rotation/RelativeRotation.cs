using System.Buffers;
using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Rotation;

/// <summary>
/// RRG-style rotation of A against benchmark B on their common dates (SPEC §3.6; JdK's formulas are proprietary,
/// these are ours): RS(t) = 100·CA(t)/CB(t); RS-Ratio(t) = 100 + z-score of RS(t) over the trailing
/// <c>ratioWindow</c> intervals ending at t; ROC(t) = 100·(RS-Ratio(t)/RS-Ratio(t−L) − 1), the percent change over
/// L = <c>momentumLag</c> intervals; RS-Momentum(t) = 100 + z-score of ROC(t) over the trailing
/// <c>momentumWindow</c> intervals ending at t. An interval is a common date or an ISO week (<see cref="RotationInterval"/>).
/// z-scores use the population standard deviation of the window, t included. Each point uses only dates ≤ t,
/// so appending data never changes an earlier point (no look-ahead).
/// </summary>
public static class RelativeRotation
{
    public const int DefaultRatioWindow = 63;
    public const int DefaultMomentumWindow = 21;

    /// <summary>
    /// The original daily form (interval day, momentum lag 1), kept for callers that pass only the windows. The
    /// documented defaults of the rotation endpoint are <see cref="RotationParameters.Default"/>. One point per common
    /// date; the first complete point is at index ratioWindow + momentumWindow − 1.
    /// </summary>
    public static DomainResult<RotationPoint[]> Calculate(
        AlignedPair pair, int ratioWindow = DefaultRatioWindow, int momentumWindow = DefaultMomentumWindow) =>
        Calculate(pair, new RotationParameters(RotationInterval.Day, ratioWindow, momentumWindow, 1));

    /// <summary>
    /// One point per interval of the pair's common dates ≤ <paramref name="asOf"/> (default: all): every common date
    /// for <see cref="RotationInterval.Day"/>, the last common date of each ISO week for
    /// <see cref="RotationInterval.Week"/> (the week holding asOf ends at asOf's last common date, as known then).
    /// Windows and the momentum lag count intervals; the first complete point is at index
    /// <see cref="RotationParameters.FirstCompleteIndex"/>.
    /// </summary>
    public static DomainResult<RotationPoint[]> Calculate(AlignedPair pair, RotationParameters parameters, DateOnly? asOf = null)
    {
        if (!Enum.IsDefined(parameters.Interval))
        {
            return DomainError.InvalidArgument(DomainInput.Interval, "interval must be day or week.");
        }

        if (parameters.RatioWindow < 2)
        {
            return DomainError.InvalidArgument(DomainInput.RatioWindow, "ratioWindow must be at least 2.");
        }

        if (parameters.MomentumWindow < 2)
        {
            return DomainError.InvalidArgument(DomainInput.MomentumWindow, "momentumWindow must be at least 2.");
        }

        if (parameters.MomentumLag < 1)
        {
            return DomainError.InvalidArgument(DomainInput.MomentumLag, "momentumLag must be at least 1.");
        }

        var last = asOf is { } date ? DateIndex.LastOnOrBefore(pair.Dates, date) : pair.Count - 1;
        var (dates, closesA, closesB, count) = parameters.Interval == RotationInterval.Week
            ? LastOfEachWeek(pair, last)
            : (pair.Dates, pair.ClosesA, pair.ClosesB, last + 1);
        var firstComplete = parameters.FirstCompleteIndex;
        if (count <= firstComplete)
        {
            var unit = parameters.Interval == RotationInterval.Week ? "weeks of common trading dates" : "common trading dates";
            var lag = parameters.MomentumLag == 1 ? string.Empty : $" and momentum lag {parameters.MomentumLag}";
            return DomainError.InsufficientData(
                asOf is null ? DomainInput.Pair : DomainInput.AsOf,
                $"Rotation with windows {parameters.RatioWindow}/{parameters.MomentumWindow}{lag} needs at least {firstComplete + 1} {unit}; there are {count}.");
        }

        return Points(dates.AsSpan(0, count), closesA.AsSpan(0, count), closesB.AsSpan(0, count), parameters.RatioWindow, parameters.MomentumWindow, parameters.MomentumLag);
    }

    /// <summary>The last common date (and closes) of each ISO week among indexes 0..last: weeks are told apart by their Monday.</summary>
    private static (DateOnly[] Dates, double[] ClosesA, double[] ClosesB, int Count) LastOfEachWeek(AlignedPair pair, int last)
    {
        var capacity = (last / 4) + 2;
        var dates = new DateOnly[capacity];
        var closesA = new double[capacity];
        var closesB = new double[capacity];
        var count = 0;
        for (var t = 0; t <= last; t++)
        {
            if (t == last || MondayOf(pair.Dates[t + 1]) != MondayOf(pair.Dates[t]))
            {
                if (count == dates.Length)
                {
                    // Only weeks with a single common date can outnumber a quarter of the days.
                    Array.Resize(ref dates, count * 2);
                    Array.Resize(ref closesA, count * 2);
                    Array.Resize(ref closesB, count * 2);
                }

                dates[count] = pair.Dates[t];
                closesA[count] = pair.ClosesA[t];
                closesB[count] = pair.ClosesB[t];
                count++;
            }
        }

        return (dates, closesA, closesB, count);
    }

    private static int MondayOf(DateOnly date) => date.DayNumber - (((int)date.DayOfWeek + 6) % 7);

    private static RotationPoint[] Points(
        ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> closesA, ReadOnlySpan<double> closesB, int ratioWindow, int momentumWindow, int lag)
    {
        var count = dates.Length;
        var firstRateOfChange = ratioWindow - 1 + lag;
        var firstComplete = firstRateOfChange + momentumWindow - 1;
        var scratch = ArrayPool<double>.Shared.Rent(3 * count);
        try
        {
            var relativeStrength = scratch.AsSpan(0, count);
            var ratio = scratch.AsSpan(count, count);
            var momentum = scratch.AsSpan(2 * count, count);
            for (var t = 0; t < count; t++)
            {
                relativeStrength[t] = 100 * closesA[t] / closesB[t];
            }

            TrailingZScore.Compute(relativeStrength, ratioWindow, ratio);
            for (var t = ratioWindow - 1; t < count; t++)
            {
                ratio[t] += 100;
            }

            // ROC over `lag` intervals is defined from index ratioWindow − 1 + lag on; it reuses the RS buffer, no
            // longer needed.
            var rateOfChange = relativeStrength[firstRateOfChange..];
            for (var t = firstRateOfChange; t < count; t++)
            {
                rateOfChange[t - firstRateOfChange] = 100 * ((ratio[t] / ratio[t - lag]) - 1);
            }

            TrailingZScore.Compute(rateOfChange, momentumWindow, momentum[firstRateOfChange..]);
            var points = new RotationPoint[count];
            for (var t = 0; t < count; t++)
            {
                double? pointRatio = t >= ratioWindow - 1 ? ratio[t] : null;
                double? pointMomentum = t >= firstComplete ? 100 + momentum[t] : null;
                points[t] = new RotationPoint(dates[t], pointRatio, pointMomentum, RotationPoint.QuadrantOf(pointRatio, pointMomentum));
            }

            return points;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>The latest complete point on or before <paramref name="asOf"/> (default: the last) and the <paramref name="length"/> complete points ending there.</summary>
    public static DomainResult<RotationTail> Tail(RotationPoint[] points, DateOnly? asOf = null, int length = 10)
    {
        if (length < 1)
        {
            return DomainError.InvalidArgument(DomainInput.Tail, "tail must be at least 1.");
        }

        var last = points.Length - 1;
        if (asOf is { } date)
        {
            while (last >= 0 && points[last].Date > date)
            {
                last--;
            }
        }

        if (last < 0 || points[last].RsMomentum is null)
        {
            return DomainError.InsufficientData(DomainInput.AsOf, "Not enough history before asOf for a complete rotation point.");
        }

        var first = last;
        while (first > 0 && last - first + 1 < length && points[first - 1].RsMomentum is not null)
        {
            first--;
        }

        return new RotationTail(points[last], points[first..(last + 1)]);
    }
}
