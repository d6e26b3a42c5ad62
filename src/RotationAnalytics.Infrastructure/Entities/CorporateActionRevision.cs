namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>A stored corporate action replaced by a re-ingested value that differed by more than 1e-6 relative.</summary>
public class CorporateActionRevision
{
    public long Id { get; set; }

    public int InstrumentId { get; set; }

    public DateOnly ExDate { get; set; }

    public CorporateActionKind Kind { get; set; }

    public double OldValue { get; set; }

    public double NewValue { get; set; }

    public long OldSourceBatchId { get; set; }

    public long NewSourceBatchId { get; set; }

    public DateTimeOffset RevisedAt { get; set; }
}
