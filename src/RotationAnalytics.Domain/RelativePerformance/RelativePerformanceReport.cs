using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.RelativePerformance;

/// <summary>
/// A symbol (A) against a benchmark (B) over a window of common trading dates (SPEC §3.1, window per SPEC §2).
/// Daily statistics cover the <see cref="TradingDays"/> days of the window; the first day's return is measured
/// from the base price (the previous close, or that day's open with basis open), so the daily returns always
/// compound exactly to <see cref="Return"/>. <see cref="RsLine"/> (when requested) has one point per window day:
/// RS(t) = 100·(CA(t)/A_base)/(CB(t)/B_base), so RS(end)/100 − 1 = <see cref="RatioReturn"/>.
/// </summary>
public sealed record RelativePerformanceReport(
    PricePoint Base,
    PricePoint End,
    PricePoint BenchmarkBase,
    PricePoint BenchmarkEnd,
    double Return,
    double BenchmarkReturn,
    double ExcessReturn,
    double RatioReturn,
    int TradingDays,
    double AverageDailyExcessReturn,
    int OutperformingDays,
    double OutperformingShare,
    RsPoint[]? RsLine,
    CommonDates CommonDates)
{
    public static DomainResult<RelativePerformanceReport> Compute(
        AlignedPair pair, DateOnly from, DateOnly to, PriceBasis basis = PriceBasis.Close, bool includeRsLine = false)
    {
        var located = WindowBounds.Locate(
            from, to, basis, DateIndex.LastOnOrBefore(pair.Dates, from.AddDays(-1)), DateIndex.LastOnOrBefore(pair.Dates, to));
        if (!located.IsSuccess)
        {
            return located.Error;
        }

        var (first, last) = located.Value;
        if (basis == PriceBasis.Open &&
            (WindowBounds.RequireOpen(pair.OpensA[first], DomainInput.SeriesA) ?? WindowBounds.RequireOpen(pair.OpensB[first], DomainInput.SeriesB)) is { } openError)
        {
            return openError;
        }

        var baseIndex = basis == PriceBasis.Open ? first : first - 1;
        var baseA = basis == PriceBasis.Open ? pair.OpensA[first] : pair.ClosesA[baseIndex];
        var baseB = basis == PriceBasis.Open ? pair.OpensB[first] : pair.ClosesB[baseIndex];
        var rsLine = includeRsLine ? new RsPoint[last - first + 1] : null;
        var excessSum = 0.0;
        var outperformingDays = 0;
        double previousA = baseA, previousB = baseB;
        for (var t = first; t <= last; t++)
        {
            var returnA = DailyReturn.Between(previousA, pair.ClosesA[t]);
            var returnB = DailyReturn.Between(previousB, pair.ClosesB[t]);
            excessSum += returnA - returnB;
            outperformingDays += returnA > returnB ? 1 : 0;
            if (rsLine is not null)
            {
                rsLine[t - first] = new RsPoint(pair.Dates[t], 100 * (pair.ClosesA[t] / baseA) / (pair.ClosesB[t] / baseB));
            }

            previousA = pair.ClosesA[t];
            previousB = pair.ClosesB[t];
        }

        var tradingDays = last - first + 1;
        var returnOfA = (pair.ClosesA[last] / baseA) - 1;
        var returnOfB = (pair.ClosesB[last] / baseB) - 1;
        return new RelativePerformanceReport(
            new PricePoint(pair.Dates[baseIndex], baseA),
            new PricePoint(pair.Dates[last], pair.ClosesA[last]),
            new PricePoint(pair.Dates[baseIndex], baseB),
            new PricePoint(pair.Dates[last], pair.ClosesB[last]),
            returnOfA,
            returnOfB,
            returnOfA - returnOfB,
            ((1 + returnOfA) / (1 + returnOfB)) - 1,
            tradingDays,
            excessSum / tradingDays,
            outperformingDays,
            (double)outperformingDays / tradingDays,
            rsLine,
            pair.DescribeThrough(last));
    }
}
