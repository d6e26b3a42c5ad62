using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Breadth;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Api.Services;

/// <param name="Group">Group name; members are the instruments listing it.</param>
/// <param name="From">First day of the window; null with <paramref name="To"/> null means the latest date alone.</param>
public sealed record SectorBreadthQuery(string Group, DateOnly? From, DateOnly? To);

/// <summary>Answers /breadth/sectors: the group's members up to the window's end, then the domain breadth report.</summary>
public sealed class SectorBreadthService(QueryPipeline pipeline)
{
    public CachedAnswer<SectorBreadthResponse> Get(SectorBreadthQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, market => Compute(market, query));

    private static QueryResult<SectorBreadthResponse> Compute(MarketQuery market, SectorBreadthQuery query)
    {
        var group = market.ResolveGroup("group", query.Group);
        if (group.Error is { } unknown)
        {
            return unknown;
        }

        var instruments = group.Value!;
        var withData = instruments.Where(i => market.Bars(i, query.To).Count > 0).ToList();
        if (withData.Count == 0)
        {
            return QueryError.NotEnoughData("group", $"No stored data for the members of '{query.Group}'.");
        }

        // SPEC §2: without dates, the latest date on which every member with data has a bar.
        var to = query.To ?? market.LatestCommonDate(withData)!.Value;
        var from = query.From ?? to;
        var members = instruments.Select(i => new BreadthMember(i.Symbol, i.Sector, market.Bars(i, to))).ToList();
        var computed = SectorBreadth.ForWindow(members, from, to);
        if (!computed.IsSuccess)
        {
            return QueryError.FromDomain(computed.Error, new InputParameters());
        }

        var r = computed.Value;
        var bySymbol = instruments.ToDictionary(i => i.Symbol);
        var items = r.Members.Select(m =>
        {
            var instrument = bySymbol[m.Symbol];
            var bars = market.Bars(instrument, to);
            // The long moving average reaches back that many closes before the end; the window return back to its base.
            var evidenceStart = bars.Count == 0 ? to : bars[Math.Max(0, bars.Count - SectorBreadth.LongAveragePeriod)].Date;
            if (m.Window is { } w && w.Base.Date < evidenceStart)
            {
                evidenceStart = w.Base.Date;
            }

            return new BreadthMemberItem(
                m.Symbol, m.Sector, m.SuperSector, m.Window?.Return,
                m.Window is { } b ? new PricePointResponse(b.Base.Date, b.Base.Price) : null,
                m.Window is { } e ? new PricePointResponse(e.End.Date, e.End.Price) : null,
                m.Window?.TradingDays, m.Rank, m.AboveSma50, m.AboveSma200,
                market.Cite(instrument, evidenceStart, to));
        }).ToList();

        var cited = market.Sources(
            "Each member's window return on its own trading dates (base = close before from; a single date is that day's " +
            "close-to-close return); advancers > 0, decliners < 0, unchanged = 0; A/D line = cumulative (advancers − decliners) " +
            $"per day; SMA breadth ({SectorBreadth.ShortAveragePeriod}- and {SectorBreadth.LongAveragePeriod}-day) on each member's " +
            "last close ≤ to; dispersion = population standard deviation of member returns; super-sectors (Morningstar) are " +
            "equal-weight means.");
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
