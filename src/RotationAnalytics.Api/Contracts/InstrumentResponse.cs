namespace RotationAnalytics.Api.Contracts;

/// <summary>An instrument with its stored-data coverage (SPEC §5).</summary>
public sealed record InstrumentResponse(
    string Symbol,
    string Name,
    string Kind,
    string Currency,
    string? Sector,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Aliases,
    CoverageResponse Coverage);

/// <summary>What is stored for an instrument: dates are null and counts zero until data arrives.</summary>
public sealed record CoverageResponse(DateOnly? FirstDate, DateOnly? LastDate, int BarCount, int FlaggedBars);
