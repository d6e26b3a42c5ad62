namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>A provider row that failed hard validation: quarantined with its reason, never stored as a bar.</summary>
public class RejectedBar
{
    public long Id { get; set; }

    public long IngestionRunId { get; set; }

    public int InstrumentId { get; set; }

    public required string Provider { get; set; }

    /// <summary>The row as received (date and values as text), for diagnosis.</summary>
    public required string RawRow { get; set; }

    public required string Reason { get; set; }
}
