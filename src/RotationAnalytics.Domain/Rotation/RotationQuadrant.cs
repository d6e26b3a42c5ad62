namespace RotationAnalytics.Domain.Rotation;

/// <summary>RRG-style quadrant of a (RS-Ratio, RS-Momentum) point around the (100, 100) centre (SPEC §3.6).</summary>
public enum RotationQuadrant
{
    /// <summary>Ratio &gt; 100, momentum &gt; 100.</summary>
    Leading,

    /// <summary>Ratio &gt; 100, momentum &lt; 100.</summary>
    Weakening,

    /// <summary>Ratio &lt; 100, momentum &lt; 100.</summary>
    Lagging,

    /// <summary>Ratio &lt; 100, momentum &gt; 100.</summary>
    Improving,
}
