using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Api.Contracts;

/// <summary>Outperformance streaks of a symbol against a benchmark as of a date (SPEC §3.2, shape fixed by SPEC §5).</summary>
public sealed record StreakResponse(
    string Symbol,
    string Benchmark,
    DateOnly AsOf,
    ReturnType ReturnType,
    CurrentStreakResponse? Current,
    StreakRecordsResponse Records,
    StreakHistoryResponse History,
    CommonDatesResponse CommonDates,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

/// <summary>The streak running on asOf; null in the response when asOf itself was an exact tie.</summary>
public sealed record CurrentStreakResponse(
    StreakDirection Direction,
    int Length,
    DateOnly StartDate,
    DateOnly EndDate,
    double CumulativeExcessReturn,
    double AverageDailyExcessReturn,
    int Rank,
    bool IsRecord,
    bool TiesRecord,
    StreakSpanResponse? PreviousAtLeastAsLong,
    IReadOnlyList<long> SourceIds);

public sealed record StreakSpanResponse(int Length, DateOnly StartDate, DateOnly EndDate);

/// <summary>The longest streak of each direction up to asOf (the most recent one when several share the length).</summary>
public sealed record StreakRecordsResponse(StreakRecordResponse? Outperform, StreakRecordResponse? Underperform);

public sealed record StreakRecordResponse(int Length, DateOnly StartDate, DateOnly EndDate, double CumulativeExcessReturn, IReadOnlyList<long> SourceIds);

/// <summary>Streaks of at least minLength, longest first (equal lengths: most recent first), paged.</summary>
public sealed record StreakHistoryResponse(IReadOnlyList<StreakItemResponse> Items, int Page, int PageSize, int Total, IReadOnlyList<long> SourceIds);

public sealed record StreakItemResponse(
    StreakDirection Direction, int Length, DateOnly StartDate, DateOnly EndDate, double CumulativeExcessReturn, IReadOnlyList<long> SourceIds);

/// <summary>The common trading dates used; <c>skipped</c> counts dates inside that span missing from one of the series.</summary>
public sealed record CommonDatesResponse(DateOnly First, DateOnly Last, int Count, int Skipped);
