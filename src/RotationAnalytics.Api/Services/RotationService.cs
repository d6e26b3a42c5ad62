using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Rotation;
using RotationAnalytics.Infrastructure.Seeding;

namespace RotationAnalytics.Api.Services;

/// <param name="Symbols">Symbols to place; null means the members of <paramref name="Group"/>.</param>
/// <param name="Group">The group whose members are placed when no symbols are given; null means the sector group.</param>
/// <param name="Parameters">Interval, windows and momentum lag (windows and lag count intervals).</param>
public sealed record RotationQuery(string Benchmark, IReadOnlyList<string>? Symbols, string? Group, DateOnly? AsOf, int Tail, RotationParameters Parameters);

/// <summary>Answers /rotation: each symbol aligned with the benchmark up to asOf, then the domain rotation points.</summary>
public sealed class RotationService(QueryPipeline pipeline)
{
    public CachedAnswer<RotationResponse> Get(RotationQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, market => Compute(market, query));

    private static QueryResult<RotationResponse> Compute(MarketQuery market, RotationQuery query)
    {
        var parameters = new InputParameters(Symbol: query.Symbols is null && query.Group is not null ? "group" : "symbols", CutAt: query.AsOf is null ? null : "asOf");
        var resolved = market.WithBenchmark(query.Benchmark, query.Symbols is null
            ? market.ResolveGroup(query.Group is null ? "symbols" : "group", query.Group ?? DefaultUniverse.SectorGroup)
            : market.ResolveAll("symbols", query.Symbols));
        if (resolved.Error is { } unknown)
        {
            return unknown;
        }

        var (b, members) = resolved.Value;
        var rotation = query.Parameters;
        var items = new List<RotationItem>();
        var asOf = DateOnly.MinValue;
        foreach (var symbol in members)
        {
            // Cutting the data at asOf makes look-ahead impossible, whatever the computation does.
            var aligned = market.Align(symbol, b, query.AsOf, parameters);
            if (aligned.Error is { } alignError)
            {
                return alignError;
            }

            var points = RelativeRotation.Calculate(aligned.Value!, rotation, query.AsOf);
            var tail = points.IsSuccess ? RelativeRotation.Tail(points.Value, query.AsOf, query.Tail) : points.Error;
            if (!tail.IsSuccess)
            {
                return QueryError.FromDomain(tail.Error, parameters) with { Message = $"{symbol.Symbol} vs {b.Symbol}: {tail.Error.Message}" };
            }

            // Points are one per interval; the oldest tail point rests on the closes of FirstCompleteIndex intervals before it.
            var t = tail.Value;
            var firstTail = Array.FindIndex(points.Value, p => p.Date == t.Tail[0].Date);
            var evidenceStart = points.Value[Math.Max(0, firstTail - rotation.FirstCompleteIndex)].Date;
            items.Add(new RotationItem(
                symbol.Symbol, Point(t.Latest), t.Tail.Select(Point).ToList(),
                market.Cite([symbol, b], evidenceStart, t.Latest.Date)));
            asOf = t.Latest.Date > asOf ? t.Latest.Date : asOf;
        }

        var (unit, spacing) = rotation.Interval == RotationInterval.Week
            ? ("weeks", "weekly points (the pair's last common trading date of each ISO week; the week holding asOf ends at asOf)")
            : ("dates", "daily points (every common trading date)");
        var cited = market.Sources(
            $"RS = 100·close/benchmark close on common trading dates, as {spacing}; RS-Ratio = 100 + z-score of RS over the " +
            $"trailing {rotation.RatioWindow} {unit}; RS-Momentum = 100 + z-score of RS-Ratio's rate of change over " +
            $"{rotation.MomentumLag} {(rotation.MomentumLag == 1 ? unit.TrimEnd('s') : unit)} (momentumLag), over the trailing " +
            $"{rotation.MomentumWindow} {unit} (population standard deviations, only past data); quadrants: leading (>100, >100), " +
            "weakening (>100, <100), lagging (<100, <100), improving (<100, >100). RRG-style; JdK's exact formulas are proprietary.");
        return new RotationResponse(
            b.Symbol, asOf, rotation.Interval, rotation.RatioWindow, rotation.MomentumWindow, rotation.MomentumLag, items,
            cited.Methodology, cited.Sources);
    }

    private static RotationPointResponse Point(RotationPoint p) => new(p.Date, p.RsRatio!.Value, p.RsMomentum!.Value, p.Quadrant);
}
