using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Indicators;

/// <summary>
/// Wilder's RSI (SPEC §3.3). Changes Δ(t) = C(t) − C(t−1); the first average gain/loss is the simple mean of the
/// first N changes (first RSI on the (N+1)-th close), then avg = (prev·(N−1) + current)/N;
/// RSI = 100 − 100/(1 + avgGain/avgLoss), 100 when avgLoss = 0, 50 when both are 0.
/// Always computed over the whole history given, then sliced with <see cref="Window"/>, so a value never
/// depends on the requested window.
/// </summary>
public static class WilderRsi
{
    public const int DefaultPeriod = 14;
    public const double DefaultOverbought = 70;
    public const double DefaultOversold = 30;

    /// <summary>One point per bar; the first <paramref name="period"/> are null.</summary>
    public static DomainResult<RsiPoint[]> Calculate(IReadOnlyList<PriceBar> bars, int period = DefaultPeriod)
    {
        if (period < 1)
        {
            return DomainError.InvalidArgument(nameof(period), "period must be at least 1.");
        }

        if (PriceSeries.Validate(bars, nameof(bars), out var span) is { } error)
        {
            return error;
        }

        if (span.Length <= period)
        {
            return DomainError.InsufficientData(nameof(period), $"RSI({period}) needs at least {period + 1} closes; the history has {span.Length}.");
        }

        var points = new RsiPoint[span.Length];
        double gainSum = 0, lossSum = 0;
        points[0] = new RsiPoint(span[0].Date, null);
        for (var t = 1; t <= period; t++)
        {
            var change = span[t].Close - span[t - 1].Close;
            gainSum += Math.Max(change, 0);
            lossSum += Math.Max(-change, 0);
            points[t] = new RsiPoint(span[t].Date, null);
        }

        var averageGain = gainSum / period;
        var averageLoss = lossSum / period;
        points[period] = new RsiPoint(span[period].Date, Index(averageGain, averageLoss));
        var carried = period - 1.0;
        for (var t = period + 1; t < span.Length; t++)
        {
            var change = span[t].Close - span[t - 1].Close;
            averageGain = ((averageGain * carried) + Math.Max(change, 0)) / period;
            averageLoss = ((averageLoss * carried) + Math.Max(-change, 0)) / period;
            points[t] = new RsiPoint(span[t].Date, Index(averageGain, averageLoss));
        }

        return points;
    }

    /// <summary>
    /// The points dated in [from, to] with their zones: ≥ overbought → overbought, ≤ oversold → oversold.
    /// Thresholds must satisfy 0 ≤ oversold &lt; overbought ≤ 100.
    /// </summary>
    public static DomainResult<RsiReading[]> Window(
        RsiPoint[] points, DateOnly from, DateOnly to, double overbought = DefaultOverbought, double oversold = DefaultOversold)
    {
        if (from > to)
        {
            return DomainError.InvalidArgument(nameof(from), $"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }

        if (!(overbought is >= 0 and <= 100))
        {
            return DomainError.InvalidArgument(nameof(overbought), "overbought must be between 0 and 100.");
        }

        if (!(oversold >= 0 && oversold < overbought))
        {
            return DomainError.InvalidArgument(nameof(oversold), "oversold must be at least 0 and below overbought.");
        }

        var first = 0;
        while (first < points.Length && points[first].Date < from)
        {
            first++;
        }

        var readings = new List<RsiReading>();
        for (var t = first; t < points.Length && points[t].Date <= to; t++)
        {
            var rsi = points[t].Rsi;
            readings.Add(new RsiReading(points[t].Date, rsi, rsi is { } value ? Classify(value, overbought, oversold) : null));
        }

        return readings.ToArray();
    }

    public static RsiZone Classify(double rsi, double overbought = DefaultOverbought, double oversold = DefaultOversold) =>
        rsi >= overbought ? RsiZone.Overbought : rsi <= oversold ? RsiZone.Oversold : RsiZone.Neutral;

    private static double Index(double averageGain, double averageLoss) =>
        averageLoss == 0 ? (averageGain == 0 ? 50 : 100) : 100 - (100 / (1 + (averageGain / averageLoss)));
}
