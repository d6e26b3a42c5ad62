using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    /// One point per return index first..last; returns[k] is dated start + k. Sums of x, y, x², y² (one vector, the
    /// four lanes summed independently) and xy over the trailing window of shifted returns (x = rA − shiftA,
    /// y = rB − shiftB), compensated. The terms are computed once into pooled scratch, so the term leaving the window
    /// is read back bit-identical to the one that entered.
    /// </summary>
    private static CorrelationSeries Trailing(
        DateOnly[] dates, double[] returnsA, double[] returnsB, int start, int first, int last, int window, double shiftA, double shiftB)
    {
        var length = last - start + 1;
        var terms = ArrayPool<double>.Shared.Rent(4 * length);
        var products = ArrayPool<double>.Shared.Rent(length);
        try
        {
            for (var k = 0; k < length; k++)
            {
                var x = returnsA[k] - shiftA;
                var y = returnsB[k] - shiftB;
                terms[4 * k] = x;
                terms[(4 * k) + 1] = y;
                terms[(4 * k) + 2] = x * x;
                terms[(4 * k) + 3] = y * y;
                products[k] = x * y;
            }

            var size = last - first + 1;
            var correlations = GC.AllocateUninitializedArray<double>(size);
            var betas = GC.AllocateUninitializedArray<double>(size);
            ref var term = ref MemoryMarshal.GetArrayDataReference(terms);
            Vector256<double> sums = default, errors = default;
            double productSum = 0, productError = 0;
            int equalRunA = 0, equalRunB = 0;
            var inverse = 1.0 / window; // a multiplication per moment instead of a division
            for (var k = 0; k < length; k++)
            {
                var t = start + k;
                TwoSum(ref sums, ref errors, Vector256.LoadUnsafe(ref term, (nuint)(4 * k)));
                TwoSum(ref productSum, ref productError, products[k]);
                equalRunA = k > 0 && returnsA[k] == returnsA[k - 1] ? equalRunA + 1 : 1;
                equalRunB = k > 0 && returnsB[k] == returnsB[k - 1] ? equalRunB + 1 : 1;
                if (k >= window)
                {
                    TwoSum(ref sums, ref errors, -Vector256.LoadUnsafe(ref term, (nuint)(4 * (k - window))));
                    TwoSum(ref productSum, ref productError, -products[k - window]);
                }

                if (t < first)
                {
                    continue;
                }

                // A full window needs `window` returns, i.e. return dates 1..t with t ≥ window.
                if (t < window)
                {
                    correlations[t - first] = double.NaN;
                    betas[t - first] = double.NaN;
                    continue;
                }

                var moments = (sums + errors) * inverse;
                double meanX = moments.GetElement(0), meanY = moments.GetElement(1);
                var covariance = ((productSum + productError) * inverse) - (meanX * meanY);
                var varianceA = equalRunA >= window ? 0 : moments.GetElement(2) - (meanX * meanX);
                var varianceB = equalRunB >= window ? 0 : moments.GetElement(3) - (meanY * meanY);
                var correlation = varianceA > 0 && varianceB > 0 ? Clamp(covariance / Math.Sqrt(varianceA * varianceB)) : double.NaN;
                var beta = varianceB > 0 ? covariance / varianceB : double.NaN;
                correlations[t - first] = correlation;
                betas[t - first] = beta;
            }

            return new CorrelationSeries(dates.AsSpan(first, size).ToArray(), correlations, betas);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(products);
            ArrayPool<double>.Shared.Return(terms);
        }
    }

    /// <summary>
    /// Knuth's TwoSum, lane-wise: <paramref name="sum"/> + <paramref name="error"/> is the exact total up to the
    /// roundings of the (tiny) error term alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoSum(ref Vector256<double> sum, ref Vector256<double> error, Vector256<double> value)
    {
        var total = sum + value;
        var added = total - sum;
        error += (sum - (total - added)) + (value - added);
        sum = total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoSum(ref double sum, ref double error, double value)
    {
        var total = sum + value;
        var added = total - sum;
        error += (sum - (total - added)) + (value - added);
        sum = total;
    }

    private static bool AllEqual(ReadOnlySpan<double> values) => values.IndexOfAnyExcept(values[0]) < 0;

    /// <summary>Rounding can put a perfect correlation a hair outside [−1, 1].</summary>
    private static double Clamp(double correlation) => Math.Clamp(correlation, -1, 1);
}
