using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Returns;

/// <summary>Close-to-close return r(t) = C(t)/C(t−1) − 1 of a trading date against the previous one (SPEC §2).</summary>
public readonly record struct DailyReturn(DateOnly Date, double Return)
{
    /// <summary>The single definition every metric uses, so all of them agree to the last bit.</summary>
    public static double Between(double previousClose, double close) => (close / previousClose) - 1;

    /// <summary>Daily returns of every date after the first (a series of n bars gives n − 1 returns).</summary>
    public static DomainResult<DailyReturn[]> Compute(IReadOnlyList<PriceBar> bars)
    {
        if (PriceSeries.Validate(bars, DomainInput.Series, out var span) is { } error)
        {
            return error;
        }

        var returns = new DailyReturn[Math.Max(0, span.Length - 1)];
        for (var i = 1; i < span.Length; i++)
        {
            returns[i - 1] = new DailyReturn(span[i].Date, Between(span[i - 1].Close, span[i].Close));
        }

        return returns;
    }
}
