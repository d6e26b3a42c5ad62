namespace RotationAnalytics.Api.Contracts;

/// <summary>An instrument with its stored-data coverage (SPEC §5).</summary>
/// <param name="Retired">True once an admin retired it: no longer pulled; its bars still answer queries.</param>
/// <param name="RetiredAt">When it was retired, else null.</param>
public sealed record InstrumentResponse(
    string Symbol,
    string Name,
    string Kind,
    string Currency,
    string? Sector,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Aliases,
    CoverageResponse Coverage,
    bool Retired,
    DateTimeOffset? RetiredAt);

/// <summary>What is stored for an instrument: dates are null and counts zero until data arrives.</summary>
public sealed record CoverageResponse(DateOnly? FirstDate, DateOnly? LastDate, int BarCount, int FlaggedBars);
