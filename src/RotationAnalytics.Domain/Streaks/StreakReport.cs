using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Streaks;

/// <summary>
/// Everything SPEC §3.2 reports for a pair as of a date. <see cref="AsOf"/> is the last common date ≤ the
/// requested one. <see cref="Current"/> is null when the last day is an exact tie (a tie ends every streak).
/// <see cref="LongestOutperform"/>/<see cref="LongestUnderperform"/> are the record streaks (the most recent
/// one when several share the record length). <see cref="History"/> holds every streak (the current one
/// included) of length ≥ minLength, longest first, equal lengths most recent first; the caller pages it — or asks
/// <c>StreakAnalysis.Analyze</c> for one page only, in which case <see cref="History"/> is that page and
/// <see cref="HistoryTotal"/> the number of streaks in the full history (otherwise equal to History.Length).
/// </summary>
public sealed record StreakReport(
    DateOnly AsOf,
    CurrentStreak? Current,
    OutperformanceStreak? LongestOutperform,
    OutperformanceStreak? LongestUnderperform,
    OutperformanceStreak[] History,
    CommonDates CommonDates)
{
    /// <summary>Number of streaks in the full history; equals History.Length unless only a page was requested.</summary>
    public int HistoryTotal { get; init; } = History.Length;
}
