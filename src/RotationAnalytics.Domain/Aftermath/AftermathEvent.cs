using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Domain.Aftermath;

/// <summary>
/// A completed streak and what followed it: <see cref="Forward"/>[i] is for the report's Horizons[i], null when
/// e+h lies after asOf (the event is incomplete for that horizon; later data is never used).
/// <see cref="EndIndex"/> is e's index in the pair's common dates, so a caller can cite the closes used.
/// </summary>
public sealed record AftermathEvent(OutperformanceStreak Streak, int EndIndex, ForwardReturn?[] Forward);
