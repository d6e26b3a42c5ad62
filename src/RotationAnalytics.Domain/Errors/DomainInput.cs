namespace RotationAnalytics.Domain.Errors;

/// <summary>
/// The input of a domain computation an error concerns. The web layer maps each value to the query parameter that
/// chose it for the request at hand, so no parameter name travels as a string.
/// </summary>
public enum DomainInput
{
    /// <summary>The series of a single-instrument computation.</summary>
    Series,

    /// <summary>The first series of a pair (the symbol).</summary>
    SeriesA,

    /// <summary>The second series of a pair (the benchmark).</summary>
    SeriesB,

    /// <summary>The aligned pair as a whole, e.g. too few common dates.</summary>
    Pair,

    /// <summary>The members of a group.</summary>
    Members,

    /// <summary>The benchmark series of a group computation (a pair's benchmark is <see cref="SeriesB"/>).</summary>
    Benchmark,

    AsOf,
    From,
    To,
    Basis,
    Period,
    Overbought,
    Oversold,
    MinLength,
    HistoryOffset,
    HistoryCount,
    RatioWindow,
    MomentumWindow,
    Tail,
    Horizons,
    Window,
    Direction,
    Interval,
    MomentumLag,
}
