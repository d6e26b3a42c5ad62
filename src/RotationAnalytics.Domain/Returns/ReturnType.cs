namespace RotationAnalytics.Domain.Returns;

/// <summary>What a return measures (SPEC §2): closes alone, or a total-return index with cash dividends reinvested.</summary>
public enum ReturnType
{
    /// <summary>Close-to-close: the default.</summary>
    Price,

    /// <summary>TR(t) = TR(t−1)·(C(t) + D(t))/C(t−1), D(t) the cash dividend with ex-date t.</summary>
    Total,
}
