using System.Buffers;
using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Correlation;

/// <summary>
/// Correlation and beta of A's daily returns against B's on their common dates (SPEC §3.9), population moments
/// (the 1/n factors cancel in both ratios). The trailing-window series is one pass of running sums — each step adds
/// the newest return and removes the one leaving the window — with two safeguards against the usual failures:
/// the sums are compensated (TwoSum; what is removed is the very double that was added, so the window's sums stay
/// exact to about one rounding instead of drifting over thousands of steps), and returns are taken relative to
/// their mean over [from, to], so the moments Σx² − (Σx)²/n do not cancel catastrophically.
/// </summary>
public static class ReturnCorrelation
{
    public const int DefaultWindow = 63;

    public static DomainResult<CorrelationReport> Compute(AlignedPair pair, DateOnly from, DateOnly to, int window = DefaultWindow)
    {
        if (window < 2)
        {
            return DomainError.InvalidArgument(DomainInput.Window, "window must be at least 2 returns.");
        }

        if (from > to)
        {
            return DomainError.InvalidArgument(DomainInput.From, $"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }

        if (pair.ClosesA.Length < pair.Count || pair.ClosesB.Length < pair.Count)
        {
            return DomainError.InvalidArgument(DomainInput.Pair, "The pair needs one close of each series per common date.");
        }

        // Returns are dated from index 1 on (the first common date has no previous close).
        var first = Math.Max(1, DateIndex.LastOnOrBefore(pair.Dates, from.AddDays(-1)) + 1);
        var last = DateIndex.LastOnOrBefore(pair.Dates, to);
        var count = last - first + 1;
        if (count < 2)
        {
            return DomainError.InsufficientData(
                DomainInput.From, $"Correlation needs at least two daily returns dated between {from:yyyy-MM-dd} and {to:yyyy-MM-dd} on common dates; there are {Math.Max(0, count)}.");
        }

        // Pooled return arrays from the first return any trailing window needs, index k ↔ common date start + k.
        var start = Math.Max(1, first - window + 1);
        var length = last - start + 1;
        var returnsA = ArrayPool<double>.Shared.Rent(length);
        var returnsB = ArrayPool<double>.Shared.Rent(length);
        try
        {
            for (var k = 0; k < length; k++)
            {
                var t = start + k;
                returnsA[k] = DailyReturn.Between(pair.ClosesA[t - 1], pair.ClosesA[t]);
                returnsB[k] = DailyReturn.Between(pair.ClosesB[t - 1], pair.ClosesB[t]);
            }

            var offset = first - start;
            var (correlation, beta, meanA, meanB) = Whole(returnsA.AsSpan(offset, count), returnsB.AsSpan(offset, count));
            var series = Trailing(pair.Dates, returnsA, returnsB, start, first, last, window, meanA, meanB);
            return new CorrelationReport(
                pair.Dates[first], pair.Dates[last], first, last, count, correlation, beta, window, series, pair.DescribeThrough(last));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(returnsB);
            ArrayPool<double>.Shared.Return(returnsA);
        }
    }

    /// <summary>Two-pass moments over the whole window (means first, then centred sums).</summary>
    private static (double? Correlation, double? Beta, double MeanA, double MeanB) Whole(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sumA = 0, sumB = 0;
        for (var k = 0; k < a.Length; k++)
        {
            sumA += a[k];
            sumB += b[k];
        }

        double meanA = sumA / a.Length, meanB = sumB / b.Length, products = 0, squaresA = 0, squaresB = 0;
        for (var k = 0; k < a.Length; k++)
        {
            var x = a[k] - meanA;
            var y = b[k] - meanB;
            products += x * y;
            squaresA += x * x;
            squaresB += y * y;
        }

        // All-equal returns can leave a rounding residue as "variance": treat them as not varying.
        var variesA = !AllEqual(a) && squaresA > 0;
        var variesB = !AllEqual(b) && squaresB > 0;
        return (
            variesA && variesB ? Clamp(products / Math.Sqrt(squaresA * squaresB)) : null,
            variesB ? products / squaresB : null,
            meanA,
            meanB);
    }

    /// <summary>
    /// One point per return index first..last; returns[k] is dated start + k. Sums of x, y, x², y², xy over the
    /// trailing window of shifted returns (x = rA − shiftA, y = rB − shiftB), compensated.
    /// </summary>
    private static CorrelationPoint[] Trailing(
        DateOnly[] dates, double[] returnsA, double[] returnsB, int start, int first, int last, int window, double shiftA, double shiftB)
    {
        var points = GC.AllocateUninitializedArray<CorrelationPoint>(last - first + 1);
        RunningSum sumX = default, sumY = default, sumXX = default, sumYY = default, sumXY = default;
        int equalRunA = 0, equalRunB = 0;
        for (var k = 0; start + k <= last; k++)
        {
            var t = start + k;
            var x = returnsA[k] - shiftA;
            var y = returnsB[k] - shiftB;
            sumX.Add(x);
            sumY.Add(y);
            sumXX.Add(x * x);
            sumYY.Add(y * y);
            sumXY.Add(x * y);
            equalRunA = k > 0 && returnsA[k] == returnsA[k - 1] ? equalRunA + 1 : 1;
            equalRunB = k > 0 && returnsB[k] == returnsB[k - 1] ? equalRunB + 1 : 1;
            if (k >= window)
            {
                // The return leaving the window, recomputed bit-identically to what was added.
                var oldX = returnsA[k - window] - shiftA;
                var oldY = returnsB[k - window] - shiftB;
                sumX.Add(-oldX);
                sumY.Add(-oldY);
                sumXX.Add(-(oldX * oldX));
                sumYY.Add(-(oldY * oldY));
                sumXY.Add(-(oldX * oldY));
            }

            if (t < first)
            {
                continue;
            }

            // A full window needs `window` returns, i.e. return dates 1..t with t ≥ window.
            if (t < window)
            {
                points[t - first] = CorrelationPoint.FromRaw(dates[t], double.NaN, double.NaN);
                continue;
            }

            var meanX = sumX.Value / window;
            var meanY = sumY.Value / window;
            var covariance = (sumXY.Value / window) - (meanX * meanY);
            var varianceA = equalRunA >= window ? 0 : (sumXX.Value / window) - (meanX * meanX);
            var varianceB = equalRunB >= window ? 0 : (sumYY.Value / window) - (meanY * meanY);
            var correlation = varianceA > 0 && varianceB > 0 ? Clamp(covariance / Math.Sqrt(varianceA * varianceB)) : double.NaN;
            var beta = varianceB > 0 ? covariance / varianceB : double.NaN;
            points[t - first] = CorrelationPoint.FromRaw(dates[t], correlation, beta);
        }

        return points;
    }

    private static bool AllEqual(ReadOnlySpan<double> values) => values.IndexOfAnyExcept(values[0]) < 0;

    /// <summary>Rounding can put a perfect correlation a hair outside [−1, 1].</summary>
    private static double Clamp(double correlation) => Math.Clamp(correlation, -1, 1);

    /// <summary>Knuth's TwoSum: <see cref="Sum"/> + <see cref="Error"/> is the exact total up to roundings of Error alone.</summary>
    private struct RunningSum
    {
        public double Sum;
        public double Error;

        public readonly double Value => Sum + Error;

        public void Add(double x)
        {
            var total = Sum + x;
            var added = total - Sum;
            Error += (Sum - (total - added)) + (x - added);
            Sum = total;
        }
    }
}
