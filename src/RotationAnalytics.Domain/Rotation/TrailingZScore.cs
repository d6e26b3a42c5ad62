namespace RotationAnalytics.Domain.Rotation;

/// <summary>
/// z(t) = (x(t) − mean) / std over the trailing window x(t−W+1..t) (t included), std = population standard
/// deviation. Rolling sums make it O(n); they are taken relative to a shift and recomputed exactly every W
/// steps so rounding cannot drift, and a window whose values are all equal gives z = 0 exactly.
/// </summary>
internal static class TrailingZScore
{
    /// <summary>Writes scores[t] for every t ≥ window − 1; earlier entries are left untouched.</summary>
    public static void Compute(ReadOnlySpan<double> values, int window, Span<double> scores)
    {
        double shift = 0, sum = 0, sumOfSquares = 0;
        var equalRun = 0;
        for (var t = 0; t < values.Length; t++)
        {
            equalRun = t > 0 && values[t] == values[t - 1] ? equalRun + 1 : 1;
            if (t < window - 1)
            {
                continue;
            }

            var windowStart = t - window + 1;
            if (windowStart % window == 0)
            {
                shift = values[windowStart];
                sum = 0;
                sumOfSquares = 0;
                for (var k = windowStart; k <= t; k++)
                {
                    var deviation = values[k] - shift;
                    sum += deviation;
                    sumOfSquares += deviation * deviation;
                }
            }
            else
            {
                var added = values[t] - shift;
                var removed = values[windowStart - 1] - shift;
                sum += added - removed;
                sumOfSquares += (added * added) - (removed * removed);
            }

            var mean = sum / window;
            var variance = (sumOfSquares / window) - (mean * mean);
            scores[t] = equalRun >= window || !(variance > 0) ? 0 : (values[t] - shift - mean) / Math.Sqrt(variance);
        }
    }
}
