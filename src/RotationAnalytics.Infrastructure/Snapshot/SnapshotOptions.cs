namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>How the in-memory market snapshot follows the store (section <c>Snapshot</c>).</summary>
public sealed class SnapshotOptions
{
    public const string SectionName = "Snapshot";

    /// <summary>
    /// Seconds between version checks that do not wait for a notification: they cover a notification lost with a
    /// dropped listen connection.
    /// </summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>Longest wait before reconnecting the listen connection after a failure (the wait doubles from 1 s).</summary>
    public double MaxReconnectDelaySeconds { get; set; } = 30;
}
