namespace RotationAnalytics.Domain.Aftermath;

/// <summary>
/// One horizon over the events complete for it (<see cref="Count"/>; the figures are null when it is 0): mean and
/// median forward excess (median of an even count = mean of the two middle values), share of events with forward
/// excess &gt; 0, minimum and maximum forward excess, and the mean forward return of the symbol.
/// </summary>
public sealed record AftermathSummary(
    int Horizon,
    int Count,
    double? MeanExcessReturn,
    double? MedianExcessReturn,
    double? ShareOutperforming,
    double? MinExcessReturn,
    double? MaxExcessReturn,
    double? MeanReturn);
