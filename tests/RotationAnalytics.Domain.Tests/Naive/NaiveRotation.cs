using System.Globalization;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Tests.Naive;

/// <summary>
/// Naive RRG-style rotation: every z-score recomputed from its whole trailing window with a two-pass mean and
/// population variance (O(n·W)), NaN until defined; weekly resampling by grouping on (ISO year, ISO week).
/// </summary>
public static class NaiveRotation
{
    public static (double[] Ratio, double[] Momentum) Calculate(AlignedPair pair, int ratioWindow, int momentumWindow) =>
        Calculate(pair, ratioWindow, momentumWindow, 1);

    public static (double[] Ratio, double[] Momentum) Calculate(AlignedPair pair, int ratioWindow, int momentumWindow, int lag)
    {
        var n = pair.Count;
        var rs = Enumerable.Range(0, n).Select(t => 100 * pair.ClosesA[t] / pair.ClosesB[t]).ToArray();
        var ratio = Enumerable.Range(0, n).Select(t => t >= ratioWindow - 1 ? 100 + ZScore(rs, t, ratioWindow) : double.NaN).ToArray();
        var roc = Enumerable.Range(0, n).Select(t => t >= ratioWindow - 1 + lag ? 100 * ((ratio[t] / ratio[t - lag]) - 1) : double.NaN).ToArray();
        var momentum = Enumerable.Range(0, n)
            .Select(t => t >= ratioWindow - 1 + lag + momentumWindow - 1 ? 100 + ZScore(roc, t, momentumWindow) : double.NaN)
            .ToArray();
        return (ratio, momentum);
    }

    /// <summary>The pair reduced to the last common date of each ISO week (opens are not used by rotation).</summary>
    public static AlignedPair Weekly(AlignedPair pair)
    {
        var last = Enumerable.Range(0, pair.Count)
            .GroupBy(t =>
            {
                var day = pair.Dates[t].ToDateTime(TimeOnly.MinValue);
                return (ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
            })
            .Select(g => g.Max())
            .ToArray();
        return new AlignedPair(
            last.Select(t => pair.Dates[t]).ToArray(), [], last.Select(t => pair.ClosesA[t]).ToArray(), [], last.Select(t => pair.ClosesB[t]).ToArray(), []);
    }

    private static double ZScore(double[] values, int t, int window)
    {
        var slice = values.Skip(t - window + 1).Take(window).ToArray();
        if (slice.All(v => v == slice[0]))
        {
            return 0;
        }

        var mean = slice.Average();
        var std = Math.Sqrt(slice.Sum(v => (v - mean) * (v - mean)) / window);
        return (values[t] - mean) / std;
    }
}
