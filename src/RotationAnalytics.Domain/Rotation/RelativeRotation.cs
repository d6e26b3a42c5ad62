using System.Buffers;
using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Rotation;

/// <summary>
/// RRG-style rotation of A against benchmark B on their common dates (SPEC §3.6; JdK's formulas are proprietary,
/// these are ours): RS(t) = 100·CA(t)/CB(t); RS-Ratio(t) = 100 + z-score of RS(t) over the trailing
/// <c>ratioWindow</c> dates ending at t; ROC(t) = 100·(RS-Ratio(t)/RS-Ratio(t−1) − 1), the 1-day percent change;
/// RS-Momentum(t) = 100 + z-score of ROC(t) over the trailing <c>momentumWindow</c> dates ending at t.
/// z-scores use the population standard deviation of the window, t included. Each point uses only dates ≤ t,
/// so appending data never changes an earlier point (no look-ahead).
/// </summary>
public static class RelativeRotation
{
    public const int DefaultRatioWindow = 63;
    public const int DefaultMomentumWindow = 21;

    /// <summary>How many common dates before a point its ratio and momentum reach back (the evidence of a point).</summary>
    public static int Lookback(int ratioWindow, int momentumWindow) => ratioWindow + momentumWindow - 1;

    /// <summary>One point per common date; the first complete point is at index ratioWindow + momentumWindow − 1.</summary>
    public static DomainResult<RotationPoint[]> Calculate(
        AlignedPair pair, int ratioWindow = DefaultRatioWindow, int momentumWindow = DefaultMomentumWindow)
    {
        if (ratioWindow < 2)
        {
            return DomainError.InvalidArgument(DomainInput.RatioWindow, "ratioWindow must be at least 2.");
        }

        if (momentumWindow < 2)
        {
            return DomainError.InvalidArgument(DomainInput.MomentumWindow, "momentumWindow must be at least 2.");
        }

        var count = pair.Count;
        var firstComplete = Lookback(ratioWindow, momentumWindow);
        if (count <= firstComplete)
        {
            return DomainError.InsufficientData(
                DomainInput.Pair, $"Rotation with windows {ratioWindow}/{momentumWindow} needs at least {firstComplete + 1} common trading dates; there are {count}.");
        }

        var scratch = ArrayPool<double>.Shared.Rent(3 * count);
        try
        {
            var relativeStrength = scratch.AsSpan(0, count);
            var ratio = scratch.AsSpan(count, count);
            var momentum = scratch.AsSpan(2 * count, count);
            for (var t = 0; t < count; t++)
            {
                relativeStrength[t] = 100 * pair.ClosesA[t] / pair.ClosesB[t];
            }

            TrailingZScore.Compute(relativeStrength, ratioWindow, ratio);
            for (var t = ratioWindow - 1; t < count; t++)
            {
                ratio[t] += 100;
            }

            // ROC is defined from index ratioWindow on; it reuses the RS buffer, no longer needed.
            var rateOfChange = relativeStrength[ratioWindow..];
            for (var t = ratioWindow; t < count; t++)
            {
                rateOfChange[t - ratioWindow] = 100 * ((ratio[t] / ratio[t - 1]) - 1);
            }

            TrailingZScore.Compute(rateOfChange, momentumWindow, momentum[ratioWindow..]);
            var points = new RotationPoint[count];
            for (var t = 0; t < count; t++)
            {
                double? pointRatio = t >= ratioWindow - 1 ? ratio[t] : null;
                double? pointMomentum = t >= firstComplete ? 100 + momentum[t] : null;
                points[t] = new RotationPoint(pair.Dates[t], pointRatio, pointMomentum, RotationPoint.QuadrantOf(pointRatio, pointMomentum));
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
