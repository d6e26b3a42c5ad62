namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>Kind of prices in a source batch: raw (split-adjusted only) or adjusted (also for dividends).</summary>
public enum PriceKind
{
    Raw = 0,
    Adjusted = 1,
}
