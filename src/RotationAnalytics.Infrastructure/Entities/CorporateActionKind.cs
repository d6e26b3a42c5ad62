namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>Kinds of corporate action stored (SPEC §1).</summary>
public enum CorporateActionKind
{
    /// <summary>A cash dividend: <see cref="CorporateAction.Value"/> is the amount per share in the instrument's currency.</summary>
    Dividend = 0,

    /// <summary>A split: <see cref="CorporateAction.Value"/> is new shares per old share (4 for 4:1, 0.1 for a 1:10 reverse split).</summary>
    Split = 1,
}
