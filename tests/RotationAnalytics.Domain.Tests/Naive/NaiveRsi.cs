using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Tests.Naive;

/// <summary>
/// Naive Wilder RSI written differently from the domain one: builds gain and loss lists first, seeds with LINQ
/// averages, smooths with the equivalent form avg += (x − avg)/N, and returns NaN for the warm-up.
/// Shared with the benchmark project to measure the speed-up.
/// </summary>
public static class NaiveRsi
{
    public static double[] Calculate(IReadOnlyList<PriceBar> bars, int period)
    {
        var gains = new List<double> { 0 };
        var losses = new List<double> { 0 };
        for (var t = 1; t < bars.Count; t++)
        {
            var change = bars[t].Close - bars[t - 1].Close;
            gains.Add(change > 0 ? change : 0);
            losses.Add(change < 0 ? -change : 0);
        }

        var rsi = Enumerable.Repeat(double.NaN, bars.Count).ToArray();
        var averageGain = gains.Skip(1).Take(period).Average();
        var averageLoss = losses.Skip(1).Take(period).Average();
        for (var t = period; t < bars.Count; t++)
        {
            if (t > period)
            {
                averageGain += (gains[t] - averageGain) / period;
                averageLoss += (losses[t] - averageLoss) / period;
            }

            rsi[t] = averageLoss == 0 ? (averageGain == 0 ? 50 : 100) : 100 * averageGain / (averageGain + averageLoss);
        }

        return rsi;
    }
}
