namespace RotationAnalytics.Api.Contracts;

/// <summary>
/// Record closes of one instrument (SPEC §3.5): closes above every earlier stored close, those dated in the window,
/// the all-time high as of <c>to</c>, the days since it and the drawdown from it.
/// </summary>
public sealed record RecordHighsResponse(
    string Symbol,
    DateOnly From,
    DateOnly To,
    int RecordCount,
    IReadOnlyList<PricePointResponse> Records,
    PricePointResponse AllTimeHigh,
    PricePointResponse End,
    int TradingDaysSinceHigh,
    int CalendarDaysSinceHigh,
    double Drawdown,
    IReadOnlyList<long> SourceIds,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);
