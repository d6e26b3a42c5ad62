using RotationAnalytics.Api.Citations;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;
using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Services;

public sealed record StreakQuery(string Symbol, string Benchmark, DateOnly? AsOf, int MinLength, int Page, int PageSize);

/// <summary>Answers /streaks: loads the pair once, runs the domain streak analysis, pages and cites the result.</summary>
public sealed class StreakService(MarketDataReader reader, AnalyticsCache cache)
{
    public Task<CachedAnswer<StreakResponse>> GetAsync(StreakQuery query, string cacheKey, long dataVersion, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(cacheKey, dataVersion, () => ComputeAsync(query, cancellationToken));

    private async Task<QueryResult<StreakResponse>> ComputeAsync(StreakQuery query, CancellationToken cancellationToken)
    {
        var loaded = await PairLoader.LoadAsync(reader, query.Symbol, query.Benchmark, query.AsOf, cancellationToken);
        if (loaded.Error is { } loadError)
        {
            return loadError;
        }

        var (symbol, benchmark, pair, seriesA, seriesB) = loaded.Value!;
        // Only the requested history page is materialised; the total comes with it.
        var analyzed = StreakAnalysis.Analyze(pair, query.AsOf, query.MinLength, (query.Page - 1) * query.PageSize, query.PageSize);
        if (!analyzed.IsSuccess)
        {
            return QueryError.FromDomain(analyzed.Error, PairLoader.ParameterMap("symbol", query.AsOf));
        }

        var report = analyzed.Value;
        var citations = new Citations.Citations();
        long[] Cite(DateOnly start, DateOnly end) => citations.Cite([seriesA, seriesB], PreviousCommonDate(pair, start), end);

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
        var pageSources = page.SelectMany(s => Cite(s.StartDate, s.EndDate)).Distinct().Order().ToList();
        var history = new StreakHistoryResponse(
            page.Select(s => new StreakItemResponse(s.Direction, s.Length, s.StartDate, s.EndDate, s.CumulativeExcessReturn)).ToList(),
            query.Page, query.PageSize, report.HistoryTotal, pageSources);

        var cited = await citations.LoadAsync(
            reader,
            $"Daily close-to-close returns of {symbol.Symbol} and {benchmark.Symbol} on their common trading dates (a date missing " +
            "from either is skipped, not filled); a day is a win when the symbol's return exceeds the benchmark's, a loss when " +
            "it is lower; an exact tie ends any streak and starts none. Only bars up to asOf enter. Cumulative excess = symbol's " +
            "compounded return over the run minus the benchmark's.",
            cancellationToken);
        var dates = report.CommonDates;
        return new StreakResponse(
            symbol.Symbol, benchmark.Symbol, report.AsOf, current, records, history,
            new CommonDatesResponse(dates.First, dates.Last, dates.Count, dates.Skipped), cited.Methodology, cited.Sources);
    }

    /// <summary>A run's first return starts from the previous common close, so that bar is part of its evidence.</summary>
    private static DateOnly PreviousCommonDate(AlignedPair pair, DateOnly start)
    {
        var index = DateIndex.LastOnOrBefore(pair.Dates, start.AddDays(-1));
        return index >= 0 ? pair.Dates[index] : start;
    }
}
