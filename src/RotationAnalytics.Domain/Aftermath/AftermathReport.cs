using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Domain.Aftermath;

/// <summary>
/// The event study of SPEC §3.8 as of <see cref="AsOf"/> (the last common date ≤ the requested one), with the
/// <see cref="Direction"/> and <see cref="MinLength"/> actually used (after defaults) and the horizons in trading
/// days. <see cref="Current"/> is the streak running on AsOf (never an event). <see cref="Events"/> oldest first
/// (all of them, or the page asked for; <see cref="EventsTotal"/> is the full count); <see cref="Summary"/>[i] is
/// for Horizons[i], always over every event.
/// </summary>
public sealed record AftermathReport(
    DateOnly AsOf,
    StreakDirection Direction,
    int MinLength,
    int[] Horizons,
    CurrentStreak? Current,
    AftermathEvent[] Events,
    AftermathSummary[] Summary,
    CommonDates CommonDates)
{
    /// <summary>Number of events in the full list; equals Events.Length unless only a page was requested.</summary>
    public int EventsTotal { get; init; } = Events.Length;
}
