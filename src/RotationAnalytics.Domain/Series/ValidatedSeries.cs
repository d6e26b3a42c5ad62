using System.Collections;
using RotationAnalytics.Domain.Errors;

namespace RotationAnalytics.Domain.Series;

/// <summary>
/// A series checked once by <see cref="PriceSeries.Validate"/> and copied, so nothing can change it afterwards.
/// Every computation accepts it wherever it accepts bars and skips the per-call validation pass, which for a group
/// is most of the work (reading 63k bars of 12 series costs more than a whole 11 × 14 performance table). Meant
/// for callers that keep series across requests, e.g. bars cached per data version.
/// </summary>
public sealed class ValidatedSeries : IReadOnlyList<PriceBar>
{
    private readonly PriceBar[] _bars;

    private ValidatedSeries(PriceBar[] bars) => _bars = bars;

    public int Count => _bars.Length;

    public ReadOnlySpan<PriceBar> Span => _bars;

    public PriceBar this[int index] => _bars[index];

    /// <summary>Validates <paramref name="bars"/> (errors name <paramref name="input"/>) and keeps a private copy.</summary>
    public static DomainResult<ValidatedSeries> Create(IReadOnlyList<PriceBar> bars, DomainInput input = DomainInput.Series)
    {
        if (bars is ValidatedSeries validated)
        {
            return validated;
        }

        return PriceSeries.Validate(bars, input, out var span) is { } error ? error : new ValidatedSeries(span.ToArray());
    }

    public IEnumerator<PriceBar> GetEnumerator() => ((IEnumerable<PriceBar>)_bars).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
