namespace RotationAnalytics.Domain.Horizons;

/// <summary>
/// A multi-horizon performance column (SPEC §3.7), declared in the SPEC's default order. The wire codes
/// (<c>1D</c>, <c>WTD</c>, …) are given by <see cref="PerformanceHorizons.Code"/> and parsed by
/// <see cref="PerformanceHorizons.Parse"/>; the member names are only for C# readers.
/// </summary>
public enum PerformanceHorizon
{
    /// <summary><c>1D</c>: base = the trading date before E.</summary>
    OneDay,

    /// <summary><c>1W</c>: base = the last trading date ≤ E − 7 days.</summary>
    OneWeek,

    /// <summary><c>WTD</c>: base = the last trading date before the Monday of E's week.</summary>
    WeekToDate,

    /// <summary><c>MTD</c>: base = the last trading date before the 1st of E's month.</summary>
    MonthToDate,

    /// <summary><c>1M</c>: base = the last trading date ≤ E − 1 month (day number clamped to the month's end).</summary>
    OneMonth,

    /// <summary><c>QTD</c>: base = the last trading date before the 1st of E's quarter.</summary>
    QuarterToDate,

    /// <summary><c>3M</c>.</summary>
    ThreeMonths,

    /// <summary><c>6M</c>.</summary>
    SixMonths,

    /// <summary><c>YTD</c>: base = the last trading date before January 1 of E's year.</summary>
    YearToDate,

    /// <summary><c>1Y</c>: base = the last trading date ≤ E − 1 year (Feb 29 → Feb 28); annualized over 1 year.</summary>
    OneYear,

    /// <summary><c>3Y</c>, annualized over 3 years.</summary>
    ThreeYears,

    /// <summary><c>5Y</c>, annualized over 5 years.</summary>
    FiveYears,

    /// <summary><c>10Y</c>, annualized over 10 years.</summary>
    TenYears,

    /// <summary><c>MAX</c>: base = the first stored close; annualized over (E − first date) days / 365.25.</summary>
    Max,
}
