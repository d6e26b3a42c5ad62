namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// An instrument as the read path sees it: immutable, resolved by symbol or alias. A retired one (<see cref="RetiredAt"/>)
/// is no longer pulled but still answers queries from its stored bars.
/// </summary>
public sealed record SnapshotInstrument(
    int Id,
    string Symbol,
    string Name,
    string Kind,
    string Currency,
    string? Sector,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Aliases,
    DateTimeOffset? RetiredAt);
