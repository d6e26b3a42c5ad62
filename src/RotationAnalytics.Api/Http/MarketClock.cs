namespace RotationAnalytics.Api.Http;

/// <summary>Today's date at the exchange (New York): what "in the future" means for a trading date.</summary>
public sealed class MarketClock(TimeProvider time)
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), NewYork).DateTime);
}
