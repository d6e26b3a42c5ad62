using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Domain.Rotation;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Infrastructure.Reading;
using RotationAnalytics.Infrastructure.Seeding;

namespace RotationAnalytics.Api.Services;

/// <param name="Symbols">Symbols to place; null means the members of the sector group.</param>
public sealed record RotationQuery(string Benchmark, IReadOnlyList<string>? Symbols, DateOnly? AsOf, int Tail, int RatioWindow, int MomentumWindow);

/// <summary>Answers /rotation: every series in one query, each symbol aligned with the benchmark, points up to asOf only.</summary>
public sealed class RotationService(MarketDataReader reader, AnalyticsCache cache)
{
    public Task<CachedAnswer<RotationResponse>> GetAsync(RotationQuery query, string cacheKey, long dataVersion, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(cacheKey, dataVersion, () => ComputeAsync(query, cancellationToken));

    private async Task<QueryResult<RotationResponse>> ComputeAsync(RotationQuery query, CancellationToken cancellationToken)
    {
        var directory = await InstrumentDirectory.LoadAsync(reader, cancellationToken);
        if (directory.Find(query.Benchmark) is not { } benchmark)
        {
            return QueryError.UnknownSymbol("benchmark", query.Benchmark);
        }

        var found = query.Symbols is null
            ? new QueryResult<IReadOnlyList<Instrument>>(directory.Group(DefaultUniverse.SectorGroup))
            : directory.FindAll(query.Symbols);
        if (found.Error is { } unknown)
        {
            return unknown;
        }

        var symbols = found.Value!;

        // Loading only up to asOf makes look-ahead impossible, whatever the computation does.
        var series = await reader.GetSeriesAsync(symbols.Append(benchmark).Select(i => i.Id).Distinct().ToList(), query.AsOf, cancellationToken);
        var citations = new Citations.Citations();
        var items = new List<RotationItem>();
        var asOf = DateOnly.MinValue;
        foreach (var symbol in symbols)
        {
            var aligned = AlignedPair.Align(series[symbol.Id].Bars, series[benchmark.Id].Bars);
            var points = aligned.IsSuccess ? RelativeRotation.Calculate(aligned.Value, query.RatioWindow, query.MomentumWindow) : aligned.Error;
            var tail = points.IsSuccess ? RelativeRotation.Tail(points.Value, query.AsOf, query.Tail) : points.Error;
            if (!tail.IsSuccess)
            {
                return QueryError.FromDomain(tail.Error, PairLoader.ParameterMap("symbols", query.AsOf)) with { Message = $"{symbol.Symbol} vs {benchmark.Symbol}: {tail.Error.Message}" };
            }

            var t = tail.Value;
            // The first tail point's ratio and momentum reach back ratioWindow + momentumWindow − 1 common dates.
            var dates = aligned.Value.Dates;
            var firstTail = DateIndex.LastOnOrBefore(dates, t.Tail[0].Date);
            var evidenceStart = dates[Math.Max(0, firstTail - (query.RatioWindow + query.MomentumWindow - 1))];
            items.Add(new RotationItem(
                symbol.Symbol, Point(t.Latest), t.Tail.Select(Point).ToList(),
                citations.Cite([series[symbol.Id], series[benchmark.Id]], evidenceStart, t.Latest.Date)));
            asOf = t.Latest.Date > asOf ? t.Latest.Date : asOf;
        }

        var cited = await citations.LoadAsync(
            reader,
            $"RS = 100·close/benchmark close on common trading dates; RS-Ratio = 100 + z-score of RS over the trailing {query.RatioWindow} " +
            $"dates; RS-Momentum = 100 + z-score of RS-Ratio's 1-day rate of change over the trailing {query.MomentumWindow} dates " +
            "(population standard deviations, only past data); quadrants: leading (>100, >100), weakening (>100, <100), " +
            "lagging (<100, <100), improving (<100, >100). RRG-style; JdK's exact formulas are proprietary.",
            cancellationToken);
        return new RotationResponse(benchmark.Symbol, asOf, query.RatioWindow, query.MomentumWindow, items, cited.Methodology, cited.Sources);
    }

    private static RotationPointResponse Point(RotationPoint p) => new(p.Date, p.RsRatio!.Value, p.RsMomentum!.Value, p.Quadrant);
}
