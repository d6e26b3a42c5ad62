using RotationAnalytics.Domain.Returns;

namespace RotationAnalytics.Api.Contracts;

/// <summary>
/// Returns over several horizons of instruments and their benchmark as of a date (SPEC §3.7; shape fixed by SPEC §5).
/// <c>horizons</c> are the SPEC codes in the order requested; each row's <c>returns</c> is keyed by them.
/// <c>benchmarkPerformance</c> is the benchmark's own row (its base dates and returns), which every excess refers to.
/// </summary>
public sealed record PerformanceResponse(
    string Benchmark,
    DateOnly AsOf,
    ReturnType ReturnType,
    IReadOnlyList<string> Horizons,
    IReadOnlyList<PerformanceRowResponse> Rows,
    PerformanceRowResponse BenchmarkPerformance,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

/// <summary>
/// One instrument: E = its last trading date on or before asOf and its close (<c>endDate</c>, <c>endPrice</c>). When the
/// instrument has no bar by asOf (it did not exist yet) these and <c>returns</c> are null and <c>unavailable</c> says why.
/// </summary>
public sealed record PerformanceRowResponse(
    string Symbol,
    DateOnly? EndDate,
    double? EndPrice,
    IReadOnlyDictionary<string, PerformanceCellResponse>? Returns,
    string? Unavailable,
    IReadOnlyList<long> SourceIds);

/// <summary>
/// One horizon of one instrument. <c>baseLimit</c> is the rule applied (the base is the close of the last trading date
/// on or before it; null for MAX, whose base is the first stored close). When history is too short the base and return
/// are null and <c>unavailable</c> gives the reason; the benchmark's return is still given. <c>annualized</c> only for
/// 1Y and longer; <c>rank</c> among the listed instruments (1 = highest return, ties share a rank, nulls unranked).
/// </summary>
public sealed record PerformanceCellResponse(
    DateOnly? BaseLimit,
    DateOnly? BaseDate,
    double? BasePrice,
    double? Return,
    double? Annualized,
    double? BenchmarkReturn,
    double? ExcessReturn,
    int? Rank,
    string? Unavailable);
