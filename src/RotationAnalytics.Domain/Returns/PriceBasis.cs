namespace RotationAnalytics.Domain.Returns;

/// <summary>Which price a window return starts from (SPEC §2).</summary>
public enum PriceBasis
{
    /// <summary>Base = close of the last trading date before <c>from</c> (from = Jan 1 gives year-to-date).</summary>
    Close,

    /// <summary>Base = open of the first trading date ≥ <c>from</c> ("from Jan 2 to Jan 22" as news quote it).</summary>
    Open,
}
