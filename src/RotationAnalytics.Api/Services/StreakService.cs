using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Api.Services;

public sealed record StreakQuery(string Symbol, string Benchmark, DateOnly? AsOf, int MinLength, int Page, int PageSize, ReturnType ReturnType);

/// <summary>Answers /streaks: the domain streak analysis of the pair up to asOf, paged and cited.</summary>
public sealed class StreakService(QueryPipeline pipeline)
{
    public CachedAnswer<StreakResponse> Get(StreakQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, query.ReturnType, market => Compute(market, query));

    private static QueryResult<StreakResponse> Compute(MarketQuery market, StreakQuery query)
    {
        var parameters = new InputParameters(CutAt: query.AsOf is null ? null : "asOf");
        var resolved = market.ResolvePair(query.Symbol, query.Benchmark, query.AsOf, parameters);
        if (resolved.Error is { } unknown)
        {
            return unknown;
        }

        var (symbol, benchmark, pair) = resolved.Value;
        // Only the requested history page is materialised; the total comes with it.
        var analyzed = StreakAnalysis.Analyze(pair, query.AsOf, query.MinLength, (query.Page - 1) * query.PageSize, query.PageSize);
        if (!analyzed.IsSuccess)
        {
            return QueryError.FromDomain(analyzed.Error, parameters);
        }

        var report = analyzed.Value;
        long[] Cite(DateOnly start, DateOnly end) => market.Cite([symbol, benchmark], PreviousCommonDate(pair, start), end);

        var current = report.Current is { } c
            ? new CurrentStreakResponse(
                c.Streak.Direction, c.Streak.Length, c.Streak.StartDate, c.Streak.EndDate,
                c.Streak.CumulativeExcessReturn, c.Streak.AverageDailyExcessReturn, c.Rank, c.IsRecord, c.TiesRecord,
                c.PreviousAtLeastAsLong is { } p ? new StreakSpanResponse(p.Length, p.StartDate, p.EndDate) : null,
                Cite(c.Streak.StartDate, c.Streak.EndDate))
            : null;
        StreakRecordResponse? Record(OutperformanceStreak? streak) => streak is { } s
            ? new StreakRecordResponse(s.Length, s.StartDate, s.EndDate, s.CumulativeExcessReturn, Cite(s.StartDate, s.EndDate))
            : null;
        var records = new StreakRecordsResponse(Record(report.LongestOutperform), Record(report.LongestUnderperform));

        var page = report.History;
        var items = page.Select(s => new StreakItemResponse(
            s.Direction, s.Length, s.StartDate, s.EndDate, s.CumulativeExcessReturn, Cite(s.StartDate, s.EndDate))).ToList();
        var pageSources = items.SelectMany(i => i.SourceIds).Distinct().Order().ToList();
        var history = new StreakHistoryResponse(items, query.Page, query.PageSize, report.HistoryTotal, pageSources);

        var cited = market.Sources(
            $"Daily close-to-close returns of {symbol.Symbol} and {benchmark.Symbol} on their common trading dates (a date missing " +
            "from either is skipped, not filled); a day is a win when the symbol's return exceeds the benchmark's, a loss when " +
            "it is lower; an exact tie ends any streak and starts none. Only bars up to asOf enter. Cumulative excess = symbol's " +
            "compounded return over the run minus the benchmark's.");
        var dates = report.CommonDates;
        return new StreakResponse(
            symbol.Symbol, benchmark.Symbol, report.AsOf, query.ReturnType, current, records, history,
            new CommonDatesResponse(dates.First, dates.Last, dates.Count, dates.Skipped), cited.Methodology, cited.Sources);
    }

    /// <summary>A run's first return starts from the previous common close, so that bar is part of its evidence.</summary>
    private static DateOnly PreviousCommonDate(AlignedPair pair, DateOnly start)
    {
        var index = DateIndex.LastOnOrBefore(pair.Dates, start.AddDays(-1));
        return index >= 0 ? pair.Dates[index] : start;
    }
}
