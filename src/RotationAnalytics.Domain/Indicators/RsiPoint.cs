namespace RotationAnalytics.Domain.Indicators;

/// <summary>RSI on one date; null during the warm-up (the first N dates of the history).</summary>
public readonly record struct RsiPoint(DateOnly Date, double? Rsi);
