namespace RotationAnalytics.Domain.Breadth;

/// <summary>
/// How many members close above their <see cref="Period"/>-day simple moving average (the mean of the last
/// Period closes, that day's included) on their last bar ≤ to; members with fewer closes are excluded and counted.
/// </summary>
public sealed record MovingAverageBreadth(int Period, int Above, int Eligible, int Excluded)
{
    /// <summary>Percentage (0–100) of eligible members above the average; null when no member is eligible.</summary>
    public double? PercentAbove => Eligible == 0 ? null : 100.0 * Above / Eligible;
}
