namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>Per-symbol outcome of an ingestion run.</summary>
public class IngestionRunSymbol
{
    public long IngestionRunId { get; set; }

    public required string Symbol { get; set; }

    /// <summary>Provider that finally served the data (after fallbacks), null when none did.</summary>
    public string? Provider { get; set; }

    public int RowsReceived { get; set; }

    public int RowsStored { get; set; }

    public int RowsRejected { get; set; }

    public int RowsFlagged { get; set; }

    public int RowsRevised { get; set; }

    public string? Error { get; set; }
}
