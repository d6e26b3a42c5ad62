using RotationAnalytics.Domain.Rotation;

namespace RotationAnalytics.Api.Contracts;

/// <summary>RRG-style rotation of symbols against a benchmark as of a date (SPEC §3.6).</summary>
public sealed record RotationResponse(
    string Benchmark,
    DateOnly AsOf,
    int RatioWindow,
    int MomentumWindow,
    IReadOnlyList<RotationItem> Items,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

/// <summary>One symbol: its latest point and the tail of the last points (oldest first, ending with the latest).</summary>
public sealed record RotationItem(string Symbol, RotationPointResponse Latest, IReadOnlyList<RotationPointResponse> Tail, IReadOnlyList<long> SourceIds);

/// <summary>RS-Ratio and RS-Momentum around 100; the quadrant is null for a point exactly on an axis.</summary>
public sealed record RotationPointResponse(DateOnly Date, double RsRatio, double RsMomentum, RotationQuadrant? Quadrant);
