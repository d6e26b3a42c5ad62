namespace RotationAnalytics.Domain.Breadth;

/// <summary>
/// Breadth of a group over [From, To] (SPEC §3.4). Counts, dispersion, leader/laggard and aggregates use the
/// members that have a window return (<see cref="MembersWithoutReturn"/> counts the others).
/// <see cref="Dispersion"/> is the population standard deviation of those returns. Leader/laggard: best/worst
/// return, ties to the member listed first. <see cref="CyclicalMinusDefensive"/> is null unless both
/// super-sectors have members with returns.
/// </summary>
public sealed record SectorBreadthReport(
    DateOnly From,
    DateOnly To,
    MemberBreadth[] Members,
    int Advancers,
    int Decliners,
    int Unchanged,
    int MembersWithoutReturn,
    AdvanceDeclinePoint[] AdvanceDeclineLine,
    MovingAverageBreadth AboveSma50,
    MovingAverageBreadth AboveSma200,
    double Dispersion,
    MemberBreadth Leader,
    MemberBreadth Laggard,
    SuperSectorReturn[] SuperSectors,
    double? CyclicalMinusDefensive);
