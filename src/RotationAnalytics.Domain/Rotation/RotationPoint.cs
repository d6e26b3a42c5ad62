namespace RotationAnalytics.Domain.Rotation;

/// <summary>
/// One date of a rotation path; ratio and momentum are null until their trailing windows are full, and the
/// quadrant is null then or when a coordinate lies exactly on the 100 axis (it belongs to no quadrant).
/// </summary>
public readonly record struct RotationPoint(DateOnly Date, double? RsRatio, double? RsMomentum, RotationQuadrant? Quadrant)
{
    public static RotationQuadrant? QuadrantOf(double? ratio, double? momentum) => (ratio, momentum) switch
    {
        ( > 100, > 100) => RotationQuadrant.Leading,
        ( > 100, < 100) => RotationQuadrant.Weakening,
        ( < 100, < 100) => RotationQuadrant.Lagging,
        ( < 100, > 100) => RotationQuadrant.Improving,
        _ => null,
    };
}
