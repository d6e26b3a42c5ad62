namespace RotationAnalytics.Domain.Rotation;

/// <summary>The spacing of rotation points (SPEC §3.6); windows and the momentum lag count these intervals.</summary>
public enum RotationInterval
{
    /// <summary>Every common trading date.</summary>
    Day,

    /// <summary>The pair's last common trading date of each ISO week (Monday–Sunday).</summary>
    Week,
}
