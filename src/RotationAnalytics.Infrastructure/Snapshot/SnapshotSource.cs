namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>A source batch (SPEC §1 provenance) as responses cite it.</summary>
public sealed record SnapshotSource(
    long Id,
    int InstrumentId,
    string Provider,
    string ProviderSymbol,
    string Url,
    DateTimeOffset RetrievedAt,
    string PriceKind,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    string Attribution,
    bool IsSynthetic,
    bool CorporateActionsReported = false);
