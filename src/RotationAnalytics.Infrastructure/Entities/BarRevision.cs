namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>A stored bar replaced by a re-ingested one that differed by more than 1e-6 relative.</summary>
public class BarRevision
{
    public long Id { get; set; }

    public int InstrumentId { get; set; }

    public DateOnly Date { get; set; }

    public double OldOpen { get; set; }

    public double OldHigh { get; set; }

    public double OldLow { get; set; }

    public double OldClose { get; set; }

    public double? OldVolume { get; set; }

    public double NewOpen { get; set; }

    public double NewHigh { get; set; }

    public double NewLow { get; set; }

    public double NewClose { get; set; }

    public double? NewVolume { get; set; }

    public long OldSourceBatchId { get; set; }

    public long NewSourceBatchId { get; set; }

    public DateTimeOffset RevisedAt { get; set; }
}
