namespace RotationAnalytics.Domain.Breadth;

/// <summary>Morningstar super-sectors grouping the GICS sectors (SPEC §3.4).</summary>
public enum SuperSector
{
    Cyclical,
    Sensitive,
    Defensive,
}
