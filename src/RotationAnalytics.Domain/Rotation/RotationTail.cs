namespace RotationAnalytics.Domain.Rotation;

/// <summary>The latest complete point as of a date and the last k complete points ending with it (oldest first).</summary>
public sealed record RotationTail(RotationPoint Latest, RotationPoint[] Tail);
