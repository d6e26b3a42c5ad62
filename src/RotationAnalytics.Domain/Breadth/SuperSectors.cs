namespace RotationAnalytics.Domain.Breadth;

/// <summary>Maps a GICS sector name (case-insensitive, surrounding spaces ignored) to its super-sector.</summary>
public static class SuperSectors
{
    private static readonly Dictionary<string, SuperSector> ByGicsSector = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Materials"] = SuperSector.Cyclical,
        ["Consumer Discretionary"] = SuperSector.Cyclical,
        ["Financials"] = SuperSector.Cyclical,
        ["Real Estate"] = SuperSector.Cyclical,
        ["Communication Services"] = SuperSector.Sensitive,
        ["Energy"] = SuperSector.Sensitive,
        ["Industrials"] = SuperSector.Sensitive,
        ["Information Technology"] = SuperSector.Sensitive,
        ["Consumer Staples"] = SuperSector.Defensive,
        ["Health Care"] = SuperSector.Defensive,
        ["Utilities"] = SuperSector.Defensive,
    };

    /// <summary>True for one of the 11 GICS sector names (case-insensitive, surrounding spaces ignored).</summary>
    public static bool IsGicsSector(string name) => ByGicsSector.ContainsKey(name.Trim());

    /// <summary>Null for a missing or non-GICS sector name: such a member is left out of the aggregates.</summary>
    public static SuperSector? Of(string? gicsSector) =>
        gicsSector is not null && ByGicsSector.TryGetValue(gicsSector.Trim(), out var superSector) ? superSector : null;
}
