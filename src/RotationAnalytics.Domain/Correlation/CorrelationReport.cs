using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Correlation;

/// <summary>
/// SPEC §3.9 for a pair over [from, to]: the daily returns dated in the window are those of the common dates at
/// indexes <see cref="FirstIndex"/>..<see cref="LastIndex"/> (<see cref="Returns"/> of them, first dated
/// <see cref="FirstReturnDate"/>, the base close of the first one at FirstIndex − 1). <see cref="Correlation"/> is
/// Pearson's, <see cref="Beta"/> = cov(rA, rB)/var(rB) (null when a series does not vary). <see cref="Series"/>
/// has one point per return date in the window over the trailing <see cref="Window"/> returns ending there, which
/// may reach before from (the earliest close used is then at index FirstIndex − Window).
/// </summary>
public sealed record CorrelationReport(
    DateOnly FirstReturnDate,
    DateOnly LastReturnDate,
    int FirstIndex,
    int LastIndex,
    int Returns,
    double? Correlation,
    double? Beta,
    int Window,
    CorrelationSeries Series,
    CommonDates CommonDates);
