namespace RotationAnalytics.Domain.Indicators;

/// <summary>An RSI value with its zone, as the API serves it; both null during the warm-up.</summary>
public readonly record struct RsiReading(DateOnly Date, double? Rsi, RsiZone? Zone);
