namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>Provenance of one provider response that produced bars (SPEC §1).</summary>
public class SourceBatch
{
    public long Id { get; set; }

    public int InstrumentId { get; set; }

    public long? IngestionRunId { get; set; }

    /// <summary>Provider id, e.g. <c>yahoo</c>, <c>csv</c>, <c>demo</c>.</summary>
    public required string Provider { get; set; }

    public required string ProviderSymbol { get; set; }

    /// <summary>Request URL (or file path) with every secret replaced by REDACTED.</summary>
    public required string Url { get; set; }

    public DateTimeOffset RetrievedAt { get; set; }

    /// <summary>Lower-case hex SHA-256 of the response body.</summary>
    public required string ContentSha256 { get; set; }

    public int RowsReceived { get; set; }

    public int RowsStored { get; set; }

    public int RowsRejected { get; set; }

    public int RowsFlagged { get; set; }

    public int RowsRevised { get; set; }

    public PriceKind PriceKind { get; set; }

    public required string Attribution { get; set; }

    /// <summary>True for the synthetic demo universe; every response built on it says so.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>
    /// True when the response reports corporate actions for its whole range (Yahoo chart events, Tiingo divCash, an Alpha
    /// Vantage adjusted series, a CSV with a dividend column): a day without a stored dividend then had none.
    /// </summary>
    public bool CorporateActionsReported { get; set; }

    public DateOnly? FirstDate { get; set; }

    public DateOnly? LastDate { get; set; }
}
