using RotationAnalytics.Domain.Returns;

namespace RotationAnalytics.Api.Contracts;

/// <summary>Correlation and beta of daily returns against a benchmark (SPEC §3.9; shape fixed by SPEC §5).</summary>
public sealed record CorrelationResponse(
    string Benchmark,
    DateOnly From,
    DateOnly To,
    int Window,
    ReturnType ReturnType,
    IReadOnlyList<CorrelationItem> Results,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

/// <summary>
/// One symbol over the <c>returns</c> daily returns dated in [from, to] (the first dated <c>firstReturnDate</c>):
/// Pearson correlation and beta = cov/var(benchmark), null when a series does not vary. <c>series</c> has one point per
/// return date, over the trailing <c>window</c> returns ending there (which may reach before from; null until
/// <c>window</c> returns exist). <c>sourceIds</c> cite every close used, the trailing windows' included.
/// </summary>
public sealed record CorrelationItem(
    string Symbol,
    double? Correlation,
    double? Beta,
    int Returns,
    DateOnly FirstReturnDate,
    DateOnly LastReturnDate,
    IReadOnlyList<CorrelationPointResponse> Series,
    CommonDatesResponse CommonDates,
    IReadOnlyList<long> SourceIds);

public sealed record CorrelationPointResponse(DateOnly Date, double? Correlation, double? Beta);
