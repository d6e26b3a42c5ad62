namespace RotationAnalytics.Domain.Streaks;

/// <summary>
/// A maximal run of consecutive wins or losses of A against B (SPEC §3.2). Over the run days s..e:
/// <see cref="CumulativeExcessReturn"/> = (Π(1+rA) − 1) − (Π(1+rB) − 1), i.e. A's compounded return over the run
/// minus B's (computed as CA(e)/CA(s−1) − CB(e)/CB(s−1), the same quantity);
/// <see cref="AverageDailyExcessReturn"/> = arithmetic mean of rA(t) − rB(t) over the run days.
/// </summary>
public readonly record struct OutperformanceStreak(
    StreakDirection Direction,
    int Length,
    DateOnly StartDate,
    DateOnly EndDate,
    double CumulativeExcessReturn,
    double AverageDailyExcessReturn);
