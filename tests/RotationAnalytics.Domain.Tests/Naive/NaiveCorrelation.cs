using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Tests.Naive;

/// <summary>
/// Deliberately naive trailing correlation and beta: every window's returns copied out and summed again with a
/// two-pass mean and centred sums (O(n·W)); NaN when undefined (window not full, or a series constant in it).
/// </summary>
public static class NaiveCorrelation
{
    /// <summary>(correlation, beta) for the window of returns ending at common-date index t, t = 0..Count−1.</summary>
    public static (double Correlation, double Beta)[] Trailing(AlignedPair pair, int window)
    {
        var a = Enumerable.Range(1, pair.Count - 1).Select(t => (pair.ClosesA[t] / pair.ClosesA[t - 1]) - 1).Prepend(double.NaN).ToArray();
        var b = Enumerable.Range(1, pair.Count - 1).Select(t => (pair.ClosesB[t] / pair.ClosesB[t - 1]) - 1).Prepend(double.NaN).ToArray();
        return Enumerable.Range(0, pair.Count)
            .Select(t => t < window ? (double.NaN, double.NaN) : Moments(a.Skip(t - window + 1).Take(window).ToArray(), b.Skip(t - window + 1).Take(window).ToArray()))
            .ToArray();
    }

    public static (double Correlation, double Beta) Moments(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        var covariance = x.Zip(y, (p, q) => (p - meanX) * (q - meanY)).Sum();
        var varianceX = x.All(v => v == x[0]) ? 0 : x.Sum(v => (v - meanX) * (v - meanX));
        var varianceY = y.All(v => v == y[0]) ? 0 : y.Sum(v => (v - meanY) * (v - meanY));
        return (varianceX > 0 && varianceY > 0 ? covariance / Math.Sqrt(varianceX * varianceY) : double.NaN, varianceY > 0 ? covariance / varianceY : double.NaN);
    }
}
