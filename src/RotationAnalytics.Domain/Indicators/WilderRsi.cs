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
        var span = PriceSeries.AsSpan(bars);
        if (Check(span, period) is { } error)
        {
            return error;
        }

        // Every element is written, so the (large-object-heap for long histories) array is not zeroed first.
        var points = GC.AllocateUninitializedArray<RsiPoint>(span.Length);
        return Compute(span, period, points) ? points : PriceSeries.Validate(bars, DomainInput.Series, out _)!;
    }

    /// <summary>
    /// <see cref="Calculate"/> then <see cref="Window(RsiPoint[], DateOnly, DateOnly, double, double)"/> in one
    /// call, with the same results and errors (in the same order), but the whole-history points live in a pooled
    /// buffer: only the requested readings are allocated.
    /// </summary>
    public static DomainResult<RsiReading[]> Readings(
        IReadOnlyList<PriceBar> bars, DateOnly from, DateOnly to, int period = DefaultPeriod,
        double overbought = DefaultOverbought, double oversold = DefaultOversold)
    {
        var span = PriceSeries.AsSpan(bars);
        if (Check(span, period) is { } error)
        {
            return error;
        }

        // Only the index values are kept (pooled); readings are built for the window alone.
        var buffer = ArrayPool<double>.Shared.Rent(span.Length);
        try
        {
            if (!Compute(span, period, [], buffer))
            {
                return PriceSeries.Validate(bars, DomainInput.Series, out _)!;
            }

            if (CheckWindow(from, to, overbought, oversold) is { } windowError)
            {
                return windowError;
            }

            var first = from == DateOnly.MinValue ? 0 : DateIndex.LastOnOrBefore(span, from.AddDays(-1)) + 1;
            var last = DateIndex.LastOnOrBefore(span, to);
            var readings = new RsiReading[Math.Max(0, last - first + 1)];
            for (var t = first; t <= last; t++)
            {
                readings[t - first] = t < period
                    ? new RsiReading(span[t].Date, null, null)
                    : new RsiReading(span[t].Date, buffer[t], Classify(buffer[t], overbought, oversold));
            }

            return readings;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>The argument errors that do not need a full pass (the series itself is checked by Compute).</summary>
    private static DomainError? Check(ReadOnlySpan<PriceBar> span, int period)
    {
        if (period < 1)
        {
            return DomainError.InvalidArgument(DomainInput.Period, "period must be at least 1.");
        }

        if (span.Length <= period)
        {
            // Short series: an invalid series is reported first, as Validate-then-check always did.
            return (PriceSeries.AllValid(span) ? null : PriceSeries.Validate(span.ToArray(), DomainInput.Series, out _))
                ?? DomainError.InsufficientData(DomainInput.Period, $"RSI({period}) needs at least {period + 1} closes; the history has {span.Length}.");
        }

        return null;
    }

    /// <summary>Bars per block: the block's bars, averages and points stay in L1/L2 while they are used.</summary>
    private const int Block = 512;

    /// <summary>
    /// Fills <paramref name="points"/> (one per bar) and validates the series in the same sweep; false when the
    /// series is invalid (the points are then meaningless). Blocked, so each bar is read from memory once:
    /// validate the block, smooth it (the only sequential dependency), turn its averages into indexes
    /// (vectorised), write its points.
    /// </summary>
    private static bool Compute(ReadOnlySpan<PriceBar> bars, int period, Span<RsiPoint> points, Span<double> values = default)
    {
        var emit = !points.IsEmpty;
        var valid = PriceSeries.AllValid(bars[..(period + 1)]);
        double gainSum = 0, lossSum = 0;
        for (var t = 1; t <= period; t++)
        {
            var change = bars[t].Close - bars[t - 1].Close;
            gainSum += Math.Max(change, 0);
            lossSum += Math.Max(-change, 0);
            if (emit)
            {
                points[t - 1] = new RsiPoint(bars[t - 1].Date, null);
            }
        }

        var averageGain = gainSum / period;
        var averageLoss = lossSum / period;
        if (emit)
        {
            points[period] = new RsiPoint(bars[period].Date, Index(averageGain, averageLoss));
        }
        else
        {
            values[period] = Index(averageGain, averageLoss);
        }

        var scratch = ArrayPool<double>.Shared.Rent(2 * Block);
        try
        {
            var gains = scratch.AsSpan(0, Block);
            var losses = scratch.AsSpan(Block, Block);
            var keep = (period - 1.0) / period;
            var weight = 1.0 / period;
            for (var start = period + 1; start < bars.Length; start += Block)
            {
                var length = Math.Min(Block, bars.Length - start);
                valid &= PriceSeries.AllValid(bars.Slice(start - 1, length + 1));
                Smooth(bars.Slice(start - 1, length + 1), keep, weight, ref averageGain, ref averageLoss, gains, losses);
                if (emit)
                {
                    ToIndex(gains[..length], losses[..length]);
                    Emit(bars.Slice(start, length), gains, points.Slice(start, length));
                }
                else
                {
                    ToIndex(gains[..length], losses[..length], values.Slice(start, length));
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }

        return valid;
    }

    /// <summary>
    /// Wilder averages of bars[1..] (bars[0] is the previous close) into <paramref name="gains"/>/<paramref name="losses"/>.
    /// The smoothing avg = (prev·(N−1) + x)/N is evaluated as prev·((N−1)/N) + x·(1/N) (fused where the CPU has
    /// FMA): the same quantity to within a few ulps per step (the recursion is contractive, so differences never
    /// accumulate; the tests hold it to pandas and the naive version within 1e-9), but the loop-carried
    /// dependency is half an FMA per bar instead of multiply + add + a ~13-cycle division.
    /// </summary>
    private static void Smooth(
        ReadOnlySpan<PriceBar> bars, double keep, double weight, ref double averageGain, ref double averageLoss, Span<double> gains, Span<double> losses)
    {
        ref var bar = ref MemoryMarshal.GetReference(bars);
        ref var gain = ref MemoryMarshal.GetReference(gains);
        ref var loss = ref MemoryMarshal.GetReference(losses);
        var previousClose = bar.Close;
        nint t = 1;
        if (Fma.IsSupported)
        {
            // [gain, loss] in one register; two bars per step: a(t+1) = K²·a(t−1) + (K·u(t) + u(t+1)) with
            // u = max(±Δ, 0)/N, so the loop-carried dependency is one FMA per two bars (a(t) is computed beside it).
            var average = Vector128.Create(averageGain, averageLoss);
            var signs = Vector128.Create(weight, -weight);
            var k = Vector128.Create(keep);
            var kk = Vector128.Create(keep * keep);
            for (; t + 1 < bars.Length; t += 2)
            {
                var close1 = Unsafe.Add(ref bar, t).Close;
                var close2 = Unsafe.Add(ref bar, t + 1).Close;
                var u1 = Vector128.MaxNative(Vector128.Create(close1 - previousClose) * signs, Vector128<double>.Zero);
                var u2 = Vector128.MaxNative(Vector128.Create(close2 - close1) * signs, Vector128<double>.Zero);
                previousClose = close2;
                var first = Vector128.FusedMultiplyAdd(average, k, u1);
                average = Vector128.FusedMultiplyAdd(average, kk, Vector128.FusedMultiplyAdd(u1, k, u2));
                Unsafe.Add(ref gain, t - 1) = first.ToScalar();
                Unsafe.Add(ref loss, t - 1) = first.GetElement(1);
                Unsafe.Add(ref gain, t) = average.ToScalar();
                Unsafe.Add(ref loss, t) = average.GetElement(1);
            }

            averageGain = average.ToScalar();
            averageLoss = average.GetElement(1);
        }

        for (; t < bars.Length; t++)
        {
            var close = Unsafe.Add(ref bar, t).Close;
            var change = close - previousClose;
            previousClose = close;
            averageGain = (averageGain * keep) + (Math.Max(change, 0) * weight);
            averageLoss = (averageLoss * keep) + (Math.Max(-change, 0) * weight);
            Unsafe.Add(ref gain, t - 1) = averageGain;
            Unsafe.Add(ref loss, t - 1) = averageLoss;
        }
    }

    /// <summary>Replaces each average gain by <see cref="Index"/>(gain, loss); vectorised, same formula and rounding.</summary>
    private static void ToIndex(Span<double> gains, ReadOnlySpan<double> losses) => ToIndex(gains, losses, gains);

    /// <summary>indexes[t] = <see cref="Index"/>(gains[t], losses[t]); vectorised, same formula and rounding.</summary>
    private static void ToIndex(ReadOnlySpan<double> gains, ReadOnlySpan<double> losses, Span<double> indexes)
    {
        var t = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var gain = ref MemoryMarshal.GetReference(gains);
            ref var loss = ref MemoryMarshal.GetReference(losses);
            ref var result = ref MemoryMarshal.GetReference(indexes);
            var hundred = Vector256.Create(100.0);
            var one = Vector256.Create(1.0);
            var fifty = Vector256.Create(50.0);
            for (; t <= gains.Length - Vector256<double>.Count; t += Vector256<double>.Count)
            {
                var g = Vector256.LoadUnsafe(ref gain, (nuint)t);
                var l = Vector256.LoadUnsafe(ref loss, (nuint)t);
                var index = hundred - (hundred / (one + (g / l)));
                var limit = Vector256.ConditionalSelect(Vector256.Equals(g, Vector256<double>.Zero), fifty, hundred);
                Vector256.ConditionalSelect(Vector256.Equals(l, Vector256<double>.Zero), limit, index).StoreUnsafe(ref result, (nuint)t);
            }
        }

        for (; t < gains.Length; t++)
        {
            indexes[t] = Index(gains[t], losses[t]);
        }
    }

    /// <summary>points[t] = (bars[t].Date, indexes[t]) for the block.</summary>
    private static void Emit(ReadOnlySpan<PriceBar> bars, ReadOnlySpan<double> indexes, Span<RsiPoint> points)
    {
        ref var bar = ref MemoryMarshal.GetReference(bars);
        ref var index = ref MemoryMarshal.GetReference(indexes);
        ref var point = ref MemoryMarshal.GetReference(points);
        for (nint t = 0; t < points.Length; t++)
        {
            Unsafe.Add(ref point, t) = new RsiPoint(Unsafe.Add(ref bar, t).Date, Unsafe.Add(ref index, t));
        }
    }

    /// <summary>
    /// The points dated in [from, to] with their zones: ≥ overbought → overbought, ≤ oversold → oversold.
    /// Thresholds must satisfy 0 ≤ oversold &lt; overbought ≤ 100.
    /// </summary>
    public static DomainResult<RsiReading[]> Window(
        RsiPoint[] points, DateOnly from, DateOnly to, double overbought = DefaultOverbought, double oversold = DefaultOversold) =>
        WindowOf(points.AsSpan(), from, to, overbought, oversold);

    private static DomainResult<RsiReading[]> WindowOf(
        ReadOnlySpan<RsiPoint> points, DateOnly from, DateOnly to, double overbought, double oversold)
    {
        if (CheckWindow(from, to, overbought, oversold) is { } error)
        {
            return error;
        }

        // Points are in date order (as Calculate returns them): binary search for the first date ≥ from, then
        // scan only the window, so the work and the allocation are proportional to the readings returned.
        int low = 0, high = points.Length;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (points[middle].Date < from)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var last = low;
        while (last < points.Length && points[last].Date <= to)
        {
            last++;
        }

        var readings = new RsiReading[last - low];
        for (var t = low; t < last; t++)
        {
            var rsi = points[t].Rsi;
            readings[t - low] = new RsiReading(points[t].Date, rsi, rsi is { } value ? Classify(value, overbought, oversold) : null);
        }

        return readings;
    }

    private static DomainError? CheckWindow(DateOnly from, DateOnly to, double overbought, double oversold)
    {
        if (from > to)
        {
            return DomainError.InvalidArgument(DomainInput.From, $"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }

        if (!(overbought is >= 0 and <= 100))
        {
            return DomainError.InvalidArgument(DomainInput.Overbought, "overbought must be between 0 and 100.");
        }

        if (!(oversold >= 0 && oversold < overbought))
        {
            return DomainError.InvalidArgument(DomainInput.Oversold, "oversold must be at least 0 and below overbought.");
        }

        return null;
    }

    public static RsiZone Classify(double rsi, double overbought = DefaultOverbought, double oversold = DefaultOversold) =>
        rsi >= overbought ? RsiZone.Overbought : rsi <= oversold ? RsiZone.Oversold : RsiZone.Neutral;

    private static double Index(double averageGain, double averageLoss) =>
        averageLoss == 0 ? (averageGain == 0 ? 50 : 100) : 100 - (100 / (1 + (averageGain / averageLoss)));
}
