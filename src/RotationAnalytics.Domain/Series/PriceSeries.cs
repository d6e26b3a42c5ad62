using System.Runtime.InteropServices;
using RotationAnalytics.Domain.Errors;

namespace RotationAnalytics.Domain.Series;

/// <summary>
/// Validates a caller's series once and exposes it as a span, so the computations can loop over contiguous
/// memory without copying arrays or lists.
/// </summary>
public static class PriceSeries
{
    /// <summary>
    /// Checks what every computation relies on: dates strictly ascending (sorted, unique), closes finite and
    /// positive, opens finite and non-negative (an open of 0 is a vendor gap, rejected only where it is used).
    /// High and low are not used by any metric and are not checked. A <see cref="ValidatedSeries"/> passes at once.
    /// </summary>
    public static DomainError? Validate(IReadOnlyList<PriceBar> bars, DomainInput input, out ReadOnlySpan<PriceBar> span)
    {
        if (bars is ValidatedSeries validated)
        {
            // Checked when it was created and immutable since.
            span = validated.Span;
            return null;
        }

        span = AsSpan(bars);
        return AllValid(span) ? null : FirstError(span, input);
    }

    /// <summary>The bars as a span: arrays and lists in place, anything else copied once.</summary>
    internal static ReadOnlySpan<PriceBar> AsSpan(IReadOnlyList<PriceBar> bars) => bars switch
    {
        PriceBar[] array => array,
        ArraySegment<PriceBar> segment => segment,
        List<PriceBar> list => CollectionsMarshal.AsSpan(list),
        ValidatedSeries validated => validated.Span,
        _ => bars.ToArray(),
    };

    /// <summary>
    /// Branch-free check of the whole series (the loop branch is the only branch); the error message is only
    /// built by <see cref="FirstError"/> when this fails. Works on the IEEE bit patterns: a close is finite and
    /// positive ⇔ its bits − 1, unsigned, are below those of double.MaxValue; an open is finite and ≥ 0 ⇔ its
    /// bits are at most those of double.MaxValue, or it is −0 (which compares equal to 0). NaN and ±∞ fail both.
    /// Dates: each day number minus the previous one minus 1 must not be negative.
    /// </summary>
    internal static bool AllValid(ReadOnlySpan<PriceBar> span)
    {
        if (span.IsEmpty)
        {
            return true;
        }

        const ulong MaxFinite = 0x7FEF_FFFF_FFFF_FFFF;
        const ulong NegativeZero = 0x8000_0000_0000_0000;
        ulong worstClose = 0, worstOpen = 0;
        var order = 0;
        var previous = span[0].Date.DayNumber - 1;
        foreach (ref readonly var bar in span)
        {
            var day = bar.Date.DayNumber;
            order |= day - previous - 1;
            previous = day;
            worstClose = Math.Max(worstClose, (ulong)BitConverter.DoubleToInt64Bits(bar.Close) - 1);
            var open = (ulong)BitConverter.DoubleToInt64Bits(bar.Open);
            worstOpen = Math.Max(worstOpen, open == NegativeZero ? 0 : open);
        }

        return worstClose < MaxFinite && worstOpen <= MaxFinite && order >= 0;
    }

    private static DomainError? FirstError(ReadOnlySpan<PriceBar> span, DomainInput input)
    {
        for (var i = 0; i < span.Length; i++)
        {
            var bar = span[i];
            if (!(bar.Close > 0) || !double.IsFinite(bar.Close))
            {
                return DomainError.InvalidArgument(input, $"Close on {bar.Date:yyyy-MM-dd} must be a finite positive number, was {bar.Close}.");
            }

            if (!(bar.Open >= 0) || !double.IsFinite(bar.Open))
            {
                return DomainError.InvalidArgument(input, $"Open on {bar.Date:yyyy-MM-dd} must be a finite non-negative number, was {bar.Open}.");
            }

            if (i > 0 && bar.Date <= span[i - 1].Date)
            {
                return DomainError.InvalidArgument(input, $"Dates must be strictly ascending; {bar.Date:yyyy-MM-dd} follows {span[i - 1].Date:yyyy-MM-dd}.");
            }
        }

        return null;
    }
}
