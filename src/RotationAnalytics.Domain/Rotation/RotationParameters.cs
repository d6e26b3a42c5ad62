namespace RotationAnalytics.Domain.Rotation;

/// <summary>
/// How a rotation path is computed (SPEC §3.6): the interval, the RS-Ratio and RS-Momentum windows and the
/// momentum lag (the number of intervals over which RS-Ratio's rate of change is taken), all counted in intervals.
/// </summary>
public sealed record RotationParameters(RotationInterval Interval, int RatioWindow, int MomentumWindow, int MomentumLag)
{
    /// <summary>
    /// The endpoint's defaults: weekly points, RS-Ratio over 52 weeks (a year), RS-Momentum over 13 weeks (a
    /// quarter), rate of change over 5 weeks. The old daily form (63/21 days, one-day rate of change) changed
    /// quadrant on 17 of the 38 day-to-day steps of IWM vs SPY in January–February 2026; these change twice
    /// (leading through the January small-cap run, weakening from early February). Measurement in docs/domain.md.
    /// </summary>
    public static RotationParameters Default { get; } = new(RotationInterval.Week, 52, 13, 5);

    /// <summary>
    /// Index of the first complete point (intervals of history a point needs before it, i.e. the static lookback a
    /// caller cites): ratioWindow − 1 to fill the ratio, + lag for its first rate of change, + momentumWindow − 1.
    /// </summary>
    public int FirstCompleteIndex => RatioWindow - 1 + MomentumLag + MomentumWindow - 1;
}
