using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Domain.Indicators;
using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Services;

public sealed record RsiQuery(string Symbol, int Period, DateOnly? From, DateOnly? To, double Overbought, double Oversold);

/// <summary>Answers /indicators/rsi: RSI over the whole stored history up to <c>to</c>, then the window is cut out.</summary>
public sealed class RsiService(MarketDataReader reader, AnalyticsCache cache)
{
    public Task<CachedAnswer<RsiResponse>> GetAsync(RsiQuery query, string cacheKey, long dataVersion, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(cacheKey, dataVersion, () => ComputeAsync(query, cancellationToken));

    private async Task<QueryResult<RsiResponse>> ComputeAsync(RsiQuery query, CancellationToken cancellationToken)
    {
        var directory = await InstrumentDirectory.LoadAsync(reader, cancellationToken);
        if (directory.Find(query.Symbol) is not { } instrument)
        {
            return QueryError.UnknownSymbol("symbol", query.Symbol);
        }

        var series = (await reader.GetSeriesAsync([instrument.Id], query.To, cancellationToken))[instrument.Id];
        if (series.Bars.Length <= query.Period)
        {
            return new QueryError(
                StatusCodes.Status422UnprocessableEntity, "period",
                $"RSI({query.Period}) needs at least {query.Period + 1} closes; {instrument.Symbol} has {series.Bars.Length}" +
                $"{(query.To is { } t ? $" up to {t:yyyy-MM-dd}" : string.Empty)}.");
        }

        var to = query.To ?? series.Bars[^1].Date;
        var from = query.From ?? to.AddYears(-1);
        var window = WilderRsi.Readings(series.Bars, from, to, query.Period, query.Overbought, query.Oversold);
        if (!window.IsSuccess)
        {
            return QueryError.FromDomain(window.Error);
        }

        var items = window.Value.Select(r => new RsiItem(r.Date, r.Rsi, r.Zone)).ToList();
        var citations = new Citations.Citations();
        // Wilder smoothing carries the whole history into every value, so every bar up to the window's end is evidence.
        var sourceIds = citations.Cite(series, series.Bars[0].Date, to);
        var cited = await citations.LoadAsync(
            reader,
            $"Wilder's RSI({query.Period}) of daily closes over the instrument's whole stored history (first averages = simple means " +
            $"of the first {query.Period} changes, then (prev·{query.Period - 1} + current)/{query.Period}); zones: ≥ {query.Overbought} " +
            $"overbought, ≤ {query.Oversold} oversold.",
            cancellationToken);
        return new RsiResponse(
            instrument.Symbol, query.Period, query.Overbought, query.Oversold, from, to,
            items.Count > 0 ? items[^1] : null, items, sourceIds, cited.Methodology, cited.Sources);
    }
}
