using RotationAnalytics.Domain.Breadth;

namespace RotationAnalytics.Api.Contracts;

/// <summary>Breadth of an instrument group over a date or window (SPEC §3.4).</summary>
public sealed record SectorBreadthResponse(
    string Group,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<BreadthMemberItem> Members,
    int Advancers,
    int Decliners,
    int Unchanged,
    int MembersWithoutReturn,
    IReadOnlyList<AdvanceDeclineItem> AdvanceDeclineLine,
    MovingAverageBreadthResponse AboveSma50,
    MovingAverageBreadthResponse AboveSma200,
    double Dispersion,
    BreadthLeaderResponse Leader,
    BreadthLeaderResponse Laggard,
    IReadOnlyList<SuperSectorItem> SuperSectors,
    double? CyclicalMinusDefensive,
    string Methodology,
    IReadOnlyList<SourceResponse> Sources);

/// <summary>A member's window return (null when it has no bar in the window or no base before it) and rank (1 = best).</summary>
public sealed record BreadthMemberItem(
    string Symbol,
    string? Sector,
    SuperSector? SuperSector,
    double? Return,
    PricePointResponse? Base,
    PricePointResponse? End,
    int? TradingDays,
    int? Rank,
    bool? AboveSma50,
    bool? AboveSma200,
    IReadOnlyList<long> SourceIds);

public sealed record AdvanceDeclineItem(DateOnly Date, int Advancers, int Decliners, int Unchanged, int Cumulative);

/// <summary>Members above their N-day simple moving average; members with fewer than N closes are excluded and counted.</summary>
public sealed record MovingAverageBreadthResponse(int Period, int Above, int Eligible, int Excluded, double? PercentAbove);

public sealed record BreadthLeaderResponse(string Symbol, double? Return);

public sealed record SuperSectorItem(SuperSector SuperSector, double MeanReturn, int MemberCount);
