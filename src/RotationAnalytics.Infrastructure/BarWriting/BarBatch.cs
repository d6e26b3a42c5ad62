using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.BarWriting;

/// <summary>A bar that passed hard validation; <see cref="Flags"/> holds its soft-anomaly reason codes.</summary>
public readonly record struct ValidatedBar(
    DateOnly Date, double Open, double High, double Low, double Close, double? AdjustedClose, double? Volume, string[] Flags);

/// <summary>A dividend (amount per share) or split (new shares per old share) that passed validation.</summary>
public readonly record struct ValidatedCorporateAction(DateOnly ExDate, CorporateActionKind Kind, double Value);

/// <summary>A received row that failed hard validation: kept as text with its reason, never stored as a bar.</summary>
public sealed record RejectedRow(string RawRow, string Reason);

/// <summary>
/// Where a batch of bars came from (SPEC §1): the redacted request or file URL, when it was retrieved, the SHA-256 of
/// the body, the kind of prices, the attribution, whether it is synthetic demo data, and whether the response reports
/// corporate actions for its range (so that a day without a dividend in it had none).
/// </summary>
public sealed record SourceProvenance(
    string Url,
    DateTimeOffset RetrievedAt,
    string ContentSha256,
    PriceKind PriceKind,
    string Attribution,
    bool IsSynthetic = false,
    bool CorporateActionsReported = false);

/// <summary>
/// Everything one provider response produced for one instrument, with its provenance. It lands whole or not at all.
/// </summary>
public sealed record BarBatch
{
    public required long IngestionRunId { get; init; }

    public required int InstrumentId { get; init; }

    public required string Provider { get; init; }

    public required string ProviderSymbol { get; init; }

    public required SourceProvenance Provenance { get; init; }

    public required int RowsReceived { get; init; }

    public required IReadOnlyList<ValidatedBar> Bars { get; init; }

    /// <summary>Rejected bars and rejected corporate actions, each with its reason.</summary>
    public required IReadOnlyList<RejectedRow> Rejected { get; init; }

    public IReadOnlyList<ValidatedCorporateAction> CorporateActions { get; init; } = [];
}

/// <summary>
/// What a batch changed. <see cref="SourceBatchId"/> is null when no stored bar or corporate action changed (no batch row).
/// </summary>
public sealed record BarBatchWriteResult(
    long? SourceBatchId, int Inserted, int Revised, int Rejected, int Flagged, int ActionsInserted = 0, int ActionsRevised = 0)
{
    public int Stored => Inserted + Revised;
}
