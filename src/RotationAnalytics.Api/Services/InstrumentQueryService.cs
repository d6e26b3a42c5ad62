using Microsoft.EntityFrameworkCore;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Citations;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Services;

public sealed record BarsQuery(string Symbol, DateOnly? From, DateOnly? To);

/// <summary>Reads instruments with their coverage, and the stored bars of one instrument.</summary>
public sealed class InstrumentQueryService(RotationDbContext db, MarketDataReader reader, AnalyticsCache cache)
{
    public Task<CachedAnswer<IReadOnlyList<InstrumentResponse>>> ListAsync(string cacheKey, long dataVersion, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(cacheKey, dataVersion, () => ComputeListAsync(cancellationToken));

    /// <summary>Instruments with coverage: one aggregate query over the bars, one over the instruments.</summary>
    private async Task<QueryResult<IReadOnlyList<InstrumentResponse>>> ComputeListAsync(CancellationToken cancellationToken)
    {
        var coverage = await db.DailyBars
            .GroupBy(b => b.InstrumentId)
            .Select(g => new
            {
                InstrumentId = g.Key,
                First = g.Min(b => b.Date),
                Last = g.Max(b => b.Date),
                Count = g.Count(),
                Flagged = g.Count(b => b.Flags.Count > 0),
            })
            .ToDictionaryAsync(c => c.InstrumentId, cancellationToken);
        var instruments = await db.Instruments.OrderBy(i => i.Symbol).ToListAsync(cancellationToken);
        return instruments
            .Select(i => new InstrumentResponse(
                i.Symbol, i.Name, i.Kind, i.Currency, i.Sector, i.Groups, i.Aliases,
                coverage.TryGetValue(i.Id, out var c)
                    ? new CoverageResponse(c.First, c.Last, c.Count, c.Flagged)
                    : new CoverageResponse(null, null, 0, 0)))
            .ToList();
    }

    public Task<CachedAnswer<BarsResponse>> GetBarsAsync(BarsQuery query, string cacheKey, long dataVersion, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(cacheKey, dataVersion, () => ComputeBarsAsync(query, cancellationToken));

    private async Task<QueryResult<BarsResponse>> ComputeBarsAsync(BarsQuery query, CancellationToken cancellationToken)
    {
        var directory = await InstrumentDirectory.LoadAsync(reader, cancellationToken);
        if (directory.Find(query.Symbol) is not { } instrument)
        {
            return QueryError.UnknownSymbol("symbol", query.Symbol);
        }

        var to = query.To ?? await db.DailyBars.Where(b => b.InstrumentId == instrument.Id).MaxAsync(b => (DateOnly?)b.Date, cancellationToken);
        if (to is null)
        {
            return new QueryError(StatusCodes.Status422UnprocessableEntity, "symbol", $"No bars are stored for {instrument.Symbol} yet.");
        }

        var from = query.From ?? to.Value.AddYears(-1);
        var bars = await db.DailyBars
            .Where(b => b.InstrumentId == instrument.Id && b.Date >= from && b.Date <= to)
            .OrderBy(b => b.Date)
            .Select(b => new BarItem(b.Date, b.Open, b.High, b.Low, b.Close, b.AdjustedClose, b.Volume, b.Flags, b.SourceBatchId))
            .ToListAsync(cancellationToken);
        var batches = await reader.GetSourceBatchesAsync(bars.Select(b => b.SourceId).Distinct().ToList(), cancellationToken);
        var sources = batches.Select(SourceResponses.From).ToList();
        var methodology = "Stored daily bars as ingested (exchange-local trading dates; prices as the source gives them, see priceKind); " +
            "flags name soft anomalies kept under SPEC §1.";
        return new BarsResponse(instrument.Symbol, from, to.Value, bars.Count, bars, SourceResponses.Label(methodology, sources), sources);
    }
}
