using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Api.Services;

public sealed record BarsQuery(string Symbol, DateOnly? From, DateOnly? To);

/// <summary>The instruments with their coverage, and the stored bars of one instrument, from the snapshot.</summary>
public sealed class InstrumentQueryService(QueryPipeline pipeline)
{
    public CachedAnswer<IReadOnlyList<InstrumentResponse>> List(string cacheKey) =>
        pipeline.Answer(cacheKey, market => new QueryResult<IReadOnlyList<InstrumentResponse>>(market.Snapshot.Instruments
            .Select(i =>
            {
                var series = market.Series(i);
                var coverage = series.Count > 0
                    ? new CoverageResponse(series.Bars[0].Date, series.Bars[^1].Date, series.Count, series.FlaggedCount)
                    : new CoverageResponse(null, null, 0, 0);
                return new InstrumentResponse(i.Symbol, i.Name, i.Kind, i.Currency, i.Sector, i.Groups, i.Aliases, coverage, i.RetiredAt is not null, i.RetiredAt);
            })
            .ToList()));

    public CachedAnswer<BarsResponse> GetBars(BarsQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, market => ComputeBars(market, query));

    private static QueryResult<BarsResponse> ComputeBars(MarketQuery market, BarsQuery query)
    {
        var resolved = market.Resolve("symbol", query.Symbol);
        if (resolved.Error is { } unknown)
        {
            return unknown;
        }

        var instrument = resolved.Value!;
        var series = market.Series(instrument);
        if (series.Count == 0)
        {
            return QueryError.NotEnoughData("symbol", $"No bars are stored for {instrument.Symbol} yet.");
        }

        var to = query.To ?? series.Bars[^1].Date;
        var from = query.From ?? to.AddYears(-1);
        var bars = new List<BarItem>();
        for (var i = DateIndex.LastOnOrBefore(series.Bars, from.AddDays(-1)) + 1; i < series.Count && series.Bars[i].Date <= to; i++)
        {
            var bar = series.Bars[i];
            bars.Add(new BarItem(
                bar.Date, bar.Open, bar.High, bar.Low, bar.Close, series.AdjustedClose(i), series.Volume(i), series.Flags(i), series.SourceAt(i)));
        }

        market.Cite(instrument, from, to);
        var cited = market.Sources(
            "Stored daily bars as ingested (exchange-local trading dates; prices as the source gives them, see priceKind); " +
            "flags name soft anomalies kept under SPEC §1.");
        return new BarsResponse(instrument.Symbol, from, to, bars.Count, bars, cited.Methodology, cited.Sources);
    }
}
