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
    /// High and low are not used by any metric and are not checked.
    /// </summary>
    public static DomainError? Validate(IReadOnlyList<PriceBar> bars, string parameter, out ReadOnlySpan<PriceBar> span)
    {
        span = AsSpan(bars);
        return AllValid(span) ? null : FirstError(span, parameter);
    }

    /// <summary>The bars as a span: arrays and lists in place, anything else copied once.</summary>
    internal static ReadOnlySpan<PriceBar> AsSpan(IReadOnlyList<PriceBar> bars) => bars switch
    {
        PriceBar[] array => array,
        List<PriceBar> list => CollectionsMarshal.AsSpan(list),
        _ => bars.ToArray(),
    };

    /// <summary>
    /// Branch-free check of the whole series (one predictable loop branch per bar); the error message is only
    /// built by <see cref="FirstError"/> when this fails. A NaN fails every comparison, so it is rejected too.
    /// </summary>
    internal static bool AllValid(ReadOnlySpan<PriceBar> span)
    {
        if (span.IsEmpty)
        {
            return true;
        }

        var ok = true;
        var previous = span[0].Date.DayNumber - 1;
        foreach (ref readonly var bar in span)
        {
            var day = bar.Date.DayNumber;
            ok &= (bar.Close > 0) & (bar.Close <= double.MaxValue) & (bar.Open >= 0) & (bar.Open <= double.MaxValue) & (day > previous);
            previous = day;
        }

        return ok;
    }

    private static DomainError? FirstError(ReadOnlySpan<PriceBar> span, string parameter)
    {
        for (var i = 0; i < span.Length; i++)
        {
            var bar = span[i];
            if (!(bar.Close > 0) || !double.IsFinite(bar.Close))
            {
                return DomainError.InvalidArgument(parameter, $"Close on {bar.Date:yyyy-MM-dd} must be a finite positive number, was {bar.Close}.");
            }

            if (!(bar.Open >= 0) || !double.IsFinite(bar.Open))
            {
                return DomainError.InvalidArgument(parameter, $"Open on {bar.Date:yyyy-MM-dd} must be a finite non-negative number, was {bar.Open}.");
            }

            if (i > 0 && bar.Date <= span[i - 1].Date)
            {
                return DomainError.InvalidArgument(parameter, $"Dates must be strictly ascending; {bar.Date:yyyy-MM-dd} follows {span[i - 1].Date:yyyy-MM-dd}.");
            }
        }

        return null;
    }
}
