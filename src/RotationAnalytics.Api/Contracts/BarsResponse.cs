namespace RotationAnalytics.Api.Contracts;

/// <summary>Stored daily bars of one instrument, each with the source batch it came from.</summary>
public sealed record BarsResponse(
    string Symbol,
    DateOnly From,
    DateOnly To,
    int Count,
    IReadOnlyList<BarItem> Bars,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

/// <summary>A stored bar; <c>flags</c> lists soft anomalies (SPEC §1) — the bar is kept and used.</summary>
public sealed record BarItem(
    DateOnly Date,
    double Open,
    double High,
    double Low,
    double Close,
    double? AdjustedClose,
    double? Volume,
    IReadOnlyList<string> Flags,
    long SourceId);
