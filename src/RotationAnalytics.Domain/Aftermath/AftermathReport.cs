using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Domain.Aftermath;

/// <summary>
/// The event study of SPEC §3.8 as of <see cref="AsOf"/> (the last common date ≤ the requested one), with the
/// <see cref="Direction"/> and <see cref="MinLength"/> actually used (after defaults) and the horizons in trading
/// days. <see cref="Current"/> is the streak running on AsOf (never an event). <see cref="Events"/> oldest first;
/// <see cref="Summary"/>[i] is for Horizons[i].
/// </summary>
public sealed record AftermathReport(
    DateOnly AsOf,
    StreakDirection Direction,
    int MinLength,
    int[] Horizons,
    CurrentStreak? Current,
    AftermathEvent[] Events,
    AftermathSummary[] Summary,
    CommonDates CommonDates);
