using RotationAnalytics.Domain.Returns;

namespace RotationAnalytics.Domain.Breadth;

/// <summary>
/// One member's part of a breadth report. <see cref="Window"/> (its SPEC §2 window return) and <see cref="Rank"/>
/// are null when the member has no trading day in the window or no base close before it. AboveSma50/200 are
/// null when the member lacks that many closes up to its last bar ≤ to.
/// </summary>
public sealed record MemberBreadth(
    string Symbol,
    string? Sector,
    SuperSector? SuperSector,
    WindowReturn? Window,
    int? Rank,
    bool? AboveSma50,
    bool? AboveSma200);
