using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.RelativePerformance;
using RotationAnalytics.Domain.Returns;

namespace RotationAnalytics.Api.Services;

public sealed record RelativePerformanceQuery(
    IReadOnlyList<string> Symbols, string Benchmark, DateOnly? From, DateOnly? To, PriceBasis Basis, bool IncludeRsLine, ReturnType ReturnType);

/// <summary>Answers /relative-performance: each symbol aligned with the benchmark, then the domain window report.</summary>
public sealed class RelativePerformanceService(QueryPipeline pipeline)
{
    private static readonly InputParameters Parameters = new(Symbol: "symbols");

    public CachedAnswer<RelativePerformanceResponse> Get(RelativePerformanceQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, query.ReturnType, market => Compute(market, query));

    private static QueryResult<RelativePerformanceResponse> Compute(MarketQuery market, RelativePerformanceQuery query)
    {
        var window = market.ComparisonWindow(query.Benchmark, query.Symbols, query.From, query.To, to => new DateOnly(to.Year, 1, 1));
        if (window.Error is { } error)
        {
            return error;
        }

        var (b, symbols, from, to) = window.Value!;
        var results = new List<RelativePerformanceItem>();
        foreach (var symbol in symbols)
        {
            var aligned = market.Align(symbol, b, to, Parameters);
            if (aligned.Error is { } alignError)
            {
                return alignError;
            }

            var report = RelativePerformanceReport.Compute(aligned.Value!, from, to, query.Basis, query.IncludeRsLine);
            if (!report.IsSuccess)
            {
                return QueryError.FromDomain(report.Error, Parameters) with { Message = $"{symbol.Symbol} vs {b.Symbol}: {report.Error.Message}" };
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
                market.Cite([symbol, b], r.Base.Date, r.End.Date)));
        }

        var basisText = query.Basis == PriceBasis.Open
            ? "base = open of the first common trading date on or after from"
            : "base = close of the last common trading date before from";
        var cited = market.Sources(
            $"Window returns on the common trading dates of each symbol and {b.Symbol} ({basisText}; end = close of the last " +
            "common trading date on or before to); excess = return − benchmark return; ratio = (1+r)/(1+rB) − 1; daily statistics " +
            "use close-to-close returns of the window's trading days.");
        return new RelativePerformanceResponse(b.Symbol, from, to, query.Basis, query.ReturnType, results, cited.Methodology, cited.Sources);
    }
}
