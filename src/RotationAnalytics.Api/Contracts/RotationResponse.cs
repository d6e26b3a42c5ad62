using RotationAnalytics.Domain.Rotation;

namespace RotationAnalytics.Api.Contracts;

/// <summary>
/// RRG-style rotation of symbols against a benchmark as of a date (SPEC §3.6), with the parameters used: the interval of
/// the points, and the windows and momentum lag counted in those intervals.
/// </summary>
public sealed record RotationResponse(
    string Benchmark,
    DateOnly AsOf,
    RotationInterval Interval,
    int RatioWindow,
    int MomentumWindow,
    int MomentumLag,
    IReadOnlyList<RotationItem> Items,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

/// <summary>One symbol: its latest point and the tail of the last points (oldest first, ending with the latest).</summary>
public sealed record RotationItem(string Symbol, RotationPointResponse Latest, IReadOnlyList<RotationPointResponse> Tail, IReadOnlyList<long> SourceIds);

/// <summary>RS-Ratio and RS-Momentum around 100; the quadrant is null for a point exactly on an axis.</summary>
public sealed record RotationPointResponse(DateOnly Date, double RsRatio, double RsMomentum, RotationQuadrant? Quadrant);
