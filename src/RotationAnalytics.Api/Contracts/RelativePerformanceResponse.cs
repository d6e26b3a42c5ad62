using RotationAnalytics.Domain.Returns;

namespace RotationAnalytics.Api.Contracts;

/// <summary>Symbols against a benchmark over a window (SPEC §3.1; shape fixed by SPEC §5).</summary>
public sealed record RelativePerformanceResponse(
    string Benchmark,
    DateOnly From,
    DateOnly To,
    PriceBasis Basis,
    ReturnType ReturnType,
    IReadOnlyList<RelativePerformanceItem> Results,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

/// <summary>
/// One symbol's window. <c>base</c>/<c>end</c> echo the dates and prices used (SPEC §2); the benchmark's are in
/// <c>benchmarkBase</c>/<c>benchmarkEnd</c>. <c>rsLine</c> is present when requested with rsLine=true.
/// </summary>
public sealed record RelativePerformanceItem(
    string Symbol,
    PricePointResponse Base,
    PricePointResponse End,
    PricePointResponse BenchmarkBase,
    PricePointResponse BenchmarkEnd,
    double Return,
    double BenchmarkReturn,
    double ExcessReturn,
    double RatioReturn,
    int TradingDays,
    double AverageDailyExcessReturn,
    int OutperformingDays,
    double OutperformingShare,
    CommonDatesResponse CommonDates,
    IReadOnlyList<RsPointResponse>? RsLine,
    IReadOnlyList<long> SourceIds);

public sealed record PricePointResponse(DateOnly Date, double Price);

public sealed record RsPointResponse(DateOnly Date, double Rs);
