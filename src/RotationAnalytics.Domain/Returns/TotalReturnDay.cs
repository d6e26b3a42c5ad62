namespace RotationAnalytics.Domain.Returns;

/// <summary>
/// What is known about dividends on one trading day of a series: whether its source reports dividends (so a missing one
/// means none went ex), the cash dividend going ex that day, and the provider's dividend-adjusted close (NaN when none).
/// </summary>
public readonly record struct TotalReturnDay(bool DividendsReported, double Dividend, double AdjustedClose);
