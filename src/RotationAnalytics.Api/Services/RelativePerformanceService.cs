using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Domain.RelativePerformance;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Services;

public sealed record RelativePerformanceQuery(
    IReadOnlyList<string> Symbols, string Benchmark, DateOnly? From, DateOnly? To, PriceBasis Basis, bool IncludeRsLine);

/// <summary>Answers /relative-performance: one query loads every series, each symbol is aligned with the benchmark.</summary>
public sealed class RelativePerformanceService(MarketDataReader reader, AnalyticsCache cache)
{
    public Task<CachedAnswer<RelativePerformanceResponse>> GetAsync(
        RelativePerformanceQuery query, string cacheKey, long dataVersion, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(cacheKey, dataVersion, () => ComputeAsync(query, cancellationToken));

    private async Task<QueryResult<RelativePerformanceResponse>> ComputeAsync(RelativePerformanceQuery query, CancellationToken cancellationToken)
    {
        var directory = await InstrumentDirectory.LoadAsync(reader, cancellationToken);
        if (directory.Find(query.Benchmark) is not { } benchmark)
        {
            return QueryError.UnknownSymbol("benchmark", query.Benchmark);
        }

        var found = directory.FindAll(query.Symbols);
        if (found.Error is { } unknown)
        {
            return unknown;
        }

        var symbols = found.Value!;

        var series = await reader.GetSeriesAsync(symbols.Append(benchmark).Select(i => i.Id).Distinct().ToList(), query.To, cancellationToken);
        var to = query.To ?? LatestCommonDate(series.Values);
        if (to is null)
        {
            return new QueryError(StatusCodes.Status422UnprocessableEntity, "symbols", "No stored data for the requested instruments.");
        }

        var from = query.From ?? new DateOnly(to.Value.Year, 1, 1);
        if (from > to)
        {
            return new QueryError(StatusCodes.Status400BadRequest, "from", $"from ({from:yyyy-MM-dd}) is after the latest common date {to:yyyy-MM-dd}.");
        }

        var citations = new Citations.Citations();
        var results = new List<RelativePerformanceItem>();
        var benchmarkSeries = series[benchmark.Id];
        foreach (var symbol in symbols)
        {
            var aligned = AlignedPair.Align(series[symbol.Id].Bars, benchmarkSeries.Bars);
            if (aligned.IsSuccess && aligned.Value.Count == 0)
            {
                return new QueryError(
                    StatusCodes.Status422UnprocessableEntity, "symbols",
                    $"{symbol.Symbol} and {benchmark.Symbol} have no common trading dates up to {to:yyyy-MM-dd}.");
            }

            var report = aligned.IsSuccess
                ? RelativePerformanceReport.Compute(aligned.Value, from, to.Value, query.Basis, query.IncludeRsLine)
                : aligned.Error;
            if (!report.IsSuccess)
            {
                return QueryError.FromDomain(report.Error, PairLoader.ParameterMap("symbols", asOf: null)) with { Message = $"{symbol.Symbol} vs {benchmark.Symbol}: {report.Error.Message}" };
            }

            var r = report.Value;
            results.Add(new RelativePerformanceItem(
                symbol.Symbol,
                new PricePointResponse(r.Base.Date, r.Base.Price),
                new PricePointResponse(r.End.Date, r.End.Price),
                new PricePointResponse(r.BenchmarkBase.Date, r.BenchmarkBase.Price),
                new PricePointResponse(r.BenchmarkEnd.Date, r.BenchmarkEnd.Price),
                r.Return, r.BenchmarkReturn, r.ExcessReturn, r.RatioReturn, r.TradingDays, r.AverageDailyExcessReturn,
                r.OutperformingDays, r.OutperformingShare,
                new CommonDatesResponse(r.CommonDates.First, r.CommonDates.Last, r.CommonDates.Count, r.CommonDates.Skipped),
                r.RsLine?.Select(p => new RsPointResponse(p.Date, p.Value)).ToList(),
                citations.Cite([series[symbol.Id], benchmarkSeries], r.Base.Date, r.End.Date)));
        }

        var basisText = query.Basis == PriceBasis.Open
            ? "base = open of the first common trading date on or after from"
            : "base = close of the last common trading date before from";
        var cited = await citations.LoadAsync(
            reader,
            $"Window returns on the common trading dates of each symbol and {benchmark.Symbol} ({basisText}; end = close of the last " +
            "common trading date on or before to); excess = return − benchmark return; ratio = (1+r)/(1+rB) − 1; daily statistics " +
            "use close-to-close returns of the window's trading days.",
            cancellationToken);
        return new RelativePerformanceResponse(benchmark.Symbol, from, to.Value, query.Basis, results, cited.Methodology, cited.Sources);
    }

    /// <summary>SPEC §2: dates default to the latest date on which every involved instrument has a bar.</summary>
    private static DateOnly? LatestCommonDate(IEnumerable<StoredSeries> series)
    {
        DateOnly? latest = null;
        foreach (var s in series)
        {
            if (s.Bars.Length == 0)
            {
                return null;
            }

            var last = s.Bars[^1].Date;
            latest = latest is null || last < latest ? last : latest;
        }

        return latest;
    }
}
