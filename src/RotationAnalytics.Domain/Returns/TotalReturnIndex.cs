using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Returns;

/// <summary>
/// A series re-expressed as a total-return index (SPEC §2): TR(first) = C(first), TR(t) = TR(t−1)·g(t), and every price
/// of day t scaled by TR(t)/C(t), so window, daily and open-based returns computed on these bars are total returns with
/// the same code that computes price returns. <see cref="Sources"/>[t] says what g(t) rests on; index 0 has no growth.
/// </summary>
public sealed record TotalReturnIndex(PriceBar[] Bars, TotalReturnSource[] Sources)
{
    /// <summary>
    /// g(t) from the best information of day t: stored dividends when its source reports them — (C(t) + D(t))/C(t−1) —
    /// else the provider's adjusted closes A(t)/A(t−1) when both are known, else the price return, marked
    /// <see cref="TotalReturnSource.Unavailable"/> so that no caller passes it off as a total return.
    /// </summary>
    /// <param name="bars">The validated series, ascending by date.</param>
    /// <param name="days">Dividend information per bar, same length and order.</param>
    public static TotalReturnIndex Build(ReadOnlySpan<PriceBar> bars, ReadOnlySpan<TotalReturnDay> days)
    {
        if (bars.Length != days.Length)
        {
            throw new ArgumentException($"{days.Length} dividend days for {bars.Length} bars.", nameof(days));
        }

        var result = new PriceBar[bars.Length];
        var sources = new TotalReturnSource[bars.Length];
        var level = 0.0;
        for (var t = 0; t < bars.Length; t++)
        {
            var bar = bars[t];
            if (t == 0)
            {
                level = bar.Close;
            }
            else if (days[t].DividendsReported)
            {
                level *= (bar.Close + days[t].Dividend) / bars[t - 1].Close;
                sources[t] = TotalReturnSource.Dividends;
            }
            else if (days[t].AdjustedClose > 0 && days[t - 1].AdjustedClose > 0 && double.IsFinite(days[t].AdjustedClose) && double.IsFinite(days[t - 1].AdjustedClose))
            {
                level *= days[t].AdjustedClose / days[t - 1].AdjustedClose;
                sources[t] = TotalReturnSource.AdjustedClose;
            }
            else
            {
                level *= bar.Close / bars[t - 1].Close;
            }

            var scale = level / bar.Close;
            result[t] = new PriceBar(bar.Date, bar.Open * scale, bar.High * scale, bar.Low * scale, level);
        }

        return new TotalReturnIndex(result, sources);
    }
}
