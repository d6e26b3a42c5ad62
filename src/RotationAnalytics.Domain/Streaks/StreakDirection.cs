namespace RotationAnalytics.Domain.Streaks;

/// <summary>Whether a streak is a run of wins (A beat B every day) or of losses.</summary>
public enum StreakDirection
{
    Outperform,
    Underperform,
}
