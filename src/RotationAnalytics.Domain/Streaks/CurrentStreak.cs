namespace RotationAnalytics.Domain.Streaks;

/// <summary>
/// The streak running on the <c>asOf</c> date, placed among the streaks of its direction up to <c>asOf</c>.
/// <see cref="Rank"/> = 1 + number of streaks of the same direction strictly longer (competition rank);
/// <see cref="IsRecord"/>: longer than every earlier streak of that direction (true for the first one ever);
/// <see cref="TiesRecord"/>: earlier streaks exist and the longest of them is exactly as long;
/// <see cref="PreviousAtLeastAsLong"/>: the most recent earlier streak of that direction at least as long
/// ("longest since …"), null when none.
/// </summary>
public sealed record CurrentStreak(
    OutperformanceStreak Streak,
    int Rank,
    bool IsRecord,
    bool TiesRecord,
    OutperformanceStreak? PreviousAtLeastAsLong);
