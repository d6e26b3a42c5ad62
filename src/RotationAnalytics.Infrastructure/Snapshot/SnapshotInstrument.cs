namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>An instrument as the read path sees it: immutable, resolved by symbol or alias.</summary>
public sealed record SnapshotInstrument(
    int Id,
    string Symbol,
    string Name,
    string Kind,
    string Currency,
    string? Sector,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Aliases);
