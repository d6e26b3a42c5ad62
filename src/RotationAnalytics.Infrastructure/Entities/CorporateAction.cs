namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>A dividend or split as a provider reported it, unique per (instrument, ex-date, kind), with its source batch.</summary>
public class CorporateAction
{
    public int InstrumentId { get; set; }

    /// <summary>Exchange-local ex-date.</summary>
    public DateOnly ExDate { get; set; }

    public CorporateActionKind Kind { get; set; }

    /// <summary>Dividend amount per share, or split ratio (new shares per old share).</summary>
    public double Value { get; set; }

    public long SourceBatchId { get; set; }
}
