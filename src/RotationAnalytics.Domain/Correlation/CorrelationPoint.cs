namespace RotationAnalytics.Domain.Correlation;

/// <summary>
/// Correlation and beta over the trailing window of daily returns ending at <see cref="Date"/>; both null until the
/// window is full, and null when a series does not vary over it (correlation needs both to vary, beta the
/// benchmark). Stored as NaN-for-null doubles (24 bytes instead of 40), the form <see cref="CorrelationSeries"/>
/// keeps them in.
/// </summary>
public readonly record struct CorrelationPoint
{
    private readonly double _correlation;
    private readonly double _beta;

    public CorrelationPoint(DateOnly date, double? correlation, double? beta)
    {
        Date = date;
        _correlation = correlation ?? double.NaN;
        _beta = beta ?? double.NaN;
    }

    public DateOnly Date { get; }

    public double? Correlation => double.IsNaN(_correlation) ? null : _correlation;

    public double? Beta => double.IsNaN(_beta) ? null : _beta;

    /// <summary>The computation's path, where NaN already means "none" (no conversion per point).</summary>
    internal static CorrelationPoint FromRaw(DateOnly date, double correlation, double beta) => new(correlation, beta, date);

    private CorrelationPoint(double correlation, double beta, DateOnly date)
    {
        Date = date;
        _correlation = correlation;
        _beta = beta;
    }
}
