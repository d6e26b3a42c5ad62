namespace RotationAnalytics.Domain.Indicators;

/// <summary>Where an RSI value sits against the zone thresholds; serialised as "overbought" | "oversold" | "neutral".</summary>
public enum RsiZone
{
    Neutral,
    Overbought,
    Oversold,
}
