using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Correlation;
using RotationAnalytics.Domain.Returns;

namespace RotationAnalytics.Api.Services;

/// <param name="From">First return date; null: one year before <paramref name="To"/> (the day after).</param>
/// <param name="To">Last return date; null: the latest date on which every instrument has a bar.</param>
public sealed record CorrelationQuery(IReadOnlyList<string> Symbols, string Benchmark, DateOnly? From, DateOnly? To, int Window, ReturnType ReturnType);

/// <summary>Answers /correlation: each symbol aligned with the benchmark up to to, then the domain correlation report.</summary>
public sealed class CorrelationService(QueryPipeline pipeline)
{
    public CachedAnswer<CorrelationResponse> Get(CorrelationQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, query.ReturnType, market => Compute(market, query));

    private static QueryResult<CorrelationResponse> Compute(MarketQuery market, CorrelationQuery query)
    {
        var parameters = new InputParameters(Symbol: "symbols", CutAt: query.To is null ? null : "to");
        // A year of returns by default: the return dated one year before to would make it a year and a day.
        var window = market.ComparisonWindow(query.Benchmark, query.Symbols, query.From, query.To, to => to.AddYears(-1).AddDays(1));
        if (window.Error is { } error)
        {
            return error;
        }

        var (b, symbols, from, to) = window.Value!;
        var results = new List<CorrelationItem>();
        foreach (var symbol in symbols)
        {
            var aligned = market.Align(symbol, b, to, parameters);
            if (aligned.Error is { } alignError)
            {
                return alignError;
            }

            var pair = aligned.Value!;
            var computed = ReturnCorrelation.Compute(pair, from, to, query.Window);
            if (!computed.IsSuccess)
            {
                return QueryError.FromDomain(computed.Error, parameters) with { Message = $"{symbol.Symbol} vs {b.Symbol}: {computed.Error.Message}" };
            }

            var r = computed.Value;
            var dates = r.CommonDates;
            results.Add(new CorrelationItem(
                symbol.Symbol, r.Correlation, r.Beta, r.Returns, r.FirstReturnDate, r.LastReturnDate,
                r.Series.Select(p => new CorrelationPointResponse(p.Date, p.Correlation, p.Beta)).ToList(),
                new CommonDatesResponse(dates.First, dates.Last, dates.Count, dates.Skipped),
                // The earliest close any trailing window uses is `window` returns before the first one in the window.
                market.Cite([symbol, b], pair.Dates[Math.Max(0, r.FirstIndex - r.Window)], pair.Dates[r.LastIndex])));
        }

        var cited = market.Sources(
            $"Daily close-to-close returns of each symbol and {b.Symbol} on their common trading dates (a date missing from either " +
            "is skipped, not filled), dated by their end date. Over the returns dated in [from, to]: Pearson correlation and beta = " +
            $"cov(r, r{b.Symbol})/var(r{b.Symbol}). Series: the same over the trailing {query.Window} returns ending at each date " +
            "(only earlier data; null until that many returns exist).");
        return new CorrelationResponse(b.Symbol, from, to, query.Window, query.ReturnType, results, cited.Methodology, cited.Sources);
    }
}
