using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Api.Contracts;

/// <summary>
/// What followed earlier streaks like the current one (SPEC §3.8; shape fixed by SPEC §5). <c>direction</c> and
/// <c>minLength</c> are the values used (after defaults), <c>horizons</c> in trading days of the pair's common dates.
/// <c>events</c> is one page, oldest first (<c>page</c>, <c>pageSize</c>, <c>totalEvents</c>); <c>summary</c> always covers
/// every event and is keyed by horizon. <c>current</c> is the streak running on asOf (never an event; it sets the
/// defaults). <c>sourceIds</c> cite the whole compared history, which the choice of events rests on.
/// </summary>
public sealed record StreakAftermathResponse(
    string Symbol,
    string Benchmark,
    DateOnly AsOf,
    ReturnType ReturnType,
    StreakDirection Direction,
    int MinLength,
    IReadOnlyList<int> Horizons,
    AftermathCurrentResponse? Current,
    IReadOnlyList<AftermathEventResponse> Events,
    int Page,
    int PageSize,
    int TotalEvents,
    IReadOnlyDictionary<string, AftermathSummaryResponse> Summary,
    CommonDatesResponse CommonDates,
    IReadOnlyList<long> SourceIds,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

public sealed record AftermathCurrentResponse(StreakDirection Direction, int Length, DateOnly StartDate, DateOnly EndDate);

/// <summary>
/// A completed streak and its forward returns keyed by horizon: null when the h-th common date after its end lies after
/// asOf (incomplete, never filled with later data). <c>sourceIds</c> cite the run and the closes after it that were used.
/// </summary>
public sealed record AftermathEventResponse(
    DateOnly StartDate,
    DateOnly EndDate,
    int Length,
    double CumulativeExcessReturn,
    IReadOnlyDictionary<string, AftermathForwardResponse?> Forward,
    IReadOnlyList<long> SourceIds);

/// <summary>From the event's last close to the close <c>date</c> (e+h): the symbol's return, the benchmark's, and the excess.</summary>
public sealed record AftermathForwardResponse(DateOnly Date, double Return, double BenchmarkReturn, double ExcessReturn);

/// <summary>One horizon over the events complete for it; the figures are null when <c>count</c> is 0.</summary>
public sealed record AftermathSummaryResponse(
    int Count,
    double? MeanExcessReturn,
    double? MedianExcessReturn,
    double? ShareOutperforming,
    double? MinExcessReturn,
    double? MaxExcessReturn,
    double? MeanReturn);
