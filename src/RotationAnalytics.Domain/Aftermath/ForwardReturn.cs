namespace RotationAnalytics.Domain.Aftermath;

/// <summary>
/// What followed one event over one horizon h: <see cref="Date"/> = e+h, the h-th common date after the event's end
/// e; <see cref="Return"/> = CA(e+h)/CA(e) − 1, <see cref="BenchmarkReturn"/> likewise for B,
/// <see cref="ExcessReturn"/> = their difference.
/// </summary>
public readonly record struct ForwardReturn(DateOnly Date, double Return, double BenchmarkReturn, double ExcessReturn);
