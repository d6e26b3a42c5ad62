namespace RotationAnalytics.Domain.Breadth;

/// <summary>Equal-weight mean of the window returns of the members of one super-sector that have a return.</summary>
public sealed record SuperSectorReturn(SuperSector SuperSector, double MeanReturn, int MemberCount);
