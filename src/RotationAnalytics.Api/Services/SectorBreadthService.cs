using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Domain.Breadth;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Services;

/// <param name="Group">Group name; members are the instruments listing it.</param>
/// <param name="From">First day of the window; null with <paramref name="To"/> null means the latest date alone.</param>
public sealed record SectorBreadthQuery(string Group, DateOnly? From, DateOnly? To);

/// <summary>Answers /breadth/sectors: every member's series in one query, then the domain breadth report.</summary>
public sealed class SectorBreadthService(MarketDataReader reader, AnalyticsCache cache)
{
    public Task<CachedAnswer<SectorBreadthResponse>> GetAsync(SectorBreadthQuery query, string cacheKey, long dataVersion, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(cacheKey, dataVersion, () => ComputeAsync(query, cancellationToken));

    private async Task<QueryResult<SectorBreadthResponse>> ComputeAsync(SectorBreadthQuery query, CancellationToken cancellationToken)
    {
        var directory = await InstrumentDirectory.LoadAsync(reader, cancellationToken);
        var instruments = directory.Group(query.Group);
        if (instruments.Count == 0)
        {
            return new QueryError(StatusCodes.Status404NotFound, "group", $"No instrument belongs to group '{query.Group}'.");
        }

        var series = await reader.GetSeriesAsync(instruments.Select(i => i.Id).ToList(), query.To, cancellationToken);
        var withData = series.Values.Where(s => s.Bars.Length > 0).ToList();
        if (withData.Count == 0)
        {
            return new QueryError(StatusCodes.Status422UnprocessableEntity, "group", $"No stored data for the members of '{query.Group}'.");
        }

        // SPEC §2: without dates, the latest date on which every member with data has a bar.
        var to = query.To ?? withData.Min(s => s.Bars[^1].Date);
        var from = query.From ?? to;
        var members = instruments.Select(i => new BreadthMember(i.Symbol, i.Sector, series[i.Id].Bars)).ToList();
        var computed = SectorBreadth.ForWindow(members, from, to);
        if (!computed.IsSuccess)
        {
            return QueryError.FromDomain(computed.Error);
        }

        var r = computed.Value;
        var citations = new Citations.Citations();
        var bySymbol = instruments.ToDictionary(i => i.Symbol);
        var items = r.Members.Select(m =>
        {
            var memberSeries = series[bySymbol[m.Symbol].Id];
            // The 200-day average reaches back 200 closes before the end; the window return back to its base.
            var evidenceStart = memberSeries.Bars.Length == 0 ? to : memberSeries.Bars[Math.Max(0, DateIndex.LastOnOrBefore(memberSeries.Bars, to) - 199)].Date;
            if (m.Window is { } w && w.Base.Date < evidenceStart)
            {
                evidenceStart = w.Base.Date;
            }

            return new BreadthMemberItem(
                m.Symbol, m.Sector, m.SuperSector, m.Window?.Return,
                m.Window is { } b ? new PricePointResponse(b.Base.Date, b.Base.Price) : null,
                m.Window is { } e ? new PricePointResponse(e.End.Date, e.End.Price) : null,
                m.Window?.TradingDays, m.Rank, m.AboveSma50, m.AboveSma200,
                citations.Cite(memberSeries, evidenceStart, to));
        }).ToList();

        var cited = await citations.LoadAsync(
            reader,
            "Each member's window return on its own trading dates (base = close before from; a single date is that day's " +
            "close-to-close return); advancers > 0, decliners < 0, unchanged = 0; A/D line = cumulative (advancers − decliners) " +
            "per day; SMA breadth on each member's last close ≤ to; dispersion = population standard deviation of member " +
            "returns; super-sectors (Morningstar) are equal-weight means.",
            cancellationToken);
        return new SectorBreadthResponse(
            query.Group, r.From, r.To, items, r.Advancers, r.Decliners, r.Unchanged, r.MembersWithoutReturn,
            r.AdvanceDeclineLine.Select(p => new AdvanceDeclineItem(p.Date, p.Advancers, p.Decliners, p.Unchanged, p.Cumulative)).ToList(),
            Sma(r.AboveSma50), Sma(r.AboveSma200), r.Dispersion,
            new BreadthLeaderResponse(r.Leader.Symbol, r.Leader.Window?.Return),
            new BreadthLeaderResponse(r.Laggard.Symbol, r.Laggard.Window?.Return),
            r.SuperSectors.Select(s => new SuperSectorItem(s.SuperSector, s.MeanReturn, s.MemberCount)).ToList(),
            r.CyclicalMinusDefensive, cited.Methodology, cited.Sources);
    }

    private static MovingAverageBreadthResponse Sma(MovingAverageBreadth b) => new(b.Period, b.Above, b.Eligible, b.Excluded, b.PercentAbove);
}
