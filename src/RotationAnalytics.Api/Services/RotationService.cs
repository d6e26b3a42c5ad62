using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Rotation;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Infrastructure.Seeding;

namespace RotationAnalytics.Api.Services;

/// <param name="Symbols">Symbols to place; null means the members of the sector group.</param>
public sealed record RotationQuery(string Benchmark, IReadOnlyList<string>? Symbols, DateOnly? AsOf, int Tail, int RatioWindow, int MomentumWindow);

/// <summary>Answers /rotation: each symbol aligned with the benchmark up to asOf, then the domain rotation points.</summary>
public sealed class RotationService(QueryPipeline pipeline)
{
    public CachedAnswer<RotationResponse> Get(RotationQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, market => Compute(market, query));

    private static QueryResult<RotationResponse> Compute(MarketQuery market, RotationQuery query)
    {
        var parameters = new InputParameters(Symbol: "symbols", CutAt: query.AsOf is null ? null : "asOf");
        var benchmark = market.Resolve("benchmark", query.Benchmark);
        if (benchmark.Error is { } unknownBenchmark)
        {
            return unknownBenchmark;
        }

        var found = query.Symbols is null
            ? market.ResolveGroup("symbols", DefaultUniverse.SectorGroup)
            : market.ResolveAll("symbols", query.Symbols);
        if (found.Error is { } unknown)
        {
            return unknown;
        }

        var b = benchmark.Value!;
        var items = new List<RotationItem>();
        var asOf = DateOnly.MinValue;
        foreach (var symbol in found.Value!)
        {
            // Cutting the data at asOf makes look-ahead impossible, whatever the computation does.
            var aligned = market.Align(symbol, b, query.AsOf, parameters);
            if (aligned.Error is { } alignError)
            {
                return alignError;
            }

            var pair = aligned.Value!;
            var points = RelativeRotation.Calculate(pair, query.RatioWindow, query.MomentumWindow);
            var tail = points.IsSuccess ? RelativeRotation.Tail(points.Value, query.AsOf, query.Tail) : points.Error;
            if (!tail.IsSuccess)
            {
                return QueryError.FromDomain(tail.Error, parameters) with { Message = $"{symbol.Symbol} vs {b.Symbol}: {tail.Error.Message}" };
            }

            var t = tail.Value;
            var firstTail = DateIndex.LastOnOrBefore(pair.Dates, t.Tail[0].Date);
            var evidenceStart = pair.Dates[Math.Max(0, firstTail - new RotationParameters(RotationInterval.Day, query.RatioWindow, query.MomentumWindow, 1).FirstCompleteIndex)];
            items.Add(new RotationItem(
                symbol.Symbol, Point(t.Latest), t.Tail.Select(Point).ToList(),
                market.Cite([symbol, b], evidenceStart, t.Latest.Date)));
            asOf = t.Latest.Date > asOf ? t.Latest.Date : asOf;
        }

        var cited = market.Sources(
            $"RS = 100·close/benchmark close on common trading dates; RS-Ratio = 100 + z-score of RS over the trailing {query.RatioWindow} " +
            $"dates; RS-Momentum = 100 + z-score of RS-Ratio's 1-day rate of change over the trailing {query.MomentumWindow} dates " +
            "(population standard deviations, only past data); quadrants: leading (>100, >100), weakening (>100, <100), " +
            "lagging (<100, <100), improving (<100, >100). RRG-style; JdK's exact formulas are proprietary.");
        return new RotationResponse(b.Symbol, asOf, query.RatioWindow, query.MomentumWindow, items, cited.Methodology, cited.Sources);
    }

    private static RotationPointResponse Point(RotationPoint p) => new(p.Date, p.RsRatio!.Value, p.RsMomentum!.Value, p.Quadrant);
}
