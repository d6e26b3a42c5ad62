namespace RotationAnalytics.Domain.Streaks;

/// <summary>Which completed streaks a caller wants, chosen once the current streak is known.</summary>
internal readonly record struct CompletedStreakFilter(StreakDirection Direction, int MinLength);

/// <summary>
/// The completed streaks matching <see cref="Filter"/>, oldest first: <see cref="EndIndexes"/>[i] is the index of
/// the i-th one's last day in the pair's common dates (all of them); <see cref="Streaks"/> materialises positions
/// <see cref="FirstListed"/>.. of that list (a page).
/// </summary>
internal sealed record CompletedStreaks(CompletedStreakFilter Filter, OutperformanceStreak[] Streaks, int FirstListed, int[] EndIndexes);
