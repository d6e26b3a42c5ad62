using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Indicators;

namespace RotationAnalytics.Api.Services;

public sealed record RsiQuery(string Symbol, int Period, DateOnly? From, DateOnly? To, double Overbought, double Oversold);

/// <summary>Answers /indicators/rsi: RSI over the whole stored history up to <c>to</c>, then the window is cut out.</summary>
public sealed class RsiService(QueryPipeline pipeline)
{
    public CachedAnswer<RsiResponse> Get(RsiQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, market => Compute(market, query));

    private static QueryResult<RsiResponse> Compute(MarketQuery market, RsiQuery query)
    {
        var resolved = market.Resolve("symbol", query.Symbol);
        if (resolved.Error is { } unknown)
        {
            return unknown;
        }

        var instrument = resolved.Value!;
        var bars = market.Bars(instrument, query.To);
        if (bars.Count <= query.Period)
        {
            return QueryError.NotEnoughData(
                "period",
                $"RSI({query.Period}) needs at least {query.Period + 1} closes; {instrument.Symbol} has {bars.Count}" +
                $"{(query.To is { } t ? $" up to {t:yyyy-MM-dd}" : string.Empty)}.");
        }

        var to = query.To ?? bars[^1].Date;
        var from = query.From ?? to.AddYears(-1);
        var window = WilderRsi.Readings(bars, from, to, query.Period, query.Overbought, query.Oversold);
        if (!window.IsSuccess)
        {
            return QueryError.FromDomain(window.Error, new InputParameters());
        }

        var items = window.Value.Select(r => new RsiItem(r.Date, r.Rsi, r.Zone)).ToList();
        // Wilder smoothing carries the whole history into every value, so every bar up to the window's end is evidence.
        var sourceIds = market.Cite(instrument, bars[0].Date, to);
        var cited = market.Sources(
            $"Wilder's RSI({query.Period}) of daily closes over the instrument's whole stored history (first averages = simple means " +
            $"of the first {query.Period} changes, then (prev·{query.Period - 1} + current)/{query.Period}); zones: ≥ {query.Overbought} " +
            $"overbought, ≤ {query.Oversold} oversold.");
        return new RsiResponse(
            instrument.Symbol, query.Period, query.Overbought, query.Oversold, from, to,
            items.Count > 0 ? items[^1] : null, items, sourceIds, cited.Methodology, cited.Sources);
    }
}
