namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>How one provider spells an instrument (Yahoo <c>^GSPC</c>, Stooq <c>^spx</c>, …).</summary>
public class ProviderSymbol
{
    public int InstrumentId { get; set; }

    /// <summary>Provider id, e.g. <c>yahoo</c>, <c>stooq</c>, <c>alphavantage</c>, <c>tiingo</c>, <c>polygon</c>.</summary>
    public required string Provider { get; set; }

    public required string Symbol { get; set; }
}
