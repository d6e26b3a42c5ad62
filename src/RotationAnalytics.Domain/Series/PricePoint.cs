namespace RotationAnalytics.Domain.Series;

/// <summary>A price actually used by a computation, echoed so responses show their inputs.</summary>
public readonly record struct PricePoint(DateOnly Date, double Price);
