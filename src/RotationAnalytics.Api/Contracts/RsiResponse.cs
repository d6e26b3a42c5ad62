using RotationAnalytics.Domain.Indicators;

namespace RotationAnalytics.Api.Contracts;

/// <summary>Wilder's RSI of one instrument over a window (SPEC §3.3); warm-up values are null.</summary>
public sealed record RsiResponse(
    string Symbol,
    int Period,
    double Overbought,
    double Oversold,
    DateOnly From,
    DateOnly To,
    RsiItem? Latest,
    IReadOnlyList<RsiItem> Series,
    IReadOnlyList<long> SourceIds,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

public sealed record RsiItem(DateOnly Date, double? Rsi, RsiZone? Zone);
