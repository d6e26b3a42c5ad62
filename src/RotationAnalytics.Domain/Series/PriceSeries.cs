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
        span = bars switch
        {
            PriceBar[] array => array,
            List<PriceBar> list => CollectionsMarshal.AsSpan(list),
            _ => bars.ToArray(),
        };
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
