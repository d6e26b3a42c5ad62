using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Horizons;

/// <summary>
/// One instrument's return over one horizon (SPEC §3.7). <see cref="BaseLimit"/> is the rule applied: the base is
/// the close of the last trading date on or before it (null for MAX: the first stored close). <see cref="Base"/>,
/// <see cref="Return"/> are null when no bar lies on or before the limit, with <see cref="Unavailable"/> saying so.
/// <see cref="Annualized"/> = (1 + return)^(1/years) − 1 for 1Y and longer, else null. The benchmark figures and
/// the competition <see cref="Rank"/> (1 = highest return, equal returns share a rank, nulls unranked) are filled
/// by <see cref="MultiHorizonPerformance.Table"/> and null from <see cref="MultiHorizonPerformance.Compute"/>.
/// </summary>
public sealed record HorizonReturn(
    PerformanceHorizon Horizon,
    DateOnly? BaseLimit,
    PricePoint? Base,
    double? Return,
    double? Annualized,
    double? BenchmarkReturn,
    double? ExcessReturn,
    int? Rank,
    string? Unavailable);
