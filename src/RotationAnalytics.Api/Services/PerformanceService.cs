using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Horizons;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.Api.Services;

/// <param name="Symbols">The instruments listed one by one; null when a <paramref name="Group"/> is given instead.</param>
/// <param name="Horizons">Parsed horizon codes, in the order requested.</param>
public sealed record PerformanceQuery(
    IReadOnlyList<string>? Symbols, string? Group, string Benchmark, DateOnly? AsOf, PerformanceHorizon[] Horizons, ReturnType ReturnType);

/// <summary>Answers /performance: each instrument's bars up to asOf (its own dates, no alignment), then the domain table.</summary>
public sealed class PerformanceService(QueryPipeline pipeline)
{
    public CachedAnswer<PerformanceResponse> Get(PerformanceQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, query.ReturnType, market => Compute(market, query));

    private static QueryResult<PerformanceResponse> Compute(MarketQuery market, PerformanceQuery query)
    {
        var membersParameter = query.Symbols is null ? "group" : "symbols";
        var parameters = new InputParameters(Symbol: membersParameter, CutAt: query.AsOf is null ? null : "asOf", Members: membersParameter);
        var resolved = market.WithBenchmark(query.Benchmark, query.Symbols is null ? market.ResolveGroup("group", query.Group!) : market.ResolveAll("symbols", query.Symbols));
        if (resolved.Error is { } unknown)
        {
            return unknown;
        }

        var (b, instruments) = resolved.Value;
        var asOf = query.AsOf ?? market.LatestCommonDate(instruments.Append(b));
        if (asOf is null)
        {
            return QueryError.NotEnoughData(membersParameter, "No stored data for the requested instruments.");
        }

        var members = instruments.Select(i => new PerformanceMember(i.Symbol, market.Bars(i, asOf))).ToList();
        if (members.TrueForAll(m => m.Bars.Count == 0))
        {
            return QueryError.NotEnoughData(
                parameters.CutAt ?? membersParameter, $"None of the instruments has a bar on or before {asOf:yyyy-MM-dd}.");
        }

        var computed = MultiHorizonPerformance.Table(members, market.Bars(b, asOf), asOf.Value, query.Horizons);
        if (!computed.IsSuccess)
        {
            return QueryError.FromDomain(computed.Error, parameters);
        }

        var table = computed.Value;
        var benchmarkIds = Cite(market, b, table.Benchmark);
        var rows = table.Rows.Select((row, i) => Row(
            row.Symbol, row.Performance, row.Unavailable,
            row.Performance is { } p ? [.. Cite(market, instruments[i], p).Union(benchmarkIds).Order()] : [])).ToList();

        var cited = market.Sources(
            "Per instrument, on its own trading dates: E = its last trading date on or before asOf; each horizon's base is the close " +
            "of the last trading date on or before baseLimit — 1D the day before E, 1W E − 7 days, 1M/3M/6M and 1Y/3Y/5Y/10Y E " +
            "minus the period (day number clamped to the month's end), WTD/MTD/QTD/YTD the day before the week's Monday / the " +
            "month's / quarter's / year's first day, MAX the first stored close; return = C(E)/base − 1; annualized = (1 + " +
            "return)^(1/years) − 1 for 1Y and longer (MAX: years = days / 365.25). The benchmark's return is computed the same " +
            "way from its own bars; excess = return − benchmark return; rank 1 = highest return among the listed instruments " +
            "(equal returns share a rank). A horizon reaching before the first stored bar is null with the reason.");
        return new PerformanceResponse(
            b.Symbol, table.AsOf, query.ReturnType, table.Horizons.Select(PerformanceHorizons.Code).ToList(), rows,
            Row(b.Symbol, table.Benchmark, null, benchmarkIds), cited.Methodology, cited.Sources);
    }

    private static PerformanceRowResponse Row(string symbol, HorizonPerformance? performance, string? unavailable, long[] sourceIds) =>
        performance is null
            ? new PerformanceRowResponse(symbol, null, null, null, unavailable, sourceIds)
            : new PerformanceRowResponse(
                symbol,
                performance.End.Date,
                performance.End.Price,
                performance.Returns.ToDictionary(
                    r => PerformanceHorizons.Code(r.Horizon),
                    r => new PerformanceCellResponse(
                        r.BaseLimit, r.Base?.Date, r.Base?.Price, r.Return, r.Annualized, r.BenchmarkReturn, r.ExcessReturn, r.Rank, r.Unavailable)),
                unavailable,
                sourceIds);

    /// <summary>The instrument's bars from the earliest base it used through E: every close that entered one of its returns.</summary>
    private static long[] Cite(MarketQuery market, SnapshotInstrument instrument, HorizonPerformance performance)
    {
        var earliest = performance.Returns.Min(r => r.Base?.Date) ?? performance.End.Date;
        return market.Cite(instrument, earliest, performance.End.Date);
    }
}
