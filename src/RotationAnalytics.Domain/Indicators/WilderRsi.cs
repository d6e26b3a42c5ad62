using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

        // Every element is written below, so the (large-object-heap) output array is not zeroed first.
        var points = GC.AllocateUninitializedArray<RsiPoint>(span.Length);
        var buffer = ArrayPool<double>.Shared.Rent(2 * span.Length);
        try
        {
            var averageGains = buffer.AsSpan(0, span.Length);
            var averageLosses = buffer.AsSpan(span.Length, span.Length);
            Smooth(span, period, averageGains, averageLosses);
            ToIndex(averageGains[period..], averageLosses[period..]);
            Emit(span, period, averageGains, points);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }

        return points;
    }

    /// <summary>
    /// Wilder averages for t ≥ period into <paramref name="gains"/>/<paramref name="losses"/>. The smoothing
    /// avg = (prev·(N−1) + x)/N is evaluated as prev·((N−1)/N) + x·(1/N) (fused where the CPU has FMA): the same
    /// quantity to within an ulp per step (the recursion is contractive, so differences never accumulate), but
    /// the loop-carried dependency is one 4-cycle FMA instead of multiply + add + a ~13-cycle division.
    /// </summary>
    private static void Smooth(ReadOnlySpan<PriceBar> bars, int period, Span<double> gains, Span<double> losses)
    {
        double gainSum = 0, lossSum = 0;
        for (var t = 1; t <= period; t++)
        {
            var change = bars[t].Close - bars[t - 1].Close;
            gainSum += Math.Max(change, 0);
            lossSum += Math.Max(-change, 0);
        }

        var averageGain = gainSum / period;
        var averageLoss = lossSum / period;
        gains[period] = averageGain;
        losses[period] = averageLoss;
        var keep = (period - 1.0) / period;
        var weight = 1.0 / period;
        var previousClose = bars[period].Close;
        ref var bar = ref MemoryMarshal.GetReference(bars);
        ref var gain = ref MemoryMarshal.GetReference(gains);
        ref var loss = ref MemoryMarshal.GetReference(losses);
        for (nint t = period + 1; t < bars.Length; t++)
        {
            var close = Unsafe.Add(ref bar, t).Close;
            var change = close - previousClose;
            previousClose = close;
            var up = Math.Max(change, 0) * weight;
            var down = Math.Max(-change, 0) * weight;
            if (Fma.IsSupported)
            {
                averageGain = Math.FusedMultiplyAdd(averageGain, keep, up);
                averageLoss = Math.FusedMultiplyAdd(averageLoss, keep, down);
            }
            else
            {
                averageGain = (averageGain * keep) + up;
                averageLoss = (averageLoss * keep) + down;
            }

            Unsafe.Add(ref gain, t) = averageGain;
            Unsafe.Add(ref loss, t) = averageLoss;
        }
    }

    /// <summary>Replaces each average gain by <see cref="Index"/>(gain, loss); vectorised, same formula and rounding.</summary>
    private static void ToIndex(Span<double> gains, ReadOnlySpan<double> losses)
    {
        var t = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var gain = ref MemoryMarshal.GetReference(gains);
            ref var loss = ref MemoryMarshal.GetReference(losses);
            var hundred = Vector256.Create(100.0);
            var one = Vector256.Create(1.0);
            var fifty = Vector256.Create(50.0);
            for (; t <= gains.Length - Vector256<double>.Count; t += Vector256<double>.Count)
            {
                var g = Vector256.LoadUnsafe(ref gain, (nuint)t);
                var l = Vector256.LoadUnsafe(ref loss, (nuint)t);
                var index = hundred - (hundred / (one + (g / l)));
                var limit = Vector256.ConditionalSelect(Vector256.Equals(g, Vector256<double>.Zero), fifty, hundred);
                Vector256.ConditionalSelect(Vector256.Equals(l, Vector256<double>.Zero), limit, index).StoreUnsafe(ref gain, (nuint)t);
            }
        }

        for (; t < gains.Length; t++)
        {
            gains[t] = Index(gains[t], losses[t]);
        }
    }

    /// <summary>Writes every point: null for the first <paramref name="period"/> dates, then the index.</summary>
    private static void Emit(ReadOnlySpan<PriceBar> bars, int period, ReadOnlySpan<double> indexes, RsiPoint[] points)
    {
        for (var t = 0; t < period; t++)
        {
            points[t] = new RsiPoint(bars[t].Date, null);
        }

        ref var bar = ref MemoryMarshal.GetReference(bars);
        ref var index = ref MemoryMarshal.GetReference(indexes);
        ref var point = ref MemoryMarshal.GetArrayDataReference(points);
        for (nint t = period; t < bars.Length; t++)
        {
            Unsafe.Add(ref point, t) = new RsiPoint(Unsafe.Add(ref bar, t).Date, Unsafe.Add(ref index, t));
        }
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
