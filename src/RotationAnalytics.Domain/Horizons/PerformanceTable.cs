namespace RotationAnalytics.Domain.Horizons;

/// <summary>
/// SPEC §3.7 for a list of instruments against a benchmark: <see cref="Benchmark"/> is the benchmark's own
/// performance (computed the same way from its bars), <see cref="Rows"/> one per member in the order given.
/// </summary>
public sealed record PerformanceTable(DateOnly AsOf, PerformanceHorizon[] Horizons, HorizonPerformance Benchmark, PerformanceRow[] Rows);

/// <summary>
/// A member's row. <see cref="Performance"/> is null when the member has no bar on or before asOf (it did not exist
/// yet), with <see cref="Unavailable"/> saying so; such a member is in no ranking.
/// </summary>
public sealed record PerformanceRow(string Symbol, HorizonPerformance? Performance, string? Unavailable);
