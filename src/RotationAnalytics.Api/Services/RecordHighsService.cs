using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Domain.Records;
using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Services;

public sealed record RecordHighsQuery(string Symbol, DateOnly? From, DateOnly? To);

/// <summary>Answers /highs from the whole stored history up to <c>to</c> (a record is measured against all of it).</summary>
public sealed class RecordHighsService(MarketDataReader reader, AnalyticsCache cache)
{
    public Task<CachedAnswer<RecordHighsResponse>> GetAsync(RecordHighsQuery query, string cacheKey, long dataVersion, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(cacheKey, dataVersion, () => ComputeAsync(query, cancellationToken));

    private async Task<QueryResult<RecordHighsResponse>> ComputeAsync(RecordHighsQuery query, CancellationToken cancellationToken)
    {
        var directory = await InstrumentDirectory.LoadAsync(reader, cancellationToken);
        if (directory.Find(query.Symbol) is not { } instrument)
        {
            return QueryError.UnknownSymbol("symbol", query.Symbol);
        }

        var series = (await reader.GetSeriesAsync([instrument.Id], query.To, cancellationToken))[instrument.Id];
        if (series.Bars.Length == 0)
        {
            return new QueryError(
                StatusCodes.Status422UnprocessableEntity, query.To is null ? "symbol" : "to",
                $"No stored close for {instrument.Symbol}{(query.To is { } t ? $" on or before {t:yyyy-MM-dd}" : string.Empty)}.");
        }

        var to = query.To ?? series.Bars[^1].Date;
        var from = query.From ?? new DateOnly(to.Year, 1, 1);
        var computed = RecordCloseReport.Compute(series.Bars, from, to);
        if (!computed.IsSuccess)
        {
            return QueryError.FromDomain(computed.Error);
        }

        var r = computed.Value;
        var citations = new Citations.Citations();
        // Whether a close is a record depends on every earlier close, so the whole history up to the end is evidence.
        var sourceIds = citations.Cite(series, series.Bars[0].Date, r.End.Date);
        var cited = await citations.LoadAsync(
            reader,
            "A record close is a daily close above every earlier stored close of the instrument (the first stored bar is not a record); " +
            "the all-time high is the highest close up to the window's end, dated when first reached; drawdown = last close / all-time high − 1.",
            cancellationToken);
        return new RecordHighsResponse(
            instrument.Symbol, from, to, r.RecordCount,
            r.RecordDates.Select(p => new PricePointResponse(p.Date, p.Price)).ToList(),
            new PricePointResponse(r.AllTimeHigh.Date, r.AllTimeHigh.Price),
            new PricePointResponse(r.End.Date, r.End.Price),
            r.TradingDaysSinceHigh, r.CalendarDaysSinceHigh, r.Drawdown, sourceIds, cited.Methodology, cited.Sources);
    }
}
