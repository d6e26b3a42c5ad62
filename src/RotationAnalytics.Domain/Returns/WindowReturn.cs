using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Returns;

/// <summary>
/// Return of one series over the trading days in [from, to] (SPEC §2): <see cref="Base"/> and <see cref="End"/>
/// are the prices actually used, <see cref="TradingDays"/> the number of trading days whose returns it covers.
/// </summary>
public sealed record WindowReturn(PricePoint Base, PricePoint End, double Return, int TradingDays)
{
    public static DomainResult<WindowReturn> Compute(IReadOnlyList<PriceBar> bars, DateOnly from, DateOnly to, PriceBasis basis = PriceBasis.Close)
    {
        if (PriceSeries.Validate(bars, DomainInput.Series, out var span) is { } error)
        {
            return error;
        }

        var bounds = WindowBounds.Locate(
            from,
            to,
            basis,
            DateIndex.LastOnOrBefore(span, from.AddDays(-1)),
            DateIndex.LastOnOrBefore(span, to));
        if (!bounds.IsSuccess)
        {
            return bounds.Error;
        }

        if (basis == PriceBasis.Open && WindowBounds.RequireOpen(span[bounds.Value.FirstDay].Open, DomainInput.Series) is { } openError)
        {
            return openError;
        }

        return Over(span, bounds.Value, basis);
    }

    internal static WindowReturn Over(ReadOnlySpan<PriceBar> bars, WindowBounds bounds, PriceBasis basis)
    {
        var basePoint = basis == PriceBasis.Open
            ? new PricePoint(bars[bounds.FirstDay].Date, bars[bounds.FirstDay].Open)
            : new PricePoint(bars[bounds.FirstDay - 1].Date, bars[bounds.FirstDay - 1].Close);
        var end = new PricePoint(bars[bounds.LastDay].Date, bars[bounds.LastDay].Close);
        return new WindowReturn(basePoint, end, (end.Price / basePoint.Price) - 1, bounds.TradingDays);
    }
}
