using Microsoft.EntityFrameworkCore;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Infrastructure;

namespace RotationAnalytics.Api.Services;

/// <summary>Reads instruments with their coverage: one aggregate query over the bars, one over the instruments.</summary>
public sealed class InstrumentQueryService(RotationDbContext db)
{
    public async Task<IReadOnlyList<InstrumentResponse>> ListAsync(CancellationToken cancellationToken)
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
}
