using System.Globalization;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Aftermath;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Api.Services;

/// <param name="Direction">null: the current streak's (outperform when there is none).</param>
/// <param name="MinLength">null: the current streak's length when it has the direction, else 10.</param>
/// <param name="Horizons">Forward horizons in common trading days; null: 5, 21, 63, 126.</param>
public sealed record StreakAftermathQuery(
    string Symbol, string Benchmark, DateOnly? AsOf, StreakDirection? Direction, int? MinLength, IReadOnlyList<int>? Horizons, int Page, int PageSize, ReturnType ReturnType);

/// <summary>Answers /streaks/aftermath: the pair aligned up to asOf, then the domain event study with one page of events.</summary>
public sealed class StreakAftermathService(QueryPipeline pipeline)
{
    public CachedAnswer<StreakAftermathResponse> Get(StreakAftermathQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, query.ReturnType, market => Compute(market, query));

    private static QueryResult<StreakAftermathResponse> Compute(MarketQuery market, StreakAftermathQuery query)
    {
        var parameters = new InputParameters(CutAt: query.AsOf is null ? null : "asOf");
        var resolved = market.ResolvePair(query.Symbol, query.Benchmark, query.AsOf, parameters);
        if (resolved.Error is { } unknown)
        {
            return unknown;
        }

        var (symbol, benchmark, pair) = resolved.Value;
        var analyzed = StreakAftermath.Analyze(
            pair, query.AsOf, query.Direction, query.MinLength, query.Horizons, (query.Page - 1) * query.PageSize, query.PageSize);
        if (!analyzed.IsSuccess)
        {
            return QueryError.FromDomain(analyzed.Error, parameters);
        }

        var report = analyzed.Value;
        var events = report.Events.Select(e =>
        {
            // Evidence: the close before the run (base of its first return) through the furthest forward close used.
            var first = DateIndex.LastOnOrBefore(pair.Dates, e.Streak.StartDate.AddDays(-1));
            var furthest = e.Forward.Max(f => f?.Date) ?? e.Streak.EndDate;
            return new AftermathEventResponse(
                e.Streak.StartDate,
                e.Streak.EndDate,
                e.Streak.Length,
                e.Streak.CumulativeExcessReturn,
                report.Horizons.Select((h, i) => (Horizon: Key(h), Forward: e.Forward[i])).ToDictionary(
                    p => p.Horizon,
                    p => p.Forward is { } f ? new AftermathForwardResponse(f.Date, f.Return, f.BenchmarkReturn, f.ExcessReturn) : null),
                market.Cite([symbol, benchmark], first >= 0 ? pair.Dates[first] : e.Streak.StartDate, furthest));
        }).ToList();

        var summary = report.Summary.ToDictionary(
            s => Key(s.Horizon),
            s => new AftermathSummaryResponse(
                s.Count, s.MeanExcessReturn, s.MedianExcessReturn, s.ShareOutperforming, s.MinExcessReturn, s.MaxExcessReturn, s.MeanReturn));
        var dates = report.CommonDates;
        var historyIds = market.Cite([symbol, benchmark], dates.First, report.AsOf);
        var current = report.Current?.Streak is { } c ? new AftermathCurrentResponse(c.Direction, c.Length, c.StartDate, c.EndDate) : null;

        var cited = market.Sources(
            $"Streaks of {symbol.Symbol} against {benchmark.Symbol} as in /streaks (daily close-to-close returns on common trading " +
            "dates up to asOf; a win when the symbol's return is higher, a loss when lower, an exact tie ends any streak). Events: " +
            $"completed {report.Direction.ToString().ToLowerInvariant()} streaks of at least {report.MinLength} days that ended " +
            "before asOf (the streak running on asOf is not an event). For event end e and horizon h (common trading days), forward " +
            "return = C(e+h)/C(e) − 1 for each instrument, excess = the difference; null when e+h is after asOf. Summary per horizon " +
            "over the complete events: mean and median forward excess (median of an even count = mean of the two middle values), " +
            "share with excess > 0, min, max, mean forward return of the symbol.");
        return new StreakAftermathResponse(
            symbol.Symbol, benchmark.Symbol, report.AsOf, query.ReturnType, report.Direction, report.MinLength, report.Horizons, current, events,
            query.Page, query.PageSize, report.EventsTotal, summary,
            new CommonDatesResponse(dates.First, dates.Last, dates.Count, dates.Skipped), historyIds, cited.Methodology, cited.Sources);
    }

    private static string Key(int horizon) => horizon.ToString(CultureInfo.InvariantCulture);
}
