namespace RotationAnalytics.Domain.Returns;

/// <summary>The information behind one day's total-return growth TR(t)/TR(t−1).</summary>
public enum TotalReturnSource : byte
{
    /// <summary>Nothing says whether a dividend went ex that day: the growth is the price return and may not be cited as total.</summary>
    Unavailable,

    /// <summary>The day's source reports dividends: (C(t) + D(t))/C(t−1) with the stored dividend (0 when none went ex).</summary>
    Dividends,

    /// <summary>Only a provider's dividend-adjusted close is known for the day and the one before: A(t)/A(t−1).</summary>
    AdjustedClose,
}
