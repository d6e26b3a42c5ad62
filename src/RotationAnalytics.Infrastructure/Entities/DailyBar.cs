namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>One trading day of one instrument; unique per (instrument, date).</summary>
public class DailyBar
{
    public int InstrumentId { get; set; }

    /// <summary>Exchange-local trading date.</summary>
    public DateOnly Date { get; set; }

    public double Open { get; set; }

    public double High { get; set; }

    public double Low { get; set; }

    public double Close { get; set; }

    public double? AdjustedClose { get; set; }

    /// <summary>Shares traded; null for indexes. Fractional because some providers report it so.</summary>
    public double? Volume { get; set; }

    public long SourceBatchId { get; set; }

    /// <summary>Soft anomalies (SPEC §1): the bar is kept and used, the reasons are reported.</summary>
    public List<string> Flags { get; set; } = [];
}
