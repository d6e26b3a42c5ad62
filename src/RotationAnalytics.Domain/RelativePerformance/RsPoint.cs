namespace RotationAnalytics.Domain.RelativePerformance;

/// <summary>One point of a relative-strength line: 100 = same performance as the benchmark since the base.</summary>
public readonly record struct RsPoint(DateOnly Date, double Value);
