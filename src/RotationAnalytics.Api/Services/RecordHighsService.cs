using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Records;

namespace RotationAnalytics.Api.Services;

public sealed record RecordHighsQuery(string Symbol, DateOnly? From, DateOnly? To);

/// <summary>Answers /highs from the whole stored history up to <c>to</c> (a record is measured against all of it).</summary>
public sealed class RecordHighsService(QueryPipeline pipeline)
{
    public CachedAnswer<RecordHighsResponse> Get(RecordHighsQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, market => Compute(market, query));

    private static QueryResult<RecordHighsResponse> Compute(MarketQuery market, RecordHighsQuery query)
    {
        var resolved = market.Resolve("symbol", query.Symbol);
        if (resolved.Error is { } unknown)
        {
            return unknown;
        }

        var instrument = resolved.Value!;
        var bars = market.Bars(instrument, query.To);
        if (bars.Count == 0)
        {
            return QueryError.NotEnoughData(
                query.To is null ? "symbol" : "to",
                $"No stored close for {instrument.Symbol}{(query.To is { } t ? $" on or before {t:yyyy-MM-dd}" : string.Empty)}.");
        }

        var to = query.To ?? bars[^1].Date;
        var from = query.From ?? new DateOnly(to.Year, 1, 1);
        var computed = RecordCloseReport.Compute(bars, from, to);
        if (!computed.IsSuccess)
        {
            return QueryError.FromDomain(computed.Error, new InputParameters());
        }

        var r = computed.Value;
        // Whether a close is a record depends on every earlier close, so the whole history up to the end is evidence.
        var sourceIds = market.Cite(instrument, bars[0].Date, r.End.Date);
        var cited = market.Sources(
            "A record close is a daily close above every earlier stored close of the instrument (the first stored bar is not a record); " +
            "the all-time high is the highest close up to the window's end, dated when first reached; drawdown = last close / all-time high − 1.");
        return new RecordHighsResponse(
            instrument.Symbol, from, to, r.RecordCount,
            r.RecordDates.Select(p => new PricePointResponse(p.Date, p.Price)).ToList(),
            new PricePointResponse(r.AllTimeHigh.Date, r.AllTimeHigh.Price),
            new PricePointResponse(r.End.Date, r.End.Price),
            r.TradingDaysSinceHigh, r.CalendarDaysSinceHigh, r.Drawdown, sourceIds, cited.Methodology, cited.Sources);
    }
}
